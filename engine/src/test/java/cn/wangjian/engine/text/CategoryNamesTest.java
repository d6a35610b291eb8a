package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.engine.listing.ListingChecks;
import cn.wangjian.engine.price.PriceRules;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every finding category of the built-in rules has the name officers read (issue 18: names, not codes). */
class CategoryNamesTest {

    @Test
    void every_built_in_finding_category_has_a_chinese_name() {
        RuleCatalog catalog = RuleCatalog.builtIn();
        Set<String> categories = new HashSet<>();
        catalog.rules().forEach(r -> categories.add(r.category()));
        ListingChecks.builtIn(catalog).rules().forEach(r -> categories.add(r.category()));
        PriceRules.builtIn().rules().forEach(r -> categories.add(r.category()));
        assertThat(catalog.ruleCategoryNames().keySet()).containsAll(categories);
        assertThat(catalog.ruleCategoryNames().values()).allMatch(n -> n.codePoints().anyMatch(c -> c >= 0x4E00));
        // a copy with more rules keeps the names
        assertThat(catalog.with("t", java.util.List.of()).ruleCategoryNames()).isEqualTo(catalog.ruleCategoryNames());
    }
}
