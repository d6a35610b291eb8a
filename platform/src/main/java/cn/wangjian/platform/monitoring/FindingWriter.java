package cn.wangjian.platform.monitoring;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a run's findings in batches of a thousand rows. A finding's fingerprint (owner, subject, rule, span and
 * the SHA-256 of the content it was found in) makes a rerun over unchanged content add nothing: the officer's
 * queue does not fill with duplicates, and a changed listing is a new finding.
 */
final class FindingWriter {

    /** One finding to write. */
    record Row(String detector, String source, String subject, String platform, String shopId, String region,
               String productCategory, String rule, String ruleCategory, String title, String law, String article,
               boolean lawUnverified, String severity, double confidence, String field, String text, Integer start,
               Integer end, String matched, String term, String detail, String evidenceUrl, Instant evidenceTime,
               String evidenceSha256) {
    }

    private static final int BATCH = 1000;
    private static final String SQL = """
            INSERT INTO finding (fingerprint, task_id, run_id, detector, source, subject, platform_code, shop_id,
                region_code, product_category, rule, rule_category, title, law, article, law_unverified, severity,
                confidence, field, text, start_offset, end_offset, matched, term, detail, evidence_url, evidence_time,
                evidence_sha256, found_at, owner_agency, owner_region)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (fingerprint) DO NOTHING""";

    private final JdbcTemplate jdbc;
    private final MonitoringTask task;
    private final long runId;
    private final Timestamp now;
    private final MessageDigest sha;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private long total;
    private long inserted;

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
        pending.add(new Object[] {fingerprint(r), task.id(), runId, r.detector(), r.source(), r.subject(), r.platform(),
                r.shopId(), r.region(), r.productCategory(), r.rule(), r.ruleCategory(), r.title(), r.law(),
                r.article(), r.lawUnverified(), r.severity(), r.confidence(), r.field(), r.text(), r.start(), r.end(),
                r.matched(), r.term(), r.detail(), r.evidenceUrl(), Timestamp.from(r.evidenceTime()),
                r.evidenceSha256(), now, task.ownerAgency(), task.ownerRegion()});
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        for (int n : jdbc.batchUpdate(SQL, pending)) {
            if (n > 0) {
                inserted += n;
            }
        }
        pending.clear();
    }

    long total() {
        return total;
    }

    long inserted() {
        return inserted;
    }

    private String fingerprint(Row r) {
        sha.reset();
        for (String s : new String[] {task.ownerAgency(), task.ownerRegion(), r.source(), r.subject(), r.rule(),
                r.field(), String.valueOf(r.start()), String.valueOf(r.end()), r.evidenceSha256()}) {
            sha.update(String.valueOf(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
