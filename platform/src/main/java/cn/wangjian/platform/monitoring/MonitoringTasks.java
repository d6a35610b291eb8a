package cn.wangjian.platform.monitoring;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.DataScope;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monitoring tasks: created by officers, read within their data scope, found due by the scheduler. */
@Service
public class MonitoringTasks {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A form value that cannot be accepted, naming its field. */
    public static final class InvalidTaskException extends IllegalArgumentException {
        private final String field;

        InvalidTaskException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Detectors detectors;

    private final java.time.Clock clock;

    MonitoringTasks(JdbcClient jdbc, AuditLog audit, Detectors detectors, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.detectors = detectors;
    }

    /**
     * A subject was listed with key supervision: the listing bureau gets its daily 信用重点监管 task over the
     * shops of every subject it so lists (created once; the subjects are read from the credit lists at each run).
     */
    @org.springframework.context.event.EventListener
    void onListed(cn.wangjian.platform.credit.SubjectListed listed) {
        if (!listed.keySupervision()) {
            return;
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM monitoring_task WHERE kind = 'CREDIT' AND owner_agency = ? "
                + "AND owner_region = ?").params(listed.agencyCode(), listed.regionCode()).query(Long.class).single() > 0;
        if (!exists) {
            create(new TaskForm("信用重点监管：列入名单主体的网店", TaskKind.CREDIT, "列为重点监管对象，提高监测频次",
                    java.util.List.of(), java.util.List.of(), "",
                    java.util.List.of(RuleSet.TEXT, RuleSet.PRICE, RuleSet.LISTING), java.util.List.of(), "0 30 1 * * *", "", 2.0, 1000), listed.actor(), listed.agencyCode(),
                    listed.regionCode());
        }
    }

    @Transactional
    public MonitoringTask create(TaskForm form, String actor, String agency, String region) {
        if (agency == null) {
            throw new InvalidTaskException("name", "只有监管部门用户可以创建监测任务 (only agency users create tasks)");
        }
        Set<String> platforms = clean(form.platforms());
        Set<String> known = new java.util.HashSet<>(jdbc.sql("SELECT code FROM platform").query(String.class).list());
        for (String p : platforms) {
            if (!known.contains(p)) {
                throw new InvalidTaskException("platforms", "未知平台 (unknown platform): " + p);
            }
        }
        Set<String> categories = clean(form.categories());
        if (categories.isEmpty()) {
            categories = new LinkedHashSet<>(form.kind().defaultCategories());
        }
        for (String c : categories) {
            if (!detectors.productCategories().containsKey(c)) {
                throw new InvalidTaskException("categories", "未知商品类别 (unknown category): " + c);
            }
        }
        Set<String> regions = new LinkedHashSet<>();
        if (form.regions() != null) {
            for (String r : form.regions().split("[,，\\s]+")) {
                if (r.isBlank()) {
                    continue;
                }
                if (!r.matches("\\d{6}") || jdbc.sql("SELECT count(*) FROM region WHERE code = ?").param(r)
                        .query(Long.class).single() == 0) {
                    throw new InvalidTaskException("regions", "不是有效的行政区划代码 (not a region code): " + r);
                }
                regions.add(r);
            }
        }
        Set<String> textCategories = clean(form.textCategories());
        for (String c : textCategories) {
            if (!detectors.ruleCategories().contains(c)) {
                throw new InvalidTaskException("textCategories", "未知规则类别 (unknown rule category): " + c);
            }
        }
        String schedule = form.schedule() == null || form.schedule().isBlank() ? null : form.schedule().strip();
        Instant next = null;
        if (schedule != null) {
            try {
                next = nextRun(schedule, clock.instant());
            } catch (IllegalArgumentException e) {
                throw new InvalidTaskException("schedule", "执行计划不是有效的 cron 表达式（秒 分 时 日 月 周，如 0 0 2 * * *）："
                        + e.getMessage());
            }
        }
        List<String> seeds = new ArrayList<>();
        if (form.seeds() != null) {
            for (String seed : form.seeds().split("[\\s,，]+")) {
                if (seed.isBlank()) {
                    continue;
                }
                try {
                    java.net.URI u = java.net.URI.create(seed.strip());
                    if (u.getHost() == null || !Set.of("http", "https").contains(String.valueOf(u.getScheme()).toLowerCase(java.util.Locale.ROOT))) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    throw new InvalidTaskException("seeds", "起始网址须为 http(s) 地址 (seed must be an http(s) address): " + seed);
                }
                seeds.add(seed.strip());
            }
        }
        double rate = form.crawlRate() == null ? 2.0 : form.crawlRate();
        if (!(rate > 0 && rate <= 10_000)) {
            throw new InvalidTaskException("crawlRate", "每个站点每秒请求数应在 0 到 10000 之间 (rate out of range)");
        }
        int maxPages = form.crawlMaxPages() == null ? 1000 : form.crawlMaxPages();
        if (maxPages < 1 || maxPages > 1_000_000) {
            throw new InvalidTaskException("crawlMaxPages", "抓取页数上限应在 1 到 1000000 之间 (page limit out of range)");
        }
        Set<RuleSet> sets = form.ruleSets() == null ? Set.of() : Set.copyOf(form.ruleSets());
        if (sets.isEmpty()) {
            throw new InvalidTaskException("ruleSets", "请至少选择一类检测规则 (choose at least one rule set)");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO monitoring_task (name, kind, topic, platforms, categories, regions, rule_sets,
                    text_categories, schedule, enabled, next_run_at, owner_agency, owner_region, created_by, created_at,
                    seeds, crawl_rate, crawl_max_pages)
                VALUES (?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?, TRUE, ?, ?, ?, ?, ?,
                    ?::text[], ?, ?)
                RETURNING id""")
                .params(form.name().strip(), form.kind().name(), blankToNull(form.topic()), pgArray(platforms),
                        pgArray(categories), pgArray(regions),
                        pgArray(sets.stream().map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new))),
                        pgArray(textCategories), schedule, next == null ? null : Timestamp.from(next), agency, region,
                        actor, Timestamp.from(now), pgArray(new java.util.LinkedHashSet<>(seeds)), rate, maxPages)
                .query(Long.class).single();
        MonitoringTask task = find(id).orElseThrow();
        audit.record(actor, "monitoring.task-created", "monitoring-task", Long.toString(id), null, task);
        return task;
    }

    static Instant nextRun(String cron, Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(CHINA));
        if (next == null) {
            throw new IllegalArgumentException("没有下一次执行时间");
        }
        return next.toInstant();
    }

    public List<MonitoringTask> list(DataScope scope) {
        return jdbc.sql("SELECT * FROM monitoring_task WHERE " + scope.sqlCondition("owner_agency", "owner_region")
                        + " ORDER BY id")
                .params(scope.sqlParameters()).query((rs, n) -> task(rs)).list();
    }

    public Optional<MonitoringTask> find(long id, DataScope scope) {
        return find(id).filter(t -> scope.covers(t.ownerAgency(), t.ownerRegion()));
    }

    Optional<MonitoringTask> find(long id) {
        return jdbc.sql("SELECT * FROM monitoring_task WHERE id = ?").param(id).query((rs, n) -> task(rs)).optional();
    }

    /** Enabled scheduled tasks whose next run time has come. */
    List<MonitoringTask> due(Instant now) {
        return jdbc.sql("SELECT * FROM monitoring_task WHERE enabled AND schedule IS NOT NULL AND next_run_at <= ?")
                .param(Timestamp.from(now)).query((rs, n) -> task(rs)).list();
    }

    /** Moves a scheduled task's next run on; true when this caller claimed the run (no other instance did). */
    boolean claim(MonitoringTask task, Instant now) {
        Instant next = nextRun(task.schedule(), now);
        return jdbc.sql("UPDATE monitoring_task SET next_run_at = ? WHERE id = ? AND next_run_at = ?")
                .params(Timestamp.from(next), task.id(), Timestamp.from(task.nextRunAt())).update() == 1;
    }

    boolean any() {
        return jdbc.sql("SELECT count(*) FROM monitoring_task").query(Long.class).single() > 0;
    }

    private static MonitoringTask task(ResultSet rs) throws SQLException {
        Timestamp next = rs.getTimestamp("next_run_at");
        return new MonitoringTask(rs.getLong("id"), rs.getString("name"), TaskKind.valueOf(rs.getString("kind")),
                rs.getString("topic"), set(rs.getArray("platforms")), set(rs.getArray("categories")),
                set(rs.getArray("regions")), set(rs.getArray("rule_sets")).stream().map(RuleSet::valueOf)
                .collect(Collectors.toUnmodifiableSet()), set(rs.getArray("text_categories")),
                rs.getString("schedule"), rs.getBoolean("enabled"), next == null ? null : next.toInstant(),
                rs.getString("owner_agency"), rs.getString("owner_region"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), List.copyOf(Arrays.asList((String[]) rs.getArray("seeds").getArray())),
                rs.getDouble("crawl_rate"), rs.getInt("crawl_max_pages"));
    }

    private static Set<String> set(Array a) throws SQLException {
        return a == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) a.getArray()));
    }

    private static Set<String> clean(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    /** A PostgreSQL array literal; values are quoted and escaped. */
    static String pgArray(Set<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add('"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return "{" + String.join(",", quoted) + "}";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
