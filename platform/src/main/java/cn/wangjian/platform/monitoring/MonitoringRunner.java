package cn.wangjian.platform.monitoring;

import cn.wangjian.engine.listing.ListingScan;
import cn.wangjian.engine.text.Finding;
import cn.wangjian.engine.text.LawReference;
import cn.wangjian.engine.text.Rule;
import cn.wangjian.engine.text.TextScanner;
import cn.wangjian.platform.registry.CrossChecks;
import cn.wangjian.platform.registry.Listings;
import cn.wangjian.platform.registry.Registry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a monitoring task: streams the listings in scope through the text engine (titles and descriptions, with
 * the listing's product category) and the price rules, runs the registry cross-checks on the subjects in scope,
 * and writes every finding with its evidence (address, time and SHA-256 of the reported content). One run at a
 * time per instance; a failed run is recorded with its reason and leaves the findings it wrote.
 */
@Service
public class MonitoringRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitoringRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A run as recorded. */
    public record Run(long id, long taskId, String trigger, String startedBy, Instant startedAt, Instant finishedAt,
                      String status, long listingsScanned, long subjectsChecked, long findingsTotal, long findingsNew,
                      String ruleVersions, String error, long pagesCrawled, long crawlProblems) {

        /** The run's state as officers read it. */
        public String statusLabel() {
            return switch (status) {
                case "RUNNING" -> "运行中";
                case "SUCCEEDED" -> "已完成";
                case "FAILED" -> "失败";
                default -> status;
            };
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Listings listings;
    private final CrossChecks crossChecks;
    private final Registry registry;
    private final Detectors detectors;
    private final cn.wangjian.platform.evidence.Capturer capturer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "monitoring-run");
        t.setDaemon(true);
        return t;
    });

    private final java.time.Clock clock;
    private final cn.wangjian.platform.credit.CreditLists credit;

    private final org.springframework.context.ApplicationEventPublisher events;

    /** Writes a running run's counts in a transaction of its own, so the run page sees them before the run ends. */
    private final TransactionTemplate progressTx;
    private volatile java.time.Duration progressEvery = java.time.Duration.ofSeconds(1);

    MonitoringRunner(JdbcClient jdbc, JdbcTemplate batch, Listings listings, CrossChecks crossChecks,
                     Registry registry, Detectors detectors, cn.wangjian.platform.evidence.Capturer capturer,
                     cn.wangjian.platform.credit.CreditLists credit, java.time.Clock clock,
                     org.springframework.context.ApplicationEventPublisher events,
                     PlatformTransactionManager transactions) {
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.events = events;
        this.capturer = capturer;
        this.credit = credit;
        this.jdbc = jdbc;
        this.batch = batch;
        this.listings = listings;
        this.crossChecks = crossChecks;
        this.registry = registry;
        this.detectors = detectors;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Records a run and executes it in the background; returns the run's id. */
    public long start(MonitoringTask task, String trigger, String actor) {
        long runId = begin(task, trigger, actor);
        executor.submit(() -> execute(task, runId));
        return runId;
    }

    /** Records and executes a run on the caller's thread. */
    public Run runNow(MonitoringTask task, String trigger, String actor) {
        long runId = begin(task, trigger, actor);
        execute(task, runId);
        return run(runId).orElseThrow();
    }

    private long begin(MonitoringTask task, String trigger, String actor) {
        return jdbc.sql("""
                INSERT INTO monitoring_run (task_id, trigger, started_by, started_at, status, rule_versions)
                VALUES (?, ?, ?, ?, 'RUNNING', ?) RETURNING id""")
                .params(task.id(), trigger, actor, Timestamp.from(clock.instant()), detectors.versions())
                .query(Long.class).single();
    }

    /** How often a running run writes its counts (at most; tests shorten it). */
    void progressEvery(java.time.Duration every) {
        this.progressEvery = every;
    }

    /**
     * A running run's counts, written at most every {@link #progressEvery} while listings are scanned (checked every
     * 256 listings) and after the registry checks. The listing scan runs in one transaction with the findings it
     * writes; the counts go in a transaction of their own, so findings written are counted before they are visible.
     */
    private final class Progress {
        private final long runId;
        private final FindingWriter writer;
        private long scanned;
        private long subjects;
        private long last = System.nanoTime();

        Progress(long runId, FindingWriter writer) {
            this.runId = runId;
            this.writer = writer;
        }

        void listing() {
            if (++scanned % 256 == 0 && System.nanoTime() - last >= progressEvery.toNanos()) {
                write();
            }
        }

        void subjects(long n) {
            subjects = n;
            write();
        }

        private void write() {
            last = System.nanoTime();
            try {
                progressTx.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE monitoring_run SET listings_scanned = ?, subjects_checked = ?, findings_total = ?,
                            findings_new = ? WHERE id = ? AND status = 'RUNNING'""")
                        .params(scanned, subjects, writer.total(), writer.inserted(), runId).update());
            } catch (RuntimeException e) {
                log.debug("监测运行 {} 进度未能写入 (progress not written)", runId, e); // the run goes on
            }
        }
    }

    void execute(MonitoringTask task, long runId) {
        Instant started = clock.instant();
        LocalDate today = LocalDate.now(clock);
        FindingWriter writer = new FindingWriter(batch, task, runId, started);
        Progress progress = new Progress(runId, writer);
        long[] scanned = {0};
        long subjects = 0;
        TextScanner scanner = detectors.text();           // one scanner for the whole run, even if rules change
        ListingScan engine = new ListingScan(scanner, detectors.listings(), detectors.prices());
        Map<String, Rule> rules = new HashMap<>();
        for (Rule r : scanner.catalog().rules()) {
            rules.put(r.id(), r);
        }
        try {
            if (task.runs(RuleSet.TEXT) || task.runs(RuleSet.PRICE) || task.runs(RuleSet.LISTING)) {
                java.util.Set<String> operators = task.kind() == TaskKind.CREDIT
                        ? credit.underKeySupervision(task.ownerAgency(), task.ownerRegion()) : java.util.Set.of();
                if (task.kind() != TaskKind.CREDIT || !operators.isEmpty()) {
                    Listings.Scope scope = new Listings.Scope(task.platforms(), task.categories(), task.regions(),
                            operators);
                    scanned[0] = listings.forEach(scope, l -> {
                        scan(task, l, engine, today, writer);
                        progress.listing();
                    });
                }
            }
            if (task.runs(RuleSet.REGISTRY)) {
                subjects = checkRegistry(task, today, writer);
                progress.subjects(subjects);
            }
            if (task.runs(RuleSet.TEXT) && !task.seeds().isEmpty()) {
                crawl(task, runId, scanner, rules, today, writer);
            }
            writer.flush();
            finish(runId, "SUCCEEDED", scanned[0], subjects, writer, null);
            events.publishEvent(new MonitoringRunFinished(runId, task.id(), task.kind().name(), task.ownerAgency(),
                    task.ownerRegion(), scanned[0], subjects, writer.total(), clock.instant()));
            log.info("监测任务 {} 运行 {} 完成：商品 {} 条，主体 {} 个，发现 {} 条（新增 {}，命中位置更新 {}），用时 {} ms",
                    task.id(), runId, scanned[0], subjects, writer.total(), writer.inserted(), writer.refreshed(),
                    java.time.Duration.between(started, clock.instant()).toMillis());
        } catch (RuntimeException e) {
            log.warn("监测任务 {} 运行 {} 失败 (run failed)", task.id(), runId, e);
            try {
                writer.flush();
            } catch (RuntimeException ignored) {
                // the run is recorded as failed below either way
            }
            finish(runId, "FAILED", scanned[0], subjects, writer, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void scan(MonitoringTask task, Listings.Listing l, ListingScan engine, LocalDate today,
                      FindingWriter writer) {
        ListingScan.Input input = new ListingScan.Input(l.category(), l.title(), l.description(),
                cents(l.originalPrice()), cents(l.homePrice()), l.prices(), l.operatorCreditCode(), l.regionCode());
        ListingScan.Result result = engine.scan(input, today, task.runs(RuleSet.TEXT), task.runs(RuleSet.LISTING),
                task.runs(RuleSet.PRICE));
        ListingRows.write(new ListingRows.Listing(l.platformCode(), l.listingId(), l.shopId(), l.regionCode(), l.url(),
                l.reportedAt(), l.contentSha256()), input, result, task.textCategories(), writer);
    }

    /**
     * Crawls the task's seeds; each page is fixed as evidence and its text scanned with the product category its
     * text shows ({@link TextScanner#scanPage}), so that health-food and drug-ad rules apply to ad pages too.
     */
    private void crawl(MonitoringTask task, long runId, TextScanner scanner, Map<String, Rule> rules, LocalDate today,
                       FindingWriter writer) {
        java.util.List<java.net.URI> seeds = task.seeds().stream().map(java.net.URI::create).toList();
        var settings = new cn.wangjian.platform.evidence.Crawler.Settings(task.crawlMaxPages(), 32, task.crawlRate(),
                2, 4);
        var result = capturer.crawl(seeds, settings, "monitoring-task-" + task.id(), task.ownerAgency(),
                task.ownerRegion(), (capture, text) -> {
                    if (text == null || text.isBlank()) {
                        return;
                    }
                    java.util.List<Finding> found = new java.util.ArrayList<>();
                    String pageCategory = scanner.scanPage(text, today, found::add);
                    synchronized (writer) {
                        for (Finding f : found) {
                            if (!task.textCategories().isEmpty() && !task.textCategories().contains(f.category())) {
                                continue;
                            }
                            // keep a window of the page around the match, with the span moved into it
                            int from = Math.max(0, f.start() - 120);
                            int to = Math.min(text.length(), f.end() + 120);
                            RuleFacts facts = RuleFacts.of(rules, f, today);
                            writer.add(new FindingWriter.Row("TEXT", "PAGE", capture.url(), null, null, null, pageCategory,
                                    f.rule(), f.category(), facts.title(), f.law(), f.article(), facts.unverified(),
                                    f.severity().name(), f.confidence(), "page", text.substring(from, to),
                                    f.start() - from, f.end() - from, f.matched(), f.term(), f.explanation(),
                                    capture.url(), capture.fetchedAt(), capture.contentSha256(),
                                    List.of(new MonitoringFinding.Span(f.start() - from, f.end() - from, f.matched(),
                                            f.term(), f.kind() == null ? null : f.kind().name(), f.severity().name(),
                                            f.explanation())), true));
                        }
                    }
                });
        jdbc.sql("UPDATE monitoring_run SET pages_crawled = ?, crawl_problems = ? WHERE id = ?")
                .params(result.fetched(), result.refused() + result.failed() + result.disallowedByRobots(), runId)
                .update();
    }

    /** A text finding's rule title and whether the law it cites is still to be confirmed (reference tag R). */
    private record RuleFacts(String title, boolean unverified) {
        static RuleFacts of(Map<String, Rule> rules, Finding f, LocalDate conduct) {
            Rule rule = rules.get(f.rule());
            if (rule == null) {
                return new RuleFacts(f.rule(), false);
            }
            LawReference law = rule.lawOn(conduct);
            return new RuleFacts(rule.title(), law != null && "R".equals(law.verification()));
        }
    }

    private long checkRegistry(MonitoringTask task, LocalDate today, FindingWriter writer) {
        Map<String, String> regions = registry.subjectRegions();
        long subjects = 0;
        String checkedAt = today.toString();
        for (CrossChecks.Finding f : crossChecks.run(today)) {
            String subject = f.subjectKind().equals("SHOP") ? f.subject().split(" ")[0] : f.subject();
            String platform = f.subjectKind().equals("SHOP") ? subject.substring(0, subject.indexOf('/')) : null;
            String region = regions.get(f.subjectKind() + ":" + subject);
            if (!task.platforms().isEmpty() && (platform == null || !task.platforms().contains(platform))) {
                continue;
            }
            if (!task.regions().isEmpty() && (region == null || task.regions().stream()
                    .noneMatch(r -> new cn.wangjian.platform.identity.RegionCode(r).contains(
                            new cn.wangjian.platform.identity.RegionCode(region))))) {
                continue;
            }
            subjects++;
            // the evidence of a registry finding: the check, the subject and what was found, as canonical JSON
            ObjectNode content = JSON.createObjectNode().put("check", f.check()).put("subjectKind", f.subjectKind())
                    .put("subject", f.subject()).put("detail", f.detail()).put("law", f.law()).put("article", f.article());
            String json = content.toString();
            writer.add(new FindingWriter.Row("REGISTRY", f.subjectKind(), subject, platform,
                    platform == null ? null : subject.substring(platform.length() + 1), region, null, f.check(),
                    "registry", f.title(), f.law(), f.article(), f.citationToBeConfirmed(),
                    f.check().startsWith("NAME") || f.check().startsWith("WEBSITE_NAME") ? "MEDIUM" : "HIGH", 1.0,
                    "registry", json, null, null, null, null, f.detail(), "registry:" + f.subjectKind().toLowerCase()
                    + "/" + subject + "?checked=" + checkedAt, clock.instant(),
                    cn.wangjian.platform.evidence.Evidence.sha256(json.getBytes(StandardCharsets.UTF_8)), null, false));
        }
        return subjects;
    }

    private void finish(long runId, String status, long scanned, long subjects, FindingWriter writer, String error) {
        jdbc.sql("""
                UPDATE monitoring_run SET status = ?, finished_at = ?, listings_scanned = ?, subjects_checked = ?,
                    findings_total = ?, findings_new = ?, error = ? WHERE id = ?""")
                .params(status, Timestamp.from(clock.instant()), scanned, subjects, writer.total(), writer.inserted(),
                        error == null ? null : error.substring(0, Math.min(error.length(), 2000)), runId)
                .update();
    }

    public Optional<Run> run(long id) {
        return jdbc.sql("SELECT * FROM monitoring_run WHERE id = ?").param(id).query((rs, n) -> run(rs)).optional();
    }

    /** Whether any task in the scope has run (the empty states tell a queue before the first run from an empty one). */
    public boolean anyRun(cn.wangjian.platform.identity.DataScope scope) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM monitoring_run r JOIN monitoring_task t ON t.id = r.task_id WHERE "
                        + scope.sqlCondition("t.owner_agency", "t.owner_region") + ")")
                .params(scope.sqlParameters()).query(Boolean.class).single();
    }

    public java.util.List<Run> runs(long taskId, int limit) {
        return jdbc.sql("SELECT * FROM monitoring_run WHERE task_id = ? ORDER BY id DESC LIMIT ?")
                .params(taskId, limit).query((rs, n) -> run(rs)).list();
    }

    static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getLong("task_id"), rs.getString("trigger"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getString("status"), rs.getLong("listings_scanned"), rs.getLong("subjects_checked"),
                rs.getLong("findings_total"), rs.getLong("findings_new"), rs.getString("rule_versions"),
                rs.getString("error"), rs.getLong("pages_crawled"), rs.getLong("crawl_problems"));
    }

    private static long cents(BigDecimal yuan) {
        return yuan == null ? -1 : yuan.movePointRight(2).longValueExact();
    }

}
