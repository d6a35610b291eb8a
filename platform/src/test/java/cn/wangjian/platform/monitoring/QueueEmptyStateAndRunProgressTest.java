package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.Role;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18 item 3: before the first run the queue and the overview's charts say what to do in Chinese instead of
 * showing an empty table and empty axes; a running run's page updates its counts by itself from a fragment that
 * answers the run page's readers only, and stops asking once the run has ended.
 */
class QueueEmptyStateAndRunProgressTest extends PlatformTest {

    static final String BEFORE_FIRST_RUN = "尚无监测结果：请在“监测任务”中新建任务并运行";

    @Autowired
    MonitoringTasks tasks;
    @Autowired
    MonitoringRunner runner;

    @Test
    void before_the_first_run_the_queue_and_the_charts_say_what_to_do() {
        // a bureau without tasks (Tibet): nothing of anyone else's is in its scope
        FormLogin officer = new FormLogin(rest, testUser("empty.xz", "SAMR", "540000", Role.MONITORING_OFFICER),
                PASSWORD);
        String queue = officer.get("/monitoring/findings").getBody();
        assertThat(queue).contains(BEFORE_FIRST_RUN, "id=\"findings-empty\"", "href=\"/monitoring/tasks/new\"")
                .doesNotContain("没有符合条件的发现").doesNotContain("id=\"rule-stats\"");
        String overview = officer.get("/monitoring").getBody();
        assertThat(overview).contains(BEFORE_FIRST_RUN, "id=\"charts-empty\"")
                .doesNotContain("id=\"chart-category\"").doesNotContain("id=\"chart-runs\"")
                .doesNotContain("id=\"dashboard-src\"");
        // who cannot start tasks is told who does
        FormLogin caseOfficer = new FormLogin(rest, testUser("empty.xz.case", "SAMR", "540000", Role.CASE_OFFICER),
                PASSWORD);
        assertThat(caseOfficer.get("/monitoring/findings").getBody())
                .contains("尚无监测结果：监测员在“监测任务”中新建任务并运行后，发现将显示在这里")
                .doesNotContain(BEFORE_FIRST_RUN).doesNotContain("href=\"/monitoring/tasks/new\"");

        // after a run that found something: charts, and the queue's own wording for a filter that matches nothing
        MonitoringTask task = tasks.create(new TaskForm("空状态之后", TaskKind.SPECIAL, "", List.of("demo-mall"),
                List.of("apparel"), "", List.of(RuleSet.TEXT), List.of(), "", "", 2.0, 10), "test", "SAMR", "540000");
        MonitoringRunner.Run run = runner.runNow(task, "MANUAL", "test");
        assertThat(run.findingsTotal()).isPositive();
        assertThat(officer.get("/monitoring").getBody()).contains("id=\"chart-category\"", "id=\"chart-runs\"",
                "id=\"dashboard-src\"").doesNotContain(BEFORE_FIRST_RUN);
        assertThat(officer.get("/monitoring/findings?rule=NO-SUCH-RULE").getBody()).contains("没有符合条件的发现")
                .doesNotContain(BEFORE_FIRST_RUN);
    }

    private static final Pattern SCANNED = Pattern.compile("id=\"run-scanned\">(\\d+)<");

    private static long scanned(String fragment) {
        Matcher m = SCANNED.matcher(fragment);
        assertThat(m.find()).as(fragment).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String poll(FormLogin officer, String path, Predicate<String> until) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        String body = null;
        while (Instant.now().isBefore(deadline)) {
            var answer = officer.get(path);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            body = answer.getBody();
            if (until.test(body)) {
                return body;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not seen within 120 s: " + body);
    }

    @Test
    void a_running_run_shows_its_progress_by_itself_to_its_readers_only() throws Exception {
        FormLogin officer = new FormLogin(rest, testUser("progress.hb", "SAMR", "130000", Role.MONITORING_OFFICER),
                PASSWORD);
        MonitoringTask task = tasks.create(new TaskForm("运行进度", TaskKind.SPECIAL, "", List.of("demo-mall"),
                List.of(), "", List.of(RuleSet.TEXT), List.of(), "", "", 2.0, 10), "test", "SAMR", "130000");
        runner.progressEvery(Duration.ZERO);
        // the run writes its findings in the listing scan's transaction; holding back their insert keeps the run
        // running (deterministically) while its counts are written apart
        try (var owner = ownerDataSource(null); Connection lock = owner.getConnection()) {
            long runId = -1;
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE finding IN SHARE ROW EXCLUSIVE MODE");
                runId = runner.start(task, "MANUAL", "progress.hb");
                String path = "/monitoring/runs/" + runId + "/progress";

                String running = poll(officer, path, b -> b.contains("data-status=\"RUNNING\"") && scanned(b) > 0);
                assertThat(running).contains("运行中…", "hx-get=\"" + path + "\"", "hx-trigger=\"every 1s\"",
                        "hx-target=\"#run-status\"").doesNotContain("<html").doesNotContain("id=\"to-findings\"");
                long seen = scanned(running);
                // the run page itself polls the same fragment
                assertThat(officer.get("/monitoring/runs/" + runId).getBody())
                        .contains("<html", "hx-get=\"" + path + "\"", "id=\"run-status\"");

                // readers only: another bureau's officer gets 404, an agency without monitoring 403, no login the login
                FormLogin elsewhere = new FormLogin(rest, testUser("progress.sh", "SAMR", "310000",
                        Role.MONITORING_OFFICER), PASSWORD);
                assertThat(elsewhere.get(path).getStatusCode().value()).isEqualTo(404);
                assertThat(elsewhere.get("/monitoring/runs/" + runId).getStatusCode().value()).isEqualTo(404);
                FormLogin police = new FormLogin(rest, testUser("progress.police", "MPS", "130000",
                        Role.AGENCY_LIAISON), PASSWORD);
                assertThat(police.get(path).getStatusCode().value()).isEqualTo(403);
                var anonymous = rest.getForEntity(path, String.class);
                assertThat(anonymous.getStatusCode().is3xxRedirection()).isTrue();
                assertThat(anonymous.getHeaders().getLocation().toString()).contains("/login");
                assertThat(officer.get("/monitoring/runs/999999999/progress").getStatusCode().value()).isEqualTo(404);

                // held back, the run is still running and has not gone backwards
                String still = officer.get(path).getBody();
                assertThat(still).contains("data-status=\"RUNNING\"");
                assertThat(scanned(still)).isGreaterThanOrEqualTo(seen);
            } finally {
                lock.rollback();
            }
            String done = poll(officer, "/monitoring/runs/" + runId + "/progress",
                    b -> !b.contains("data-status=\"RUNNING\""));
            MonitoringRunner.Run finished = runner.run(runId).orElseThrow();
            assertThat(finished.status()).as(finished.error()).isEqualTo("SUCCEEDED");
            // the last fragment no longer polls, and gives the run's final counts
            assertThat(done).contains("data-status=\"SUCCEEDED\"", "已完成", "id=\"to-findings\"")
                    .doesNotContain("hx-get").doesNotContain("hx-trigger");
            assertThat(scanned(done)).isEqualTo(finished.listingsScanned());
            assertThat(done).contains("id=\"run-findings\">" + finished.findingsTotal() + "<");
        } finally {
            runner.progressEvery(Duration.ofSeconds(1));
        }
    }
}
