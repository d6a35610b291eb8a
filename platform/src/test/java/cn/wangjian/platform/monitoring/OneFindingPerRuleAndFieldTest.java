package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 item 3 (decision 0031): a listing whose title has two words of one rule is one finding of that rule and
 * field with both spans, highlighted (and escaped) on the finding page and in the queue; the same rule in the
 * description is another finding, overlapping spans one marked piece; a rerun adds nothing, a word added to the rule brings the open finding's spans up
 * to date, and a finding written before spans were kept stays readable and is not written again.
 */
class OneFindingPerRuleAndFieldTest extends PlatformTest {

    private static final String RULE = "AD-9.3-ABSOLUTE";
    private static final String TITLE = "<b onmouseover=alert(1)>最佳</b>羽绒服 顶级鹅绒 测试绝对词乙";
    private static final String DESCRIPTION = "本店顶级品质，冬季保暖";

    @Autowired
    MonitoringTasks tasks;
    @Autowired
    MonitoringRunner runner;
    @Autowired
    Findings findings;
    @Autowired
    Detectors detectors;
    @Autowired
    RuleChanges ruleChanges;
    @Autowired
    JdbcClient jdbc;

    private record Row(long id, String field, int spans, String status) {
    }

    private List<Row> rows(long task) {
        return jdbc.sql("""
                SELECT id, field, coalesce(jsonb_array_length(spans), -1), status FROM finding
                WHERE task_id = ? AND subject = 'demo-mall/Q-1' AND rule = ? ORDER BY field DESC, id""")
                .params(task, RULE).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4))).list();
    }

    @Test
    void two_words_of_one_rule_in_one_field_are_one_finding_with_two_spans() {
        // the engine does find the rule twice in the title: the platform is what groups them
        assertThat(detectors.text().scan(TITLE, "apparel", LocalDate.now(clock)).stream()
                .filter(f -> f.rule().equals(RULE)).map(cn.wangjian.engine.text.Finding::matched).toList())
                .containsExactly("最佳", "顶级");

        if (accounts.find("spans.platform").isEmpty()) {
            accounts.create(new NewAccount("spans.platform", "示例平台合规乙", PASSWORD, null, new RegionCode("110000"),
                    "示例电商平台", Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
        String shop = jdbc.sql("SELECT shop_id FROM shop WHERE platform_code = 'demo-mall' ORDER BY shop_id LIMIT 1")
                .query(String.class).single();
        String listing = "{\"listing_id\":\"Q-1\",\"shop_id\":\"" + shop + "\",\"category\":\"apparel\",\"title\":\""
                + TITLE + "\",\"description\":\"" + DESCRIPTION + "\",\"url\":\"https://demo-mall.example/item/Q-1\"}\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        assertThat(withToken("spans.platform").postForEntity("/api/platform-reports/listings?name=q.jsonl",
                new HttpEntity<>(listing.getBytes(StandardCharsets.UTF_8), headers), String.class)
                .getStatusCode().value()).isEqualTo(200);

        MonitoringTask task = tasks.create(new TaskForm("一商品一规则一字段", TaskKind.SPECIAL, "羽绒服",
                List.of("demo-mall"), List.of("apparel"), "", List.of(RuleSet.TEXT), List.of(), "", "", 2.0, 10),
                "test", "SAMR", "130000");
        MonitoringRunner.Run first = runner.runNow(task, "MANUAL", "test");
        assertThat(first.status()).as(first.error()).isEqualTo("SUCCEEDED");

        // one finding in the title with both words, one in the description with its one
        List<Row> found = rows(task.id());
        assertThat(found).extracting(Row::field).containsExactly("title", "description");
        assertThat(found).extracting(Row::spans).containsExactly(2, 2);
        long titleId = found.get(0).id();
        MonitoringFinding title = findings.find(titleId, DataScope.everything()).orElseThrow();
        assertThat(title.spans()).extracting(MonitoringFinding.Span::matched).containsExactly("最佳", "顶级");
        assertThat(title.spans()).extracting(MonitoringFinding.Span::kind).containsOnly("EXACT");
        assertThat(title.matched()).isEqualTo("最佳");
        assertThat(title.segments()).filteredOn(MonitoringFinding.Segment::marked)
                .extracting(MonitoringFinding.Segment::text).containsExactly("最佳", "顶级");
        // in the description the rule's word (a hint: the shop speaks of itself) and a homophone of another of its
        // words overlap: one finding, and one marked piece on the page
        MonitoringFinding description = findings.find(found.get(1).id(), DataScope.everything()).orElseThrow();
        assertThat(description.spans()).extracting(MonitoringFinding.Span::matched, MonitoringFinding.Span::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("顶级", "EXACT"),
                        org.assertj.core.groups.Tuple.tuple("级品", "HOMOPHONE"));
        assertThat(description.segments()).containsExactly(new MonitoringFinding.Segment("本店", false),
                new MonitoringFinding.Segment("顶级品", true), new MonitoringFinding.Segment("质，冬季保暖", false));
        // no subject, rule and field twice anywhere in this task's queue (the demo listings too)
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT subject, rule, field FROM finding WHERE task_id = ? AND source = 'LISTING'
                GROUP BY subject, rule, field HAVING count(*) > 1) d""").param(task.id()).query(Long.class).single())
                .isZero();

        // the finding page marks both spans; the reported markup stays text
        FormLogin officer = new FormLogin(rest, testUser("spans.hb", "SAMR", "130000", Role.MONITORING_OFFICER),
                PASSWORD);
        String page = officer.get("/monitoring/findings/" + titleId).getBody();
        assertThat(page).contains("<mark>最佳</mark>", "<mark>顶级</mark>", "id=\"span-count\">2<",
                        "&lt;b onmouseover=alert(1)&gt;")
                .doesNotContain("<b onmouseover");
        assertThat(Pattern.compile("class=\"finding-span\"").matcher(page).results().count()).isEqualTo(2);
        // the queue lists the listing once for the rule in its title, with both marks and their number
        String queue = officer.get("/monitoring/findings?task=" + task.id() + "&rule=" + RULE).getBody();
        Matcher rowsOfListing = Pattern.compile("data-subject=\"demo-mall/Q-1\"").matcher(queue);
        assertThat(rowsOfListing.results().count()).isEqualTo(2);      // title and description
        assertThat(queue).contains("<mark>最佳</mark>", "<mark>顶级</mark>", "命中 2 处").doesNotContain("<b onmouseover");
        // the API gives the spans
        assertThat(withToken("spans.hb").getForEntity("/api/monitoring/findings?task=" + task.id() + "&rule=" + RULE,
                String.class).getBody()).contains("\"spans\":[{\"start\":").contains("\"matched\":\"顶级\"");

        // a rerun over unchanged content adds nothing
        MonitoringRunner.Run again = runner.runNow(task, "MANUAL", "test");
        assertThat(again.findingsNew()).isZero();
        assertThat(again.findingsTotal()).isEqualTo(first.findingsTotal());
        assertThat(rows(task.id())).isEqualTo(found);

        // a word added to the rule: the open finding keeps its id and fingerprint and shows the third span
        String fingerprint = jdbc.sql("SELECT fingerprint FROM finding WHERE id = ?").param(titleId)
                .query(String.class).single();
        try {
            ruleChanges.addWords(RULE, List.of("测试绝对词乙"), false, "测试：一条发现多处命中", "test");
            MonitoringRunner.Run widened = runner.runNow(task, "MANUAL", "test");
            assertThat(widened.findingsNew()).isZero();
            assertThat(rows(task.id())).extracting(Row::id, Row::spans)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(titleId, 3),
                            org.assertj.core.groups.Tuple.tuple(found.get(1).id(), 2));
            assertThat(findings.find(titleId, DataScope.everything()).orElseThrow().spans())
                    .extracting(MonitoringFinding.Span::matched).containsExactly("最佳", "顶级", "测试绝对词乙");
            assertThat(jdbc.sql("SELECT fingerprint FROM finding WHERE id = ?").param(titleId).query(String.class)
                    .single()).isEqualTo(fingerprint);
        } finally {
            ruleChanges.rollBackToBuiltIn("test");
        }

        // a finding as written before spans were kept: one row per span, spans NULL, the span in its fingerprint
        jdbc.sql("""
                UPDATE finding SET spans = NULL, start_offset = ?, end_offset = ?, matched = '最佳', term = '最佳',
                    fingerprint = ? WHERE id = ?""")
                .params(TITLE.indexOf("最佳"), TITLE.indexOf("最佳") + 2, "0".repeat(63) + "1", titleId).update();
        MonitoringFinding legacy = findings.find(titleId, DataScope.everything()).orElseThrow();
        assertThat(legacy.spans()).extracting(MonitoringFinding.Span::matched).containsExactly("最佳");
        assertThat(officer.get("/monitoring/findings/" + titleId).getBody())
                .contains("<mark>最佳</mark>", "id=\"span-count\">1<").doesNotContain("<mark>顶级</mark>");
        // rerun: the older row stands for the listing's rule and field, nothing is added beside it
        MonitoringRunner.Run afterUpgrade = runner.runNow(task, "MANUAL", "test");
        assertThat(afterUpgrade.status()).isEqualTo("SUCCEEDED");
        assertThat(afterUpgrade.findingsNew()).isZero();
        assertThat(rows(task.id())).extracting(Row::id).containsExactly(titleId, found.get(1).id());
    }
}
