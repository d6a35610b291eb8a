package cn.wangjian.platform.monitoring;

import java.time.Instant;

/**
 * A monitoring run succeeded (published when its figures are written): the task's owning bureau, what it checked and
 * what it found — what the campaign's statistics count as online checks (网上检查) and monitoring runs.
 */
public record MonitoringRunFinished(long runId, long taskId, String taskKind, String agencyCode, String regionCode,
                                    long listingsChecked, long subjectsChecked, long findings, Instant finishedAt) {
}
