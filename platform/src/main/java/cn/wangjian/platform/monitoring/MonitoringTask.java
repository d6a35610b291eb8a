package cn.wangjian.platform.monitoring;

import java.time.Instant;
import java.util.Set;

/**
 * A monitoring task: what to watch (platforms, product categories, operators' regions, detectors; empty means
 * all; seed addresses to crawl public pages from, at a polite per-host rate), when (a cron schedule in China time, or by hand only), and who owns its findings.
 */
public record MonitoringTask(long id, String name, TaskKind kind, String topic, Set<String> platforms,
                             Set<String> categories, Set<String> regions, Set<RuleSet> ruleSets,
                             Set<String> textCategories, String schedule, boolean enabled, Instant nextRunAt,
                             String ownerAgency, String ownerRegion, String createdBy, Instant createdAt,
                             java.util.List<String> seeds, double crawlRate, int crawlMaxPages) {

    public boolean runs(RuleSet set) {
        return ruleSets.isEmpty() || ruleSets.contains(set);
    }

    /** The schedule in words (每日 02:00, 每周一 02:00, 每 4 小时（整点）, 仅手动运行), the cron as a tooltip. */
    public String scheduleLabel() {
        return Schedules.describe(schedule);
    }
}
