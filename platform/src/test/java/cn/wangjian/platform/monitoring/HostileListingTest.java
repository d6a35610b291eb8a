package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform reports listings through its API, one of them with hostile markup; a task scoped to that platform
 * finds its wording, the queue shows it escaped, a bad row is rejected with its line, and another platform's user
 * cannot report for this one.
 */
class HostileListingTest extends PlatformTest {

    @Autowired
    MonitoringTasks tasks;
    @Autowired
    MonitoringRunner runner;
    @Autowired
    JdbcClient jdbc;

    @Test
    void reported_hostile_markup_is_found_and_shown_inert() {
        if (accounts.find("hostile.platform").isEmpty()) {
            accounts.create(new NewAccount("hostile.platform", "示例平台合规", PASSWORD, null, new RegionCode("110000"),
                    "示例电商平台", Set.of(Role.PLATFORM_COMPLIANCE)), "test");
        }
        String shop = jdbc.sql("SELECT shop_id FROM shop WHERE platform_code = 'demo-mall' ORDER BY shop_id LIMIT 1")
                .query(String.class).single();
        String hostile = "{\"listing_id\":\"H-1\",\"shop_id\":\"" + shop + "\",\"category\":\"apparel\","
                + "\"title\":\"<script>alert('x')</script><img src=x onerror=alert(1)>全网最佳羽绒服\","
                + "\"url\":\"https://demo-mall.example/item/H-1\",\"original_price\":399,"
                + "\"prices\":[{\"from\":\"2026-11-01\",\"price\":199},{\"from\":\"2026-11-25\",\"price\":159}]}\n";
        String bad = "{\"listing_id\":\"H-2\",\"shop_id\":\"" + shop + "\",\"title\":\"羽绒服\",\"prices\":\"2026-11-25:10;2026-11-01:9\"}\n";
        String shopPage = "{\"kind\":\"shop_page\",\"listing_id\":\"H-4\",\"shop_id\":\"" + shop
                + "\",\"category\":\"apparel\",\"title\":\"店铺公告\",\"description\":\"活动最终解释权归本店所有。\"}\n";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/x-ndjson"));
        var partial = withToken("hostile.platform").postForEntity(
                "/api/platform-reports/listings?mode=partial&name=report.jsonl",
                new HttpEntity<>((hostile + bad + shopPage).getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(partial.getStatusCode().value()).isEqualTo(200);
        assertThat(partial.getBody()).contains("\"line\":2").contains("prices");
        assertThat(jdbc.sql("SELECT listing_id || ' ' || kind FROM listing WHERE platform_code = 'demo-mall'"
                + " AND listing_id LIKE 'H-%' ORDER BY listing_id").query(String.class).list())
                .containsExactly("H-1 LISTING", "H-4 SHOP_PAGE");
        // a report naming another platform is refused
        var foreign = withToken("hostile.platform").postForEntity("/api/platform-reports/listings",
                new HttpEntity<>(("{\"platform\":\"huiyi-shop\",\"listing_id\":\"H-3\",\"shop_id\":\"S100000\","
                        + "\"title\":\"x\"}\n").getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(422);

        MonitoringTask task = tasks.create(new TaskForm("示例平台专项", TaskKind.SPECIAL, "羽绒服", List.of("demo-mall"),
                List.of("apparel"), "", List.of(RuleSet.TEXT, RuleSet.PRICE), List.of(), "", "", 2.0, 10), "test",
                "SAMR", "120000");
        MonitoringRunner.Run run = runner.runNow(task, "MANUAL", "test");
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("SELECT rule FROM finding WHERE task_id = ? AND subject = 'demo-mall/H-1' ORDER BY rule")
                .param(task.id()).query(String.class).list())
                .contains("AD-9.3-ABSOLUTE", "PR-16-REFERENCE-PRICE", "PR-17.2-GROUNDLESS-BASE");
        assertThat(jdbc.sql("SELECT rule FROM finding WHERE task_id = ? AND subject = 'demo-mall/H-4'")
                .param(task.id()).query(String.class).list()).containsExactly("CP-26-UNFAIR-TERMS");
        assertThat(jdbc.sql("SELECT count(*) FROM finding WHERE task_id = ? AND platform_code <> 'demo-mall'")
                .param(task.id()).query(Long.class).single()).isZero();

        FormLogin officer = new FormLogin(rest, testUser("hostile.tj", "SAMR", "120000", Role.MONITORING_OFFICER), PASSWORD);
        String page = officer.get("/monitoring/findings?task=" + task.id() + "&rule=AD-9.3-ABSOLUTE").getBody();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(page).contains("<mark>最佳</mark>");
        // what the finding is about by platform, shop and title (the hostile title escaped there too), the code a tooltip
        String shopName = jdbc.sql("SELECT shop_name FROM shop WHERE platform_code = 'demo-mall' AND shop_id = ?")
                .param(shop).query(String.class).single();
        assertThat(page).contains("title=\"demo-mall/H-1\">示例电商平台 · " + shopName + "：&lt;script&gt;");

        // data scope: the same agency elsewhere sees nothing of it; another agency's liaison has no monitoring area
        long findingId = jdbc.sql("SELECT min(id) FROM finding WHERE task_id = ?").param(task.id()).query(Long.class).single();
        assertThat(officer.get("/monitoring/findings/" + findingId).getStatusCode().value()).isEqualTo(200);
        // the finding's category by its Chinese name, the code as a tooltip (issue 18)
        String category = jdbc.sql("SELECT rule_category FROM finding WHERE id = ?").param(findingId)
                .query(String.class).single();
        String name = cn.wangjian.engine.text.RuleCatalog.builtIn().ruleCategoryNames().get(category);
        assertThat(name).isNotBlank();
        assertThat(officer.get("/monitoring/findings/" + findingId).getBody())
                .contains("title=\"" + category + "\"", ">" + name + "<").doesNotContain("（" + category + "）");
        // the task's rule sets by their names, not their codes
        String taskPage = officer.get("/monitoring/tasks/" + task.id()).getBody();
        assertThat(taskPage).contains("文字违法").doesNotContain("[TEXT");
        FormLogin shanghai = new FormLogin(rest, testUser("hostile.sh", "SAMR", "310000", Role.MONITORING_OFFICER), PASSWORD);
        assertThat(shanghai.get("/monitoring/findings/" + findingId).getStatusCode().value()).isEqualTo(404);
        assertThat(shanghai.get("/monitoring/tasks/" + task.id()).getStatusCode().value()).isEqualTo(404);
        assertThat(shanghai.get("/monitoring/findings?task=" + task.id()).getBody()).doesNotContain("demo-mall/H-1");
        FormLogin police = new FormLogin(rest, testUser("hostile.police", "MPS", "120000", Role.AGENCY_LIAISON), PASSWORD);
        assertThat(police.get("/monitoring/findings/" + findingId).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/monitoring/findings", String.class).getStatusCode().value()).isEqualTo(401);
    }
}
