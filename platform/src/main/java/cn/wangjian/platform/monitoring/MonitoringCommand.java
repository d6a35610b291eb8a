package cn.wangjian.platform.monitoring;

import cn.wangjian.platform.identity.DataScope;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** The launcher's {@code monitor} command: runs tasks on the caller's thread and prints what each run did. */
@Component
public class MonitoringCommand {

    private final MonitoringTasks tasks;
    private final MonitoringRunner runner;

    MonitoringCommand(MonitoringTasks tasks, MonitoringRunner runner) {
        this.tasks = tasks;
        this.runner = runner;
    }

    /** Runs one task, or every enabled one; 0 when all succeeded. */
    public int run(Long taskId, PrintStream out, PrintStream err) {
        List<MonitoringTask> chosen = taskId == null
                ? tasks.list(DataScope.everything()).stream().filter(MonitoringTask::enabled).toList()
                : tasks.find(taskId).map(List::of).orElse(List.of());
        if (chosen.isEmpty()) {
            err.println("错误：" + (taskId == null ? "没有启用的监测任务 (no enabled task)" : "没有任务 " + taskId + " (no such task)"));
            return 2;
        }
        int failed = 0;
        for (MonitoringTask t : chosen) {
            MonitoringRunner.Run r = runner.runNow(t, "MANUAL", "cli:" + System.getProperty("user.name", "?"));
            double seconds = Duration.between(r.startedAt(), r.finishedAt()).toMillis() / 1000.0;
            (r.status().equals("SUCCEEDED") ? out : err).printf(
                    "任务 %d（%s）运行 %d：%s，商品 %d 条，主体 %d 个，发现 %d 条（新增 %d），用时 %.1f 秒%s%n", t.id(), t.name(),
                    r.id(), r.status(), r.listingsScanned(), r.subjectsChecked(), r.findingsTotal(), r.findingsNew(),
                    seconds, r.error() == null ? "" : "；" + r.error());
            if (!r.status().equals("SUCCEEDED")) {
                failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
