package cn.wangjian.platform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A scheduled task starts when its time comes, once, and its next run moves on. */
@org.junit.jupiter.api.Tag("dates")
class SchedulerTest extends PlatformTest {

    @Autowired
    MonitoringTasks tasks;
    @Autowired
    MonitoringScheduler scheduler;
    @Autowired
    MonitoringRunner runner;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_due_task_is_claimed_and_run_once_and_its_next_run_is_moved_on() throws Exception {
        MonitoringTask task = tasks.create(new TaskForm("计划任务测试", TaskKind.KEY, "双十一", List.of(),
                List.of("seed"), "", List.of(RuleSet.TEXT), List.of(), "0 30 3 * * *", "", 2.0, 10), "test", "SAMR",
                "320000");
        assertThat(task.categories()).containsExactly("seed");
        assertThat(task.nextRunAt()).isAfter(clock.instant());
        jdbc.sql("UPDATE monitoring_task SET next_run_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(5)), task.id()).update();

        scheduler.startDueTasks();
        scheduler.startDueTasks();          // already claimed: no second run

        List<MonitoringRunner.Run> runs = runner.runs(task.id(), 10);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).trigger()).isEqualTo("SCHEDULE");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (runner.run(runs.get(0).id()).orElseThrow().status().equals("RUNNING") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(runner.run(runs.get(0).id()).orElseThrow().status()).isEqualTo("SUCCEEDED");
        Instant next = tasks.find(task.id()).orElseThrow().nextRunAt();
        assertThat(next).isAfter(clock.instant());
        assertThat(next.atZone(MonitoringTasks.CHINA).getHour()).isEqualTo(3);
        assertThat(next.atZone(MonitoringTasks.CHINA).getMinute()).isEqualTo(30);
    }

    @Test
    void a_key_task_without_categories_takes_the_plans_key_goods_and_bad_fields_are_named() {
        MonitoringTask key = tasks.create(new TaskForm("重点商品", TaskKind.KEY, null, null, null, null,
                List.of(RuleSet.TEXT), null, null, null, null, null), "test", "SAMR", "320000");
        assertThat(key.categories()).contains("food", "drug", "cosmetics", "medical_device", "electronics");
        assertThat(key.schedule()).isNull();
        for (Object[] bad : new Object[][] {
                {"schedule", new TaskForm("x", TaskKind.DAILY, null, null, null, null, List.of(RuleSet.TEXT), null,
                        "every day", null, null, null)},
                {"platforms", new TaskForm("x", TaskKind.DAILY, null, List.of("no-such-platform"), null, null,
                        List.of(RuleSet.TEXT), null, null, null, null, null)},
                {"regions", new TaskForm("x", TaskKind.DAILY, null, null, null, "999999", List.of(RuleSet.TEXT), null,
                        null, null, null, null)},
                {"seeds", new TaskForm("x", TaskKind.DAILY, null, null, null, null, List.of(RuleSet.TEXT), null, null,
                        "ftp://example.com/", null, null)},
                {"ruleSets", new TaskForm("x", TaskKind.DAILY, null, null, null, null, List.of(), null, null, null,
                        null, null)}}) {
            try {
                tasks.create((TaskForm) bad[1], "test", "SAMR", "320000");
                throw new AssertionError("accepted a bad " + bad[0]);
            } catch (MonitoringTasks.InvalidTaskException e) {
                assertThat(e.field()).isEqualTo(bad[0]);
            }
        }
    }
}
