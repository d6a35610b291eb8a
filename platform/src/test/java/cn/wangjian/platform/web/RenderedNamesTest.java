package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, names not codes: every page of every role's navigation is rendered and its visible text (tags, attributes,
 * scripts and tooltips removed) is searched for the codes people should never have to read — agency codes, status
 * and severity constants, rule-category and stage identifiers. {@link RenderedText} is shared with the browser test.
 */
class RenderedNamesTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringTasks tasks;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringRunner runner;
    @Autowired
    cn.wangjian.platform.monitoring.Findings findings;
    @Autowired
    cn.wangjian.platform.casework.CaseFiles cases;
    @Autowired
    cn.wangjian.platform.clue.ClueNotifications notifications;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Something on every page (in 河北, a region no other test uses, so no other test's counts change): a monitoring
     * run of the province's bureau over the demo platform, a confirmed finding, its
     * clue sent to the police, and a case filed, reviewed and notified by the bureau's officers.
     */
    private void records() {
        Bureau b = bureau("names", "130000");
        var task = tasks.create(new cn.wangjian.platform.monitoring.TaskForm("名称检查", cn.wangjian.platform.monitoring
                .TaskKind.SPECIAL, "名称", List.of("demo-mall"), List.of(), "", List.of(cn.wangjian.platform.monitoring
                .RuleSet.values()), List.of(), "0 0 2 * * *", "", 2.0, 10), "names.c1", "SAMR", "130000");
        runner.runNow(task, "MANUAL", "names.c1");
        CurrentUser monitor = accounts.loadUserByUsername(testUser("names.mon", "SAMR", "130000",
                Role.MONITORING_OFFICER));
        long finding = jdbc.sql("SELECT min(id) FROM finding WHERE task_id = ?").param(task.id()).query(Long.class)
                .single();
        long clue = findings.confirm(finding, monitor).clueId();
        notifications.notify(clue, "criminal", "130000", true, monitor);
        long id = cases.open(clue, clock.today().minusDays(20), b.officer()).id();
        cases.step(id, "file", java.util.Map.of("on", clock.today().minusDays(19).toString(), "officers", b.officers()),
                b.head());
        cases.step(id, "submit", java.util.Map.of("findings", "调查终结"), b.officer());
        cases.step(id, "legal-review", java.util.Map.of("on", clock.today().minusDays(2).toString(), "opinion", "同意"),
                b.reviewer());
        cases.step(id, "serve-notice", java.util.Map.of("on", clock.today().minusDays(1).toString(), "proposedPenalty",
                "罚款", "hearingRight", "true"), b.officer());
    }

    @Test
    void no_page_of_any_role_shows_a_code_where_a_name_exists() throws Exception {
        records();
        List<String> leaks = new ArrayList<>();
        int visited = 0;
        int detailsSeen = 0;
        for (Role role : Role.values()) {
            String name = "names." + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            CurrentUser u = accounts.loadUserByUsername(testUser(name, switch (role) {
                case AGENCY_LIAISON -> "MPS";
                case PLATFORM_COMPLIANCE -> null;
                default -> "SAMR";
            }, role == Role.ADMIN || role == Role.CAMPAIGN_COORDINATOR ? "000000" : "130000", role));
            Set<String> pages = new LinkedHashSet<>();
            String landing = html("/", u);
            pages.add("/");
            Matcher links = Pattern.compile("<a [^>]*href=\"(/[^\"]*)\"[^>]*data-area=").matcher(landing);
            while (links.find()) {
                pages.add(links.group(1).replace("&amp;", "&"));
            }
            Matcher links2 = Pattern.compile("<a [^>]*data-area=\"[^\"]*\"[^>]*href=\"(/[^\"]*)\"").matcher(landing);
            while (links2.find()) {
                pages.add(links2.group(1).replace("&amp;", "&"));
            }
            // the navigation's pages, and on each the first record of each kind it links to (a clue, a case …)
            Set<String> details = new LinkedHashSet<>();
            for (String page : pages) {
                String html = html(page, u);
                check(role, page, html, leaks);
                details.addAll(RenderedText.firstDetailLinks(html));
            }
            details.removeAll(pages);
            for (String page : details) {
                check(role, page, html(page, u), leaks);
            }
            visited += pages.size() + details.size();
            if (role != Role.PLATFORM_COMPLIANCE) {
                assertThat(pages).as(role + " navigation").hasSizeGreaterThan(1);
            }
            detailsSeen += details.size();
        }
        assertThat(leaks).isEmpty();
        // the walk reached the pages and the records it was built to read (not only the landing pages)
        assertThat(visited).isGreaterThan(40);
        assertThat(detailsSeen).isGreaterThanOrEqualTo(10);
        // the monitoring charts read names for the codes their figures are keyed by
        CurrentUser monitor = accounts.loadUserByUsername("names.mon");
        mvc.perform(get("/api/monitoring/dashboard").with(user(monitor)).header("Accept", "application/json"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$.labels.region['110000']").value("北京市"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$.labels.platform['demo-mall']").value("示例电商平台"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                        "$.labels.severity.HIGH").value("高"));
    }

    private static void check(Role role, String page, String html, List<String> leaks) {
        for (String code : RenderedText.codesIn(RenderedText.visible(html))) {
            leaks.add(role + " " + page + ": " + code);
        }
    }

    private String html(String path, CurrentUser u) throws Exception {
        var response = mvc.perform(get(path).with(user(u)).header("Accept", "text/html")).andReturn().getResponse();
        if (response.getStatus() == 403 || response.getStatus() == 404) {
            return "";                      // a detail of another scope: nothing rendered to check
        }
        if (response.getRedirectedUrl() != null) {
            return html(response.getRedirectedUrl(), u);
        }
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
