package cn.wangjian.platform.monitoring;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts scheduled tasks when their time comes (checked every minute). A run is claimed by moving the task's next
 * run time with a conditional update, so two instances on one database do not both run it.
 */
@Component
@ConditionalOnProperty(name = "wangjian.monitoring.scheduler", havingValue = "true", matchIfMissing = true)
class MonitoringScheduler {

    private static final Logger log = LoggerFactory.getLogger(MonitoringScheduler.class);

    private final MonitoringTasks tasks;
    private final MonitoringRunner runner;

    private final java.time.Clock clock;

    MonitoringScheduler(MonitoringTasks tasks, MonitoringRunner runner, java.time.Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.runner = runner;
    }

    @Scheduled(fixedDelayString = "${wangjian.monitoring.poll-ms:60000}", initialDelay = 30_000)
    void startDueTasks() {
        Instant now = clock.instant();
        for (MonitoringTask t : tasks.due(now)) {
            if (tasks.claim(t, now)) {
                long run = runner.start(t, "SCHEDULE", "scheduler");
                log.info("计划运行监测任务 {}（{}）：运行 {}", t.id(), t.name(), run);
            }
        }
    }

    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "wangjian.monitoring.scheduler", havingValue = "true", matchIfMissing = true)
    static class Enable {
    }
}
