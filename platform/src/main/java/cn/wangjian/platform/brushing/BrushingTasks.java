package cn.wangjian.platform.brushing;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.registry.Registry;
import cn.wangjian.platform.trade.TradeData;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing brushing tasks: a platform (optionally one product category) watched over a rolling window of days.
 * When the platform reports new orders, every task watching it runs again over the window that ends today, on one
 * background thread after the report has committed (the platform's request does not wait for it; see
 * {@link BrushingTaskTrigger}); a task already waiting to run is not queued twice, and a task remembers the latest
 * report it has seen, so reports written by another process (an import on the command line) are caught up. The detector needs the whole window (its expectations are the window's
 * margins), so "incrementally" means: rerun when data arrives, and add only the rings not found before.
 */
@Service
public class BrushingTasks {

    private static final Logger log = LoggerFactory.getLogger(BrushingTasks.class);
    static final int MAX_ACTIVE_PER_BUREAU = 50;

    /** A standing task. */
    public record Task(long id, String platformCode, String category, int windowDays, String ownerAgency,
                       String ownerRegion, String createdBy, Instant createdAt, Long lastRunId) {
    }

    private final JdbcClient jdbc;
    private final TradeData trade;
    private final BrushingMonitor monitor;
    private final Registry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "brushing-tasks");
        t.setDaemon(true);
        return t;
    });
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    BrushingTasks(JdbcClient jdbc, TradeData trade, BrushingMonitor monitor, Registry registry, AuditLog audit,
                  Clock clock) {
        this.jdbc = jdbc;
        this.trade = trade;
        this.monitor = monitor;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts watching {@code platform} (and {@code category}, if given) over the last {@code windowDays} days. */
    @Transactional
    public Task create(String platform, String category, int windowDays, CurrentUser officer) {
        if (officer.agencyCode() == null) {
            throw new BrushingRefusedException("只有监管部门用户可以设立刷单监测任务 (only agency users set up tasks)");
        }
        if (platform == null || registry.platformName(platform).isEmpty()) {
            throw new BrushingRefusedException("字段 platform：没有这个平台 " + platform + " (no such platform)");
        }
        if (windowDays < 1 || windowDays > BrushingMonitor.MAX_WINDOW_DAYS) {
            throw new BrushingRefusedException("字段 windowDays：窗口为 1 至 " + BrushingMonitor.MAX_WINDOW_DAYS
                    + " 天 (window of 1 to " + BrushingMonitor.MAX_WINDOW_DAYS + " days)");
        }
        String c = category == null || category.isBlank() ? null : category.strip();
        if (c != null && registry.shopsSelling(platform, c).isEmpty()) {
            throw new BrushingRefusedException("字段 category：该平台没有这个类目的商品 " + c + " (no listings in this category)");
        }
        int active = jdbc.sql("""
                SELECT count(*) FROM brushing_task WHERE stopped_at IS NULL AND owner_agency = ? AND owner_region = ?""")
                .params(officer.agencyCode(), officer.region().value()).query(Integer.class).single();
        if (active >= MAX_ACTIVE_PER_BUREAU) {
            throw new BrushingRefusedException("本单位在用的刷单监测任务已达 " + MAX_ACTIVE_PER_BUREAU + " 个，请先停止不再需要的任务"
                    + " (too many active tasks)");
        }
        long id = jdbc.sql("""
                INSERT INTO brushing_task (platform_code, category, window_days, owner_agency, owner_region, created_by,
                                           created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(platform, c, windowDays, officer.agencyCode(), officer.region().value(), officer.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        Map<String, Object> after = new HashMap<>();
        after.put("platform", platform);
        after.put("windowDays", windowDays);
        if (c != null) {
            after.put("category", c);
        }
        audit.record(officer.getUsername(), "brushing.task-created", "brushing_task", Long.toString(id), null, after);
        return find(id, officer.dataScope()).orElseThrow();
    }

    /** Stops a task within the officer's scope; its runs and rings stay. */
    @Transactional
    public void stop(long id, CurrentUser officer) {
        Task task = find(id, officer.dataScope())
                .orElseThrow(() -> new BrushingRefusedException("没有这个刷单监测任务 (no such task): " + id));
        jdbc.sql("UPDATE brushing_task SET stopped_by = ?, stopped_at = ? WHERE id = ? AND stopped_at IS NULL")
                .params(officer.getUsername(), Timestamp.from(clock.instant()), task.id()).update();
        audit.record(officer.getUsername(), "brushing.task-stopped", "brushing_task", Long.toString(id), null,
                Map.of("platform", task.platformCode()));
    }

    /** The active tasks a user may see. */
    public List<Task> active(DataScope scope) {
        return jdbc.sql(SELECT + " WHERE t.stopped_at IS NULL AND "
                        + scope.sqlCondition("t.owner_agency", "t.owner_region") + " ORDER BY t.id")
                .params(scope.sqlParameters()).query((rs, n) -> task(rs)).list();
    }

    public Optional<Task> find(long id, DataScope scope) {
        Map<String, Object> params = new HashMap<>(scope.sqlParameters());
        params.put("id", id);
        return jdbc.sql(SELECT + " WHERE t.id = :id AND " + scope.sqlCondition("t.owner_agency", "t.owner_region"))
                .params(params).query((rs, n) -> task(rs)).optional();
    }

    /** Queues the active tasks of {@code platform} that have not run since its latest report of new orders. */
    void queueBehind(String platform) {
        long latest = trade.latestOrderReport(platform);
        List<Long> behind = jdbc.sql("""
                SELECT id FROM brushing_task WHERE platform_code = ? AND stopped_at IS NULL AND seen_report < ?""")
                .params(platform, latest).query(Long.class).list();
        behind.forEach(this::queue);
    }

    /** Queues every active task behind its platform's reports (a report written by another process, a restart). */
    void queueAllBehind() {
        jdbc.sql("SELECT DISTINCT platform_code FROM brushing_task WHERE stopped_at IS NULL").query(String.class).list()
                .forEach(this::queueBehind);
    }

    private void queue(long id) {
        if (waiting.add(id)) {
            runner.execute(() -> {
                waiting.remove(id);
                runNow(id);
            });
        }
    }

    /** Runs one task over its window ending today (also what the background thread does). */
    public Optional<BrushingMonitor.Run> runNow(long id) {
        Optional<Task> task = jdbc.sql(SELECT + " WHERE t.id = ? AND t.stopped_at IS NULL").param(id)
                .query((rs, n) -> task(rs)).optional();
        if (task.isEmpty()) {
            return Optional.empty();
        }
        Task t = task.get();
        LocalDate today = LocalDate.now(clock);
        long seen = trade.latestOrderReport(t.platformCode());
        try {
            BrushingMonitor.Run run = monitor.analyse(new BrushingMonitor.Window(t.platformCode(), t.category(),
                            today.minusDays(t.windowDays() - 1L), today),
                    new BrushingMonitor.Owner(t.ownerAgency(), t.ownerRegion(), "brushing-task:" + t.id()), t.id());
            jdbc.sql("UPDATE brushing_task SET seen_report = greatest(seen_report, ?) WHERE id = ?").params(seen, t.id())
                    .update();
            log.info("刷单监测任务 {}（{}）运行 {}：订单 {} 笔，团伙 {} 个，新增 {} 个", t.id(), t.platformCode(), run.id(),
                    run.orders(), run.rings(), run.newRings());
            return Optional.of(run);
        } catch (RuntimeException e) {
            log.warn("刷单监测任务 {} 运行失败 (task run failed): {}", t.id(), e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** Waits until the tasks queued so far have run (for an orderly stop, and for tests). */
    public boolean awaitQueued(long seconds) throws InterruptedException {
        java.util.concurrent.Future<?> marker = runner.submit(() -> { });
        try {
            marker.get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        runner.shutdown();
        runner.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static final String SELECT = """
            SELECT t.id, t.platform_code, t.category, t.window_days, t.owner_agency, t.owner_region, t.created_by,
                   t.created_at, (SELECT max(r.id) FROM brushing_run r WHERE r.task_id = t.id) AS last_run
            FROM brushing_task t""";

    private static Task task(java.sql.ResultSet rs) throws java.sql.SQLException {
        Number last = (Number) rs.getObject("last_run");
        return new Task(rs.getLong("id"), rs.getString("platform_code"), rs.getString("category"),
                rs.getInt("window_days"), rs.getString("owner_agency"), rs.getString("owner_region"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                last == null ? null : last.longValue());
    }
}
