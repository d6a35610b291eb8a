package cn.wangjian.engine.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.listing.ListingChecks.Finding;
import cn.wangjian.engine.listing.ListingChecks.Listing;
import cn.wangjian.engine.text.RuleCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The no-reason return as the law draws it, brands against their dictionary, GIs against their production area. */
class ListingChecksTest {

    static final RuleCatalog CATALOG = RuleCatalog.builtIn();
    static final ListingChecks CHECKS = ListingChecks.builtIn(CATALOG);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static List<String> rules(String category, String title, String description) {
        return rules(new Listing(category, title, description, null, null, null));
    }

    private static List<String> rules(Listing l) {
        return CHECKS.check(l, TODAY).stream().map(f -> f.rule().id()).toList();
    }

    @Test
    void an_exclusion_needs_a_statutory_kind_or_the_buyers_confirmation() {
        // clothing is not excluded by any provision
        assertThat(rules("apparel", "纯棉T恤 男款", "本店商品不支持七天无理由退货")).containsExactly("RT-30-EXCLUSION-UNFOUNDED");
        // made to order, fresh goods and digital goods are excluded by the law itself
        assertThat(rules("apparel", "定制刻字T恤", "本商品不支持七天无理由退货")).isEmpty();
        assertThat(rules("agricultural_product", "现摘水蜜桃 5斤装", "不支持七天无理由退货")).isEmpty();
        assertThat(rules("general", "软件激活码 正版", "虚拟商品不支持7天无理由")).isEmpty();
        // cosmetics once unsealed may be excluded, but only with a confirmation at purchase
        assertThat(rules("cosmetics", "保湿面霜 50g", "拆封后不支持七天无理由退货")).containsExactly("RT-7-CONFIRMATION-MISSING");
        assertThat(rules("cosmetics", "保湿面霜 50g", "拆封后不支持七天无理由退货，下单前确认后购买")).isEmpty();
    }

    @Test
    void a_condition_added_to_the_return_is_found_and_its_absence_is_not() {
        List<Finding> found = CHECKS.check(new Listing("apparel", "羊毛大衣", "支持七天无理由退货（需扣除10%手续费）", null,
                null, null), TODAY);
        assertThat(found).extracting(f -> f.rule().id()).containsExactly("RT-25-CONDITIONS-ADDED");
        Finding f = found.get(0);
        assertThat(f.field()).isEqualTo("description");
        assertThat("支持七天无理由退货（需扣除10%手续费）".substring(f.start(), f.end())).isEqualTo("七天无理由退货（需扣除");
        assertThat(f.law().law()).isEqualTo("中华人民共和国消费者权益保护法");
        assertThat(rules("apparel", "羊毛大衣", "支持七天无理由退货，不收取手续费，运费自理")).isEmpty();
    }

    @Test
    void a_brand_with_a_signal_or_far_below_its_reference_price_and_an_accessory_that_is_not() {
        assertThat(rules(new Listing("apparel", "LV原单老花手袋", null, 120_000L, null, null)))
                .containsExactly("TM-57-BRAND-SIGNAL");
        List<Finding> cheap = CHECKS.check(new Listing("apparel", "路易威登 老花手袋 专柜款", null, 59_900L, null, null),
                TODAY);
        assertThat(cheap).extracting(f -> f.rule().id()).containsExactly("TM-57-BRAND-PRICE");
        assertThat(cheap.get(0).detail()).contains("599 元").contains("8000 元");
        assertThat(rules(new Listing("apparel", "路易威登 老花手袋", null, 1_200_000L, null, null))).isEmpty();
        assertThat(rules(new Listing("apparel", "适用LV手袋的防尘袋", null, 2_900L, null, null))).isEmpty();
        // a Latin alias inside a longer word is not the brand
        assertThat(rules(new Listing("apparel", "LVL木方 建材", null, 2_900L, null, null))).isEmpty();
    }

    @Test
    void a_signal_word_officers_add_to_the_text_rule_counts_for_brands_too() {
        Listing listing = new Listing("apparel", "LV同源工厂货 老花手袋", null, null, null, null);
        assertThat(rules(listing)).isEmpty();
        RuleCatalog more = CATALOG.withAdditions("t", java.util.Map.of("TM-57-COUNTERFEIT", List.of("同源工厂货")),
                java.util.Map.of(), List.of());
        assertThat(CHECKS.withSignalsOf(more).check(listing, TODAY)).extracting(f -> f.rule().id())
                .containsExactly("TM-57-BRAND-SIGNAL");
    }

    @Test
    void a_geographical_indication_sold_from_outside_its_area() {
        assertThat(rules(new Listing("agricultural_product", "明前西湖龙井 250g", null, 68_000L, "91330106MA2XXXXXX0",
                "330106"))).isEmpty();
        List<Finding> outside = CHECKS.check(new Listing("agricultural_product", "明前西湖龙井 250g", null, 6_800L, null,
                "350524"), TODAY);
        assertThat(outside).extracting(f -> f.rule().id()).containsExactly("GI-16-OUTSIDE-ORIGIN");
        assertThat(outside.get(0).law().verification()).isEqualTo("R");
        // without a known seller region nothing is said (the text scan's hint stays)
        assertThat(rules(new Listing("agricultural_product", "明前西湖龙井 250g", null, 6_800L, null, null))).isEmpty();
    }

    @Test
    void an_original_price_many_times_the_selling_price_written_in_the_text_is_to_be_verified() {
        List<Finding> found = CHECKS.check(new Listing("education", "2节试听课+期末高分秘籍，原价430元，现价仅12元", null,
                null, null, null), TODAY);
        assertThat(found).extracting(f -> f.rule().id()).containsExactly("PR-16-REFERENCE-IMPLAUSIBLE");
        assertThat(found.get(0).detail()).contains("2.8%");
        // an ordinary discount is not
        assertThat(rules("food", "69.9元抢原价119.8元 冷吃兔", null)).isEmpty();
    }

    @Test
    void a_bad_rule_file_is_refused_with_its_place() {
        String base = """
                {"version": "t", "rules": [%s], "returns": {"window": 24}, "brands": [%s]}
                """;
        String rule = """
                {"id": "X", "check": "BRAND_PRICE", "category": "counterfeit", "title": "t", "severity": "medium",
                 "explanation": "e", "laws": [{"law": "商标法", "article": "第五十七条"}]}""";
        assertThatThrownBy(() -> parse(base.formatted(rule, "")))
                .hasMessageContaining("rule X").hasMessageContaining("effectiveFrom");
        String brand = """
                {"brand": "B", "aliases": ["B"], "rightsHolder": "R", "referencePrices": {"shoes": 100}}""";
        assertThatThrownBy(() -> parse(base.formatted("", brand)))
                .hasMessageContaining("brands[0]").hasMessageContaining("unknown product category 'shoes'");
        assertThatThrownBy(() -> parse(base.formatted(rule.replace("BRAND_PRICE", "ANYTHING"), "")))
                .hasMessageContaining("unknown check 'ANYTHING'");
        assertThatThrownBy(() -> parse("""
                {"version": "t", "priceText": {"reference": "(原价)?(\\\\d*)", "selling": "(现价)(\\\\d+)"}}"""))
                .hasMessageContaining("priceText.reference").hasMessageContaining("empty text");
    }

    private static ListingChecks parse(String json) {
        return ListingChecks.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", CATALOG);
    }
}
