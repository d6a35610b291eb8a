package cn.wangjian.engine.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private final PriceRules rules = PriceRules.builtIn();

    private List<String> ids(long reference, long home, String history) {
        return rules.check(new PriceRules.Offer(reference, home, PriceHistory.parse(history)), TODAY).stream()
                .map(f -> f.rule().id()).toList();
    }

    @Test
    void referencePriceNoHigherThanTheLowestOfTheSevenDaysBeforeIsLawful() {
        assertThat(ids(10600, -1, "2026-11-01:106;2026-11-24:76")).isEmpty();
        assertThat(ids(10000, -1, "2026-11-01:106;2026-11-20:100;2026-11-24:76")).isEmpty();
    }

    @Test
    void referencePriceAboveTheLowestOfTheSevenDaysBeforeIsFound() {
        // 100 was charged on 11-20 .. 11-23, inside the window 11-17 .. 11-23, so 106 is too high
        List<PriceRules.Finding> f = rules.check(new PriceRules.Offer(10600, -1,
                PriceHistory.parse("2026-11-01:106;2026-11-20:100;2026-11-24:76")), TODAY);
        assertThat(f).extracting(x -> x.rule().id()).containsExactly("PR-16-REFERENCE-PRICE");
        assertThat(f.get(0).benchmarkCents()).isEqualTo(10000);
        assertThat(f.get(0).comparisonFrom()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(f.get(0).rule().article()).isEqualTo("第十六条");
        assertThat(f.get(0).detail()).contains("106").contains("100");
    }

    @Test
    void aReferencePriceNeverChargedIsAlsoAGroundlessBase() {
        assertThat(ids(15900, -1, "2026-11-01:106;2026-11-24:76"))
                .containsExactly("PR-16-REFERENCE-PRICE", "PR-17.2-GROUNDLESS-BASE");
    }

    @Test
    void noComparisonShownMeansNoPriceFinding() {
        assertThat(ids(-1, -1, "2026-11-01:106;2026-11-24:76")).isEmpty();
        assertThat(ids(7600, -1, "2026-11-01:106;2026-11-24:76")).isEmpty();     // reference = current price
        assertThat(ids(10600, -1, "")).isEmpty();
    }

    @Test
    void raisingThePriceShortlyBeforeTheDiscountIsFound() {
        assertThat(ids(15000, -1, "2026-10-01:100;2026-11-15:150;2026-11-25:90"))
                .contains("PR-17.1-RAISE-BEFORE-DISCOUNT");
        // a raise long before the discount is not "temporary"
        assertThat(ids(15000, -1, "2026-08-01:100;2026-09-01:150;2026-11-25:90"))
                .doesNotContain("PR-17.1-RAISE-BEFORE-DISCOUNT");
        // a small raise is not "marked"
        assertThat(ids(10500, -1, "2026-10-01:100;2026-11-15:105;2026-11-25:90"))
                .doesNotContain("PR-17.1-RAISE-BEFORE-DISCOUNT");
    }

    @Test
    void homePagePriceBelowTheDetailPriceIsFound() {
        assertThat(ids(-1, 6900, "2026-11-01:76")).containsExactly("PR-20.1-HOME-PRICE");
        assertThat(ids(-1, 7600, "2026-11-01:76")).isEmpty();
    }

    @Test
    void rulesDoNotApplyBeforeTheyTookEffect() {
        assertThat(rules.check(new PriceRules.Offer(15900, -1, PriceHistory.parse("2021-01-01:106;2021-03-01:76")),
                LocalDate.of(2021, 3, 10))).isEmpty();
    }

    @Test
    void historiesParseInBothNotationsAndRejectBadInput() {
        PriceHistory json = PriceHistory.parse("[{\"from\":\"2026-11-01\",\"price\":106},{\"from\":\"2026-11-24\",\"price\":75.5}]");
        assertThat(json.compact()).isEqualTo("2026-11-01:106;2026-11-24:75.5");
        assertThat(PriceHistory.parse(json.compact())).isEqualTo(json);
        assertThatThrownBy(() -> PriceHistory.parse("2026-11-24:76;2026-11-01:106")).hasMessageContaining("递增");
        assertThatThrownBy(() -> PriceHistory.parse("2026-11-01:-3")).hasMessageContaining("第 1 项");
        assertThatThrownBy(() -> PriceHistory.parse("2026-13-01:3")).hasMessageContaining("日期");
        assertThatThrownBy(() -> PriceHistory.parse("[{\"from\":\"2026-11-01\"}]")).hasMessageContaining("price");
        assertThatThrownBy(() -> PriceHistory.parse("2026-11-01:1.234")).hasMessageContaining("两位小数");
    }
}
