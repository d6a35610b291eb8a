package cn.wangjian.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextScannerTest {

    static final TextScanner SCANNER = TextScanner.build(RuleCatalog.builtIn());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static List<Finding> scan(String text, String category) {
        return SCANNER.scan(text, category, TODAY);
    }

    @Test
    void a_finding_cites_the_law_and_spans_the_original_text() {
        String text = "秋冬新品，全網最\u200b佳的羊毛衫";
        Finding f = scan(text, "apparel").get(0);
        assertThat(f.rule()).isEqualTo("AD-9.3-ABSOLUTE");
        assertThat(f.law()).isEqualTo("中华人民共和国广告法");
        assertThat(f.article()).isEqualTo("第九条第（三）项");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("最\u200b佳").isEqualTo(f.matched());
        assertThat(f.term()).isEqualTo("最佳");
        assertThat(f.kind()).isEqualTo(Finding.MatchKind.EXACT);
        assertThat(f.explanation()).contains("广告法");
    }

    @Test
    void prohibited_goods_are_found_but_toys_and_detectors_are_not() {
        assertThat(scan("出售仿 真 枪，配件齐全", "general")).extracting(Finding::rule)
                .containsExactly("EC-13-PROHIBITED-GOODS");
        assertThat(scan("针孔摄像头 隐蔽安装", "electronics")).extracting(Finding::rule)
                .containsExactly("EC-13-PROHIBITED-GOODS");
        assertThat(scan("儿童夏日水枪玩具", "general")).isEmpty();
        assertThat(scan("酒店防偷拍检测仪", "electronics")).isEmpty();
    }

    @Test
    void disease_claims_are_violations_for_food_but_not_for_registered_drugs() {
        assertThat(scan("本品可降血糖", "food")).extracting(Finding::rule).containsExactly("AD-17-DISEASE");
        assertThat(scan("本品可降血糖", "cosmetics")).extracting(Finding::rule).containsExactly("AD-17-DISEASE");
        assertThat(scan("本品可降血糖", "drug")).isEmpty();
        assertThat(scan("本品可降血糖，本品不能代替药物", "health_food")).extracting(Finding::rule)
                .containsExactly("AD-18-HEALTH-FOOD");
    }

    @Test
    void a_renumbered_law_is_cited_by_the_date_of_the_conduct() {
        Finding before = SCANNER.scan("好评返现5元", "general", LocalDate.of(2025, 10, 14)).get(0);
        Finding after = SCANNER.scan("好评返现5元", "general", LocalDate.of(2025, 10, 15)).get(0);
        assertThat(before.law()).isEqualTo(after.law()).isEqualTo("中华人民共和国反不正当竞争法");
        assertThat(before.article()).isEqualTo("第八条");
        assertThat(after.article()).startsWith("第九条");
    }

    @Test
    void words_that_only_contain_a_term_across_a_word_boundary_are_not_findings() {
        assertThat(scan("提高仿真度的新工艺", "general")).isEmpty();
        assertThat(scan("第一次购买有优惠", "general")).isEmpty();
        assertThat(scan("最，佳能相机", "electronics")).isEmpty();
        assertThat(scan("最近上新", "apparel")).isEmpty();
        assertThat(scan("最佳人选", "general")).extracting(Finding::term).containsExactly("最佳");
    }

    @Test
    void safe_harbours_turn_a_finding_into_a_hint() {
        assertThat(scan("本店最新款连衣裙", "apparel")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HINT));
        assertThat(scan("荣获最佳设计奖", "general")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HINT));
        assertThat(scan("最佳赏味期7天", "food")).isEmpty();
        assertThat(scan("顾客第一，诚信经营", "general")).isEmpty();
    }

    @Test
    void a_term_with_symbols_matches_and_a_longer_number_does_not() {
        assertThat(scan("1:1复制手表", "apparel")).extracting(Finding::matched).contains("1:1");
        assertThat(scan("11:10准时开抢", "general")).isEmpty();
        assertThat(scan("TOP10榜单", "general")).isEmpty();
        assertThat(scan("NO.1品牌", "general")).extracting(Finding::matched).containsExactly("NO.1");
    }

    @Test
    void a_required_statement_missing_is_a_finding() {
        assertThat(scan("鱼油软胶囊，每日两粒", "health_food")).extracting(Finding::rule).containsExactly("AD-18-STATEMENT");
        assertThat(scan("鱼油软胶囊，每日两粒。本品不能代替药物", "health_food")).isEmpty();
        assertThat(scan("鱼油，每日两粒", "food")).isEmpty();
    }

    @Test
    void a_malformed_health_food_approval_number_is_a_finding() {
        assertThat(scan("国食健字G20150123 本品不能代替药物", "health_food")).isEmpty();
        assertThat(scan("国食健注：J20190001。本品不能代替药物", "health_food")).isEmpty();
        assertThat(scan("国食健字G2015012 本品不能代替药物", "health_food"))
                .extracting(Finding::rule).containsExactly("AD-11-HEALTH-FOOD-NUMBER");
        assertThat(scan("国食健字X20150123 本品不能代替药物", "health_food"))
                .extracting(Finding::matched).containsExactly("国食健字X20150123");
    }

    @Test
    void a_figure_without_its_source_is_a_finding_and_with_its_source_is_not() {
        assertThat(scan("98%的用户选择了我们", "general")).extracting(Finding::rule, Finding::matched)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AD-11-UNSOURCED", "98%"),
                        org.assertj.core.groups.Tuple.tuple("AD-11-UNSOURCED", "用户选择"));
        assertThat(scan("98%的用户选择了我们（数据来源：2024年第三方调查）", "general")).isEmpty();
    }

    @Test
    void evasions_are_found_with_their_kind_and_a_lower_confidence() {
        Finding pinyin = scan("gao仿名表", "apparel").get(0);
        assertThat(pinyin.kind()).isEqualTo(Finding.MatchKind.PINYIN);
        assertThat(pinyin.matched()).isEqualTo("gao仿");
        assertThat(pinyin.severity()).isEqualTo(Severity.HIGH);
        Finding homophone = scan("醉佳好物", "general").get(0);
        assertThat(homophone.kind()).isEqualTo(Finding.MatchKind.HOMOPHONE);
        // a clear evasion (keeps 佳, no word of its own, on word boundaries) is as severe as 最佳 itself (issue 17)
        assertThat(homophone.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(homophone.confidence()).isLessThan(pinyin.confidence());
        Finding lookalike = scan("根冶失眠", "food").get(0);
        assertThat(lookalike.kind()).isEqualTo(Finding.MatchKind.LOOKALIKE);
        // an English word that happens to contain pinyin letters is not pinyin
        assertThat(scan("Shanghaigaofangxyz", "apparel")).isEmpty();
    }

    @Test
    void hostile_markup_is_read_as_text() {
        String text = "<script>alert('最佳')</script><img src=x onerror=\"高仿\">";
        List<Finding> findings = scan(text, "general");
        assertThat(findings).extracting(Finding::term).contains("最佳");
        findings.forEach(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.matched()));
    }

    @Test
    void concurrent_scans_agree_with_a_single_thread() throws Exception {
        List<String> texts = List.of("全网最佳", "高仿包包 gao仿", "根治糖尿病", "最终解释权归本店所有", "普通的杯子");
        List<List<Finding>> expected = texts.stream().map(t -> scan(t, "food")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int k = 0; k < 200; k++) {
                int i = k % texts.size();
                results.add(pool.submit(() -> scan(texts.get(i), "food").equals(expected.get(i))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_live_scanner_swaps_in_new_rules_whole() {
        LiveScanner live = new LiveScanner(RuleCatalog.builtIn());
        TextScanner before = live.get();
        assertThat(before.scan("神仙水", "cosmetics", TODAY)).isEmpty();
        Rule extra = new Rule("TEST-1", "test", "测试", Severity.LOW, RuleKind.TERMS,
                List.of(new LawReference("测试法", "第一条", null, LocalDate.of(2020, 1, 1), null, "V")),
                java.util.Set.of(), java.util.Set.of(), List.of("神仙水"), List.of(), List.of(), List.of(), 4, null,
                List.of(), null, true, true, "测试规则");
        TextScanner after = live.replace(RuleCatalog.builtIn().with("test", List.of(extra)));
        assertThat(live.get()).isSameAs(after);
        assertThat(after.scan("神仙水", "cosmetics", TODAY)).extracting(Finding::rule).containsExactly("TEST-1");
        assertThat(before.scan("神仙水", "cosmetics", TODAY)).isEmpty();
    }

    @Test
    void a_broken_catalog_names_the_file_rule_and_field(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("catalog.json"),
                "{\"version\":\"t\",\"productCategories\":{\"general\":\"一般\"},\"files\":[\"r.json\"]}");
        Files.writeString(dir.resolve("r.json"), "{\"rules\":[{\"id\":\"X-1\",\"category\":\"c\",\"title\":\"t\","
                + "\"severity\":\"high\",\"terms\":[\"a\"],\"explanation\":\"e\",\"laws\":[{\"law\":\"l\","
                + "\"article\":\"1\",\"effectiveFrom\":\"2020-13-01\"}]}]}");
        assertThatThrownBy(() -> RuleCatalog.load(dir)).hasMessageContaining("r.json")
                .hasMessageContaining("X-1").hasMessageContaining("effectiveFrom");
        Files.writeString(dir.resolve("r.json"), "{\"rules\":[{\"id\":\"X-1\",\"category\":\"c\",\"title\":\"t\","
                + "\"severity\":\"high\",\"terms\":[\"a\"],\"explanation\":\"e\",\"appliesTo\":[\"food\"],"
                + "\"laws\":[{\"law\":\"l\",\"article\":\"1\",\"effectiveFrom\":\"2020-01-01\"}]}]}");
        assertThatThrownBy(() -> RuleCatalog.load(dir)).hasMessageContaining("X-1")
                .hasMessageContaining("unknown product category 'food'");
    }

    @Test
    void the_built_in_catalog_covers_the_reference_categories() {
        assertThat(RuleCatalog.builtIn().rules()).extracting(Rule::category).contains("absolute_term",
                "medical_claim", "health_food_claim", "missing_statement", "approval_number", "unsourced_claim",
                "education_promise", "investment_promise", "counterfeit", "geographical_indication", "unfair_terms",
                "fake_reviews");
    }
}
