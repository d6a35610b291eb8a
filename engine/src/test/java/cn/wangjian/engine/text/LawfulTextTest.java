package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lawful text: titles of works, negating clauses and composition statements hold a rule's word lawfully. */
class LawfulTextTest {

    static final TextScanner SCANNER = TextScanner.build(RuleCatalog.builtIn());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Severity worst(String text, String category, String rule) {
        return SCANNER.scan(text, category, TODAY).stream().filter(f -> f.rule().equals(rule))
                .map(Finding::severity).max(Enum::compareTo).orElse(null);
    }

    @Test
    void a_work_title_holds_its_words_but_the_same_words_outside_it_are_found() {
        assertThat(worst("《最好的我们》八月长安 著 正版图书", "general", "AD-9.3-ABSOLUTE")).isEqualTo(Severity.HINT);
        assertThat(worst("最好的羽绒服 《冬日》同款", "apparel", "AD-9.3-ABSOLUTE")).isEqualTo(Severity.MEDIUM);
        // an unclosed mark is not a title
        assertThat(worst("《最好的羽绒服 全网同款", "apparel", "AD-9.3-ABSOLUTE")).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void a_negating_clause_defuses_a_claim_but_not_the_next_clause() {
        assertThat(worst("本品为保健食品，不能代替药物，不具有疾病预防、治疗功能", "health_food", "AD-18-HEALTH-FOOD"))
                .isEqualTo(Severity.HINT);
        assertThat(worst("不能再等了，三天治疗失眠", "food", "AD-17-DISEASE")).isEqualTo(Severity.HIGH);
        // 不用、无需 introduce miracle claims: they are not negations here
        assertThat(worst("不用吃药就能根治失眠", "food", "AD-17-DISEASE")).isEqualTo(Severity.HIGH);
        assertThat(worst("投资有风险，本产品不保本", "investment", "AD-25-INVESTMENT")).isIn(Severity.HINT, null);
    }

    @Test
    void a_composition_statement_is_not_a_statistic_and_proper_nouns_and_style_words_are_lawful() {
        assertThat(worst("成分：棉100% 纯棉T恤", "apparel", "AD-11-UNSOURCED")).isEqualTo(Severity.HINT);
        assertThat(worst("张家界国家级自然保护区 门票", "general", "AD-9.3-ABSOLUTE")).isNull();
        assertThat(worst("治愈系 毛绒公仔", "general", "AD-17-DISEASE")).isNull();
    }

    @Test
    void marks_that_are_not_pairs_are_refused() {
        assertThatThrownBy(() -> new LawfulText(List.of("《"), 40, List.of(), 0, Set.of(), List.of(), Set.of(),
                List.of()))
                .hasMessageContaining("titleMarks");
    }
}
