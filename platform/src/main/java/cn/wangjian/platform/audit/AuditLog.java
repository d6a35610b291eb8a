package cn.wangjian.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every state change in the append-only, hash-chained audit log, inside the caller's transaction so
 * that a change and its record commit or roll back together.
 */
@Service
public class AuditLog {

    /** Serialises one append at a time, so that each link sees the previous one. */
    private static final long CHAIN_LOCK = 0x77616e676a69616eL;

    private final JdbcClient jdbc;
    private final ObjectMapper canonicalJson = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .build();

    private final java.time.Clock clock;

    private final ChainKey key;

    AuditLog(JdbcClient jdbc, java.time.Clock clock, ChainKey key) {
        this.key = key;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A chain's newest link: where a rotation took effect and the key that signed it. */
    public record Newest(long seq, String keyId) {
    }

    /**
     * At start, for a chain ({@code audit}, {@code evidence}): if its newest link is signed by a key retired since,
     * records the rotation beside the keys and in this log (signed with the new key).
     */
    public void noteRotation(String chain, java.util.Optional<Newest> newest) {
        if (!chain.equals("audit")) {
            // the audit log's own rotation first: the entry below would otherwise hide it
            checkOwnRotation();
        }
        newest.flatMap(n -> key.noteRotation(chain, n.seq(), n.keyId(), clock.instant())).ifPresent(r -> {
            java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
            after.put("chain", chain);
            after.put("keyId", r.to());
            after.put("fromSeq", r.afterSeq() + 1);
            record("system", "chain-key.rotated", "chain_key", chain, java.util.Map.of("keyId", r.from()), after);
        });
    }

    private boolean ownRotationChecked;

    private synchronized void checkOwnRotation() {
        if (!ownRotationChecked) {
            ownRotationChecked = true;
            noteRotation("audit", jdbc.sql("SELECT seq, key_id FROM audit_log ORDER BY seq DESC LIMIT 1")
                    .query((rs, n) -> new Newest(rs.getLong(1), rs.getString(2))).optional());
        }
    }

    /** Anchors the chain's head outside the database (at start, and hourly by the scheduler). */
    public void anchor() {
        jdbc.sql("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> {
                    new AuditAnchors(key).append(rs.getLong(1), rs.getString(2), clock.instant());
                    return null;
                }).optional();
    }

    /** On start, once: how many links were written before the chain was keyed (they stay plain SHA-256). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
    void recordLegacyLinks() {
        key.recordLegacy("audit", jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_log WHERE key_id IS NULL")
                .query(Long.class).single());
        checkOwnRotation();
        anchor();
    }

    /**
     * Appends a link. {@code before} and {@code after} are any JSON-serialisable values (records, maps), or null
     * for a creation or a deletion.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(String actor, String action, String entityType, String entityId, Object before,
                             Object after) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var last = jdbc.sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        String prev = last.map(r -> (String) r[1]).orElse(AuditChain.GENESIS);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String beforeJson = json(before);
        String afterJson = json(after);
        String hash = AuditChain.hash(key, seq, at, actor, action, entityType, entityId, beforeJson, afterJson, prev);
        jdbc.sql("""
                INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, before_json, after_json,
                                       prev_hash, hash, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(at), actor, action, entityType, entityId, beforeJson, afterJson, prev,
                        hash, key.id())
                .update();
        return new AuditEntry(seq, at, actor, action, entityType, entityId, beforeJson, afterJson, prev, hash, key.id());
    }

    public List<AuditEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?").param(limit)
                .query(AuditVerifier.ROW_MAPPER).list();
    }

    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return jdbc.sql("SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY seq")
                .params(entityType, entityId).query(AuditVerifier.ROW_MAPPER).list();
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return canonicalJson.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit value is not serialisable: " + e.getMessage(), e);
        }
    }
}
