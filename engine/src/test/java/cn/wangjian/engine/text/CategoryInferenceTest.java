package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawled page has no product category: it is inferred from the catalog's cues, and that category's rules apply. */
class CategoryInferenceTest {

    static final TextScanner SCANNER = TextScanner.build(RuleCatalog.builtIn());
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void approval_numbers_and_category_words_give_the_category_and_a_plain_page_is_general_goods() {
        assertThat(SCANNER.inferCategory("感冒灵颗粒 国药准字Z44021940 用法用量：开水冲服")).isEqualTo("drug");
        assertThat(SCANNER.inferCategory("深海鱼油软胶囊 国食健字G20150123 保健功能：辅助降血脂")).isEqualTo("health_food");
        assertThat(SCANNER.inferCategory("精装三居室 建筑面积约120平米 开发商直售")).isEqualTo("real_estate");
        assertThat(SCANNER.inferCategory("纯棉短袖T恤 男款 夏季")).isEqualTo("general");
        // one strong cue outweighs two plain cues of another category
        assertThat(SCANNER.inferCategory("保健食品 配料：鱼油 国食健字G20150123 食品 保质期24个月")).isEqualTo("health_food");
    }

    @Test
    void the_inferred_category_decides_which_rules_apply() {
        // a health-food page without 本品不能代替药物 lacks the required statement only once it is known to be health food
        String page = "蓝帽子认证 国食健字G20150123 辅助降血脂 每日两粒";
        assertThat(SCANNER.scan(page, null, TODAY)).extracting(Finding::rule).doesNotContain("AD-18-STATEMENT");
        List<Finding> found = new ArrayList<>();
        String category = SCANNER.scanPage(page, TODAY, found::add);
        assertThat(category).isEqualTo("health_food");
        assertThat(found).extracting(Finding::rule).contains("AD-18-STATEMENT");
    }

    @Test
    void a_cue_of_an_unknown_category_is_refused_with_its_place(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("catalog.json"), """
                {"version": "t", "productCategories": {"general": "一般商品"},
                 "categoryCues": [{"category": "drug", "cues": ["国药准字"]}],
                 "files": []}
                """);
        assertThatThrownBy(() -> RuleCatalog.load(dir)).isInstanceOf(RuleCatalog.CatalogException.class)
                .hasMessageContaining("unknown product category 'drug'");
        Files.writeString(dir.resolve("catalog.json"), """
                {"version": "t", "productCategories": {"general": "一般商品"},
                 "categoryCues": [{"category": "general", "cues": []}], "files": []}
                """);
        assertThatThrownBy(() -> RuleCatalog.load(dir)).isInstanceOf(RuleCatalog.CatalogException.class)
                .hasMessageContaining("categoryCues[0]").hasMessageContaining("empty");
    }
}
