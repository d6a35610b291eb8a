package cn.wangjian.platform.monitoring;

import cn.wangjian.engine.text.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a run's findings in batches of a thousand rows, one finding per subject, rule and field with every span the
 * rule matched there (decision 0031). A finding's fingerprint (owner, source, subject, rule, field and the SHA-256 of
 * the content it was found in) makes a rerun over unchanged content add nothing: the officer's queue does not fill
 * with duplicates, and a changed listing is a new finding. Crawled pages keep one finding per span (each with its own
 * window of the page), their span in the fingerprint as before.
 *
 * <p>Findings written before spans were kept (one row per span, spans NULL) are recognised by a grouped row of the
 * same owner, source, subject, rule, field and content hash, which is then not written. When a rerun over unchanged
 * content finds other spans of the rule (a word added to the rule), an open finding's spans are brought up to date;
 * a decided one stays as it was decided.
 */
final class FindingWriter {

    /**
     * One finding to write. {@code spans} are the matched spans in {@code text} (null for findings without any, such
     * as price and registry findings); {@code start}, {@code end}, {@code matched} and {@code term} are the first's.
     * {@code perSpan} marks a finding that stands for one span only (crawled pages), whose span is in its fingerprint.
     */
    record Row(String detector, String source, String subject, String platform, String shopId, String region,
               String productCategory, String rule, String ruleCategory, String title, String law, String article,
               boolean lawUnverified, String severity, double confidence, String field, String text, Integer start,
               Integer end, String matched, String term, String detail, String evidenceUrl, Instant evidenceTime,
               String evidenceSha256, List<MonitoringFinding.Span> spans, boolean perSpan) {
    }

    /**
     * Collects the spans of one subject's scan by rule and field and gives one row each: spans in order (the same
     * span once), the highest severity and confidence among them, and the explanations of the spans of that severity.
     */
    static final class Groups {

        private record Group(Row first, List<MonitoringFinding.Span> spans, double[] confidence) {
        }

        private final Map<String, Group> groups = new LinkedHashMap<>();

        void add(Row base, MonitoringFinding.Span span, double confidence) {
            Group g = groups.computeIfAbsent(base.rule() + '\u0000' + base.field(),
                    k -> new Group(base, new ArrayList<>(), new double[] {0}));
            g.spans().add(span);
            g.confidence()[0] = Math.max(g.confidence()[0], confidence);
        }

        List<Row> rows() {
            List<Row> out = new ArrayList<>(groups.size());
            for (Group g : groups.values()) {
                List<MonitoringFinding.Span> spans = new ArrayList<>();
                Set<Long> seen = new java.util.HashSet<>();
                for (MonitoringFinding.Span s : g.spans().stream().sorted(MonitoringFinding.Span.ORDER).toList()) {
                    if (seen.add(((long) s.start() << 32) | (s.end() & 0xffffffffL))) {
                        spans.add(s);
                    }
                }
                Severity top = Severity.HINT;
                for (MonitoringFinding.Span s : spans) {
                    Severity v = s.severity() == null ? Severity.parse(g.first().severity()) : Severity.parse(s.severity());
                    top = v.compareTo(top) > 0 ? v : top;
                }
                Set<String> why = new LinkedHashSet<>();
                for (MonitoringFinding.Span s : spans) {
                    String sev = s.severity() == null ? g.first().severity() : s.severity();
                    if (Severity.parse(sev) == top && s.explanation() != null && !s.explanation().isBlank()) {
                        why.add(s.explanation().strip());
                    }
                }
                String detail = why.isEmpty() ? g.first().detail() : String.join(" ", why);
                // a span's explanation is kept only where it says something the finding's does not
                spans.replaceAll(s -> s.explanation() != null && s.explanation().strip().equals(detail)
                        ? new MonitoringFinding.Span(s.start(), s.end(), s.matched(), s.term(), s.kind(), s.severity(),
                                null) : s);
                MonitoringFinding.Span first = spans.get(0);
                Row r = g.first();
                out.add(new Row(r.detector(), r.source(), r.subject(), r.platform(), r.shopId(), r.region(),
                        r.productCategory(), r.rule(), r.ruleCategory(), r.title(), r.law(), r.article(),
                        r.lawUnverified(), top.name(), g.confidence()[0], r.field(), r.text(), first.start(),
                        first.end(), first.matched(), first.term(), detail, r.evidenceUrl(), r.evidenceTime(),
                        r.evidenceSha256(), List.copyOf(spans), false));
            }
            groups.clear();
            return out;
        }
    }

    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /*
     * A grouped row is not written when a row of the same owner, source, subject, rule, field and content hash was
     * written before spans were kept (spans NULL with offsets; the partial index finding_one_span_rows_idx).
     */
    private static final String SQL = """
            INSERT INTO finding (fingerprint, task_id, run_id, detector, source, subject, platform_code, shop_id,
                region_code, product_category, rule, rule_category, title, law, article, law_unverified, severity,
                confidence, field, text, start_offset, end_offset, matched, term, spans, detail, evidence_url,
                evidence_time, evidence_sha256, found_at, owner_agency, owner_region)
            SELECT ?, ?::bigint, ?::bigint, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::boolean, ?, ?::real, ?, ?, ?::int,
                ?::int, ?, ?, ?::jsonb, ?, ?, ?::timestamptz, ?, ?::timestamptz, ?, ?
            WHERE NOT (?::boolean AND EXISTS (SELECT 1 FROM finding o
                WHERE o.spans IS NULL AND o.start_offset IS NOT NULL AND o.source = ? AND o.subject = ?
                  AND o.rule = ? AND o.field = ? AND o.evidence_sha256 = ? AND o.owner_agency = ?
                  AND o.owner_region = ?))
            ON CONFLICT (fingerprint) DO NOTHING""";
    /* An open finding of unchanged content whose rule now matches other spans there. */
    private static final String REFRESH = """
            UPDATE finding SET spans = ?::jsonb, start_offset = ?, end_offset = ?, matched = ?, term = ?, severity = ?,
                confidence = ?, detail = ?
            WHERE fingerprint = ? AND status = 'NEW' AND spans IS DISTINCT FROM ?::jsonb""";

    private final JdbcTemplate jdbc;
    private final MonitoringTask task;
    private final long runId;
    private final Timestamp now;
    private final MessageDigest sha;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private final List<Object[]> refreshes = new ArrayList<>(BATCH);
    private long total;
    private long inserted;
    private long refreshed;

    FindingWriter(JdbcTemplate jdbc, MonitoringTask task, long runId, Instant now) {
        this.jdbc = jdbc;
        this.task = task;
        this.runId = runId;
        this.now = Timestamp.from(now);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void add(Row r) {
        total++;
        String fingerprint = fingerprint(r);
        String spans = spansJson(r.spans());
        boolean grouped = r.spans() != null && !r.perSpan();
        pending.add(new Object[] {fingerprint, task.id(), runId, r.detector(), r.source(), r.subject(), r.platform(),
                r.shopId(), r.region(), r.productCategory(), r.rule(), r.ruleCategory(), r.title(), r.law(),
                r.article(), r.lawUnverified(), r.severity(), r.confidence(), r.field(), r.text(), r.start(), r.end(),
                r.matched(), r.term(), spans, r.detail(), r.evidenceUrl(), Timestamp.from(r.evidenceTime()),
                r.evidenceSha256(), now, task.ownerAgency(), task.ownerRegion(),
                grouped, r.source(), r.subject(), r.rule(), r.field(), r.evidenceSha256(), task.ownerAgency(),
                task.ownerRegion()});
        refreshes.add(grouped ? new Object[] {spans, r.start(), r.end(), r.matched(), r.term(), r.severity(),
                r.confidence(), r.detail(), fingerprint, spans} : null);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        int[] counts = jdbc.batchUpdate(SQL, pending);
        List<Object[]> stale = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                inserted += counts[i];
            } else if (refreshes.get(i) != null) {
                stale.add(refreshes.get(i));     // already there: the same spans change nothing
            }
        }
        if (!stale.isEmpty()) {
            for (int n : jdbc.batchUpdate(REFRESH, stale)) {
                if (n > 0) {
                    refreshed += n;
                }
            }
        }
        pending.clear();
        refreshes.clear();
    }

    long total() {
        return total;
    }

    long inserted() {
        return inserted;
    }

    /** Open findings whose spans a rerun brought up to date (the rule matched other spans in unchanged content). */
    long refreshed() {
        return refreshed;
    }

    private static String spansJson(List<MonitoringFinding.Span> spans) {
        if (spans == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(spans);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Owner, source, subject, rule, field, span and content hash, each followed by a zero byte. The span is written
     * as {@code null} unless the finding stands for one span only (crawled pages), so a finding of a listing's rule
     * and field keeps its fingerprint whichever and however many spans it has; findings without spans (price,
     * registry) keep the fingerprint they had before spans were kept.
     */
    private String fingerprint(Row r) {
        sha.reset();
        Integer start = r.perSpan() ? r.start() : null;
        Integer end = r.perSpan() ? r.end() : null;
        for (String s : new String[] {task.ownerAgency(), task.ownerRegion(), r.source(), r.subject(), r.rule(),
                r.field(), String.valueOf(start), String.valueOf(end), r.evidenceSha256()}) {
            sha.update(String.valueOf(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
