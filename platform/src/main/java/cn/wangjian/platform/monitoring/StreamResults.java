package cn.wangjian.platform.monitoring;

import cn.wangjian.engine.feed.ScanResultEvent;
import cn.wangjian.platform.registry.Registry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stream job's results taken into the findings (issue 19, decision 0032). They belong to the stream task (one
 * task, created on first use, owned by the bureau the feed is configured for) and to a run of it per consumer
 * session (trigger STREAM, running while the consumer runs). Each result is written through the same rows as a
 * monitoring run writes a listing's findings, so the stream and a run over the same listings give the same
 * findings; a result that comes twice (after the job restarted from a checkpoint) adds nothing, as the fingerprint
 * is made of the same facts. A result for a platform the registry does not know is not taken: it is kept in
 * {@code stream_rejection} with the reason and given back to be sent to the dead-letter topic.
 */
@Service
public class StreamResults {

    static final String TASK_NAME = "实时数据流监测：平台报送商品（Kafka）";

    /** A result the platform did not take, and why. */
    public record Rejected(String key, String field, String reason) {
    }

    /** What one batch did. */
    public record Taken(int results, long findingsNew, List<Rejected> rejected) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MonitoringTasks tasks;
    private final Registry registry;
    private final Clock clock;

    StreamResults(JdbcClient jdbc, JdbcTemplate batch, MonitoringTasks tasks, Registry registry, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tasks = tasks;
        this.registry = registry;
        this.clock = clock;
    }

    /** The stream task of {@code agency} / {@code region}, created when there is none. */
    @Transactional
    public long task(String agency, String region) {
        Optional<Long> id = jdbc.sql("SELECT id FROM monitoring_task WHERE name = ? AND owner_agency = ? AND "
                + "owner_region = ?").params(TASK_NAME, agency, region).query(Long.class).optional();
        return id.orElseGet(() -> tasks.create(new TaskForm(TASK_NAME, TaskKind.DAILY, "平台经 Kafka 报送的商品，由流式作业扫描",
                List.of(), List.of(), "", List.of(RuleSet.TEXT, RuleSet.PRICE, RuleSet.LISTING), List.of(), "", "",
                2.0, 1000), "system", agency, region).id());
    }

    /** Opens a run of the stream task for one consumer session. */
    @Transactional
    public long open(long taskId, String versions) {
        return jdbc.sql("""
                INSERT INTO monitoring_run (task_id, trigger, started_by, started_at, status, rule_versions)
                VALUES (?, 'STREAM', 'stream', ?, 'RUNNING', ?) RETURNING id""")
                .params(taskId, Timestamp.from(clock.instant()), versions).query(Long.class).single();
    }

    /** Ends the session's run (the consumer stopped). */
    @Transactional
    public void close(long runId) {
        jdbc.sql("UPDATE monitoring_run SET status = 'SUCCEEDED', finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(Timestamp.from(clock.instant()), runId).update();
    }

    /** Takes a batch of results into the run's findings, in one transaction. */
    @Transactional
    public Taken take(long runId, List<ScanResultEvent> results) {
        long taskId = jdbc.sql("SELECT task_id FROM monitoring_run WHERE id = ?").param(runId).query(Long.class).single();
        MonitoringTask task = tasks.find(taskId).orElseThrow();
        Instant now = clock.instant();
        FindingWriter writer = new FindingWriter(batch, task, runId, now);
        Map<String, String> platforms = registry.platforms();
        Map<String, Optional<String>> regions = new HashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        int taken = 0;
        for (ScanResultEvent r : results) {
            if (!platforms.containsKey(r.platform())) {
                rejected.add(new Rejected(r.key(), "platform", "未知平台 " + r.platform()
                        + "：主体库中没有该平台，结果未入库 (platform not in the registry)"));
                continue;
            }
            Optional<String> region = regions.computeIfAbsent(r.platform() + "\u0000" + r.shopId(),
                    k -> r.shopId() == null ? Optional.empty() : registry.shop(r.platform(), r.shopId())
                            .map(s -> s.operatorCreditCode())
                            .flatMap(registry::enterprise).map(Registry.Enterprise::regionCode));
            ListingRows.write(new ListingRows.Listing(r.platform(), r.listingId(), r.shopId(), region.orElse(null),
                            r.url(), r.reportedAt() == null ? now : r.reportedAt(), r.contentSha256()), r.input(),
                    new cn.wangjian.engine.listing.ListingScan.Result(r.category(), r.hits()), task.textCategories(),
                    writer);
            taken++;
        }
        writer.flush();
        for (Rejected x : rejected) {
            jdbc.sql("INSERT INTO stream_rejection (run_id, result_key, field, reason, received_at) VALUES (?, ?, ?, ?, ?)")
                    .params(runId, x.key(), x.field(), x.reason(), Timestamp.from(now)).update();
        }
        jdbc.sql("""
                UPDATE monitoring_run SET listings_scanned = listings_scanned + ?, findings_total = findings_total + ?,
                    findings_new = findings_new + ? WHERE id = ?""")
                .params(taken, writer.total(), writer.inserted(), runId).update();
        return new Taken(taken, writer.inserted(), rejected);
    }
}
