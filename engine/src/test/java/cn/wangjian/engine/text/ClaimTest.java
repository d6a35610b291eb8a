package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Claims of effect on the body found as structure: a body word, a change word, and a time span or testimonial. */
class ClaimTest {

    static final TextScanner SCANNER = TextScanner.build(RuleCatalog.builtIn());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static List<Finding> claims(String text, String category) {
        return SCANNER.scan(text, category, TODAY).stream().filter(f -> f.rule().equals("AD-17-BODY-CLAIM")).toList();
    }

    @Test
    void a_testimonial_with_a_time_span_is_a_high_claim_explained_with_its_words() {
        List<Finding> found = claims("喝了一个月，肠胃消化好多了 酵素饮品", "food");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(found.get(0).matched()).isEqualTo("肠胃消化好多了");
        assertThat(found.get(0).explanation()).startsWith("普通食品宣称“肠胃消化好多了”：").contains("第十七条");
    }

    @Test
    void a_claim_without_support_is_medium_a_body_word_alone_is_nothing_and_health_food_is_exempt() {
        assertThat(claims("黑芝麻丸 头发变黑", "food")).extracting(Finding::severity).containsExactly(Severity.MEDIUM);
        assertThat(claims("护眼台灯 视力表 同款", "general")).isEmpty();
        assertThat(claims("坚持三十天，头发变黑", "health_food")).isEmpty();
        // a negated claim is a hint
        assertThat(claims("本品不能改善睡眠，仅为普通食品", "food")).extracting(Finding::severity)
                .containsExactly(Severity.HINT);
    }

    @Test
    void a_claim_rule_that_can_never_match_or_always_counts_as_supported_is_refused() {
        assertThatThrownBy(() -> new ClaimSpec(List.of(), List.of(), 10, Severity.MEDIUM))
                .hasMessageContaining("changes");
        assertThatThrownBy(() -> new ClaimSpec(List.of("改善"), List.of(Pattern.compile("\\d*")), 10, Severity.MEDIUM))
                .hasMessageContaining("matches the empty text");
        assertThatThrownBy(() -> new RuleCatalog("t", java.util.Map.of("general", "一般"), List.of(new Rule("X-1",
                "medical_claim", "t", Severity.HIGH, RuleKind.CLAIM, List.of(new LawReference("法", "第一条", null,
                LocalDate.of(2015, 1, 1), null, null)), java.util.Set.of(), java.util.Set.of(), List.of("血压"),
                List.of(), List.of(), List.of(), 6, null, List.of(), null, false, false, "x")), LawfulText.NONE,
                java.util.Map.of())).hasMessageContaining("without its 'claim' part");
    }

    @Test
    void superstition_is_found_but_a_logistics_transfer_station_is_not() {
        assertThat(SCANNER.scan("正版开光貔貅手链 招财转运", "general", TODAY)).extracting(Finding::rule)
                .contains("AD-9.8-SUPERSTITION");
        assertThat(SCANNER.scan("快递物流转运中心 纸箱", "general", TODAY)).extracting(Finding::rule)
                .doesNotContain("AD-9.8-SUPERSTITION");
    }

    @Test
    void a_drug_ad_asserting_efficacy_in_days_is_found_but_the_label_telling_when_to_see_a_doctor_is_not() {
        assertThat(SCANNER.scan("服用3天，腰腿痛逐渐消失，一个疗程彻底恢复", "drug", TODAY)).extracting(Finding::rule,
                Finding::severity).contains(org.assertj.core.groups.Tuple.tuple("AD-16-EFFICACY-CLAIM", Severity.HIGH));
        assertThat(SCANNER.scan("服药3天症状无缓解，应去医院就诊。", "drug", TODAY))
                .noneMatch(f -> f.severity() != Severity.HINT);
        // a medical-service ad is flagged unless it shows its review certificate
        assertThat(SCANNER.scan("热玛吉 抗衰老 限时特惠", "general", TODAY)).extracting(Finding::rule)
                .contains("AD-46-MEDICAL-SERVICE-UNREVIEWED");
        assertThat(SCANNER.scan("热玛吉 抗衰老 （医广）第2026-08-01号", "general", TODAY))
                .filteredOn(f -> f.rule().equals("AD-46-MEDICAL-SERVICE-UNREVIEWED"))
                .allMatch(f -> f.severity() == Severity.HINT);
    }

    @Test
    void the_new_families_do_not_flood_plain_listings_with_sound_alike_hints() {
        // a first version looked for sound-alikes of the medical-service words and hinted at 33,000 of the demo
        // market's 50,000 plain listings
        for (String plain : List.of("护手霜 产地直发 包邮，品质保证。", "运动鞋，当季新品，支持七天无理由退货。",
                "男士衬衫 一枚包邮 人气款", "排名不分先后 多款可选")) {
            assertThat(SCANNER.scan(plain, "general", TODAY)).extracting(Finding::rule)
                    .doesNotContain("AD-46-MEDICAL-SERVICE-UNREVIEWED", "AD-9.8-SUPERSTITION", "AD-9.7-VULGAR");
        }
    }
}
