package cn.wangjian.platform.evidence;

import cn.wangjian.platform.database.DatabaseProperties;
import cn.wangjian.platform.identity.DataScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence register: appends captures to the chain (objects first, then the record, so a record never names a
 * missing object) and reads them within the reader's data scope.
 */
@Service
public class Evidence {

    /** Serialises appends so that each record sees the previous one. */
    private static final long CHAIN_LOCK = 0x65766964656e6365L;
    static final String GENESIS = "0".repeat(64);

    /** What to fix: the bytes and what is known about them. */
    public record NewCapture(Capture.Kind kind, String url, Instant fetchedAt, Integer httpStatus, String headers,
                             String contentType, byte[] content, String text, byte[] screenshot, String note,
                             String capturedBy, String ownerAgency, String ownerRegion) {
        public NewCapture {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(url, "url");
            java.util.Objects.requireNonNull(fetchedAt, "fetchedAt");
            java.util.Objects.requireNonNull(content, "content");
            java.util.Objects.requireNonNull(capturedBy, "capturedBy");
        }
    }

    private final JdbcClient jdbc;
    private final ObjectStore objects;

    private final cn.wangjian.platform.audit.ChainKey key;

    private final java.time.Clock clock;

    private final cn.wangjian.platform.audit.AuditLog audit;

    Evidence(JdbcClient jdbc, DatabaseProperties properties, cn.wangjian.platform.audit.ChainKey key,
             java.time.Clock clock, cn.wangjian.platform.audit.AuditLog audit) {
        this.audit = audit;
        this.clock = clock;
        this.key = key;
        this.jdbc = jdbc;
        this.objects = new ObjectStore(objectsDirectory(properties.dataDir()));
    }

    /** The SHA-256 of some bytes, as the evidence store names them. */
    public static String sha256(byte[] bytes) {
        return ObjectStore.sha256(bytes);
    }

    static java.nio.file.Path objectsDirectory(java.nio.file.Path dataDir) {
        return dataDir.resolve("evidence").resolve("objects");
    }

    /** On start, once: how many records were written before the register was keyed. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
    void recordLegacyRecords() {
        key.recordLegacy("evidence", jdbc.sql("SELECT coalesce(max(seq), 0) FROM evidence_capture WHERE key_id IS NULL")
                .query(Long.class).single());
        audit.noteRotation("evidence", jdbc.sql("SELECT seq, key_id FROM evidence_capture ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new cn.wangjian.platform.audit.AuditLog.Newest(rs.getLong(1), rs.getString(2)))
                .optional());
        anchor();
    }

    /** Anchors the register's head outside the database (at start, and hourly with the audit log's). */
    public void anchor() {
        jdbc.sql("SELECT seq, record_hash FROM evidence_capture ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> {
                    new cn.wangjian.platform.audit.AuditAnchors(key, "evidence").append(rs.getLong(1), rs.getString(2),
                            clock.instant());
                    return null;
                }).optional();
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public Capture record(NewCapture c) {
        String contentSha = objects.put(c.content());
        String textSha = c.text() == null ? null : objects.put(c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String shotSha = c.screenshot() == null ? null : objects.put(c.screenshot());
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var last = jdbc.sql("SELECT seq, record_hash FROM evidence_capture ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        String prev = last.map(r -> (String) r[1]).orElse(GENESIS);
        Instant at = c.fetchedAt().truncatedTo(ChronoUnit.MICROS);
        String hash = Capture.hash(key, seq, c.kind(), c.url(), at, c.httpStatus(), c.headers(), c.contentType(),
                contentSha, c.content().length, textSha, shotSha, c.note(), c.capturedBy(), c.ownerAgency(),
                c.ownerRegion(), prev);
        jdbc.sql("""
                INSERT INTO evidence_capture (seq, kind, url, fetched_at, http_status, headers, content_type,
                    content_sha256, content_size, text_sha256, screenshot_sha256, note, captured_by, owner_agency,
                    owner_region, prev_hash, record_hash, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, c.kind().name(), c.url(), Timestamp.from(at), c.httpStatus(), c.headers(),
                        c.contentType(), contentSha, (long) c.content().length, textSha, shotSha, c.note(),
                        c.capturedBy(), c.ownerAgency(), c.ownerRegion(), prev, hash, key.id())
                .update();
        return new Capture(seq, c.kind(), c.url(), at, c.httpStatus(), c.headers(), c.contentType(), contentSha,
                c.content().length, textSha, shotSha, c.note(), c.capturedBy(), c.ownerAgency(), c.ownerRegion(), prev,
                hash, key.id());
    }

    public Optional<Capture> find(long seq, DataScope scope) {
        return jdbc.sql("SELECT * FROM evidence_capture WHERE seq = :seq AND "
                        + scope.sqlCondition("owner_agency", "owner_region"))
                .params(scope.sqlParameters()).param("seq", seq).query((rs, n) -> capture(rs)).optional();
    }

    public List<Capture> latest(DataScope scope, int limit) {
        return jdbc.sql("SELECT * FROM evidence_capture WHERE " + scope.sqlCondition("owner_agency", "owner_region")
                        + " ORDER BY seq DESC LIMIT :limit")
                .params(scope.sqlParameters()).param("limit", limit).query((rs, n) -> capture(rs)).list();
    }

    /** The stored bytes of an object that a capture in the reader's scope names. */
    public Optional<byte[]> object(Capture capture, String sha256) {
        if (!sha256.equals(capture.contentSha256()) && !sha256.equals(capture.textSha256())
                && !sha256.equals(capture.screenshotSha256())) {
            return Optional.empty();
        }
        return objects.get(sha256);
    }

    ObjectStore objects() {
        return objects;
    }

    static Capture capture(ResultSet rs) throws SQLException {
        int status = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : status;
        return new Capture(rs.getLong("seq"), Capture.Kind.valueOf(rs.getString("kind")), rs.getString("url"),
                rs.getTimestamp("fetched_at").toInstant(), httpStatus, rs.getString("headers"),
                rs.getString("content_type"), rs.getString("content_sha256"), rs.getLong("content_size"),
                rs.getString("text_sha256"), rs.getString("screenshot_sha256"), rs.getString("note"),
                rs.getString("captured_by"), rs.getString("owner_agency"), rs.getString("owner_region"),
                rs.getString("prev_hash"), rs.getString("record_hash"), rs.getString("key_id"));
    }
}
