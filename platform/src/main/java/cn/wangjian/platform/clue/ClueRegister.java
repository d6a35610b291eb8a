package cn.wangjian.platform.clue;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue register. Every read takes the reader's {@link DataScope} and applies it in SQL, so a record outside
 * the scope is never loaded, whatever page or API asks for it.
 */
@Service
public class ClueRegister {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Visible when the reader's agency owns it within the reader's region subtree, or it was shared so. */
    private static final String IN_SCOPE = """
            (:global
             OR (c.agency_code = :agency AND c.region_code LIKE :regions)
             OR EXISTS (SELECT 1 FROM clue_share s
                        WHERE s.clue_id = c.id AND s.agency_code = :agency AND s.region_code LIKE :regions))""";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Directory directory;

    private final java.time.Clock clock;

    ClueRegister(JdbcClient jdbc, AuditLog audit, Directory directory, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
    }

    /** Registers a clue owned by the officer's own bureau. */
    @Transactional
    public Clue register(NewClue clue, CurrentUser officer) {
        if (officer.agencyCode() == null) {
            throw new IllegalStateException("只有监管部门用户可以登记线索 (only agency users register clues)");
        }
        return register(clue, officer.agencyCode(), officer.region(), officer.getUsername());
    }

    /** Registers a clue received for a bureau from outside (the public complaint form), owned by that bureau. */
    @Transactional
    Clue register(NewClue clue, String agencyCode, cn.wangjian.platform.identity.RegionCode region, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int year = now.atZone(CHINA).getYear();
        int seq = jdbc.sql("""
                INSERT INTO clue_number_counter (agency_code, region_code, year, last_value) VALUES (?, ?, ?, 1)
                ON CONFLICT (agency_code, region_code, year)
                DO UPDATE SET last_value = clue_number_counter.last_value + 1
                RETURNING last_value""")
                .params(agencyCode, region.value(), year).query(Integer.class).single();
        String clueNo = String.format("XS-%s-%s-%d-%05d", region.value(), agencyCode, year, seq);
        long id = jdbc.sql("""
                INSERT INTO clue (clue_no, title, source, subject_name, subject_credit_code, description, status,
                                  agency_code, region_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?, ?) RETURNING id""")
                .params(clueNo, clue.title().strip(), clue.source().name(), clue.subjectName().strip(),
                        clue.normalisedCreditCode(), clue.description(), agencyCode,
                        region.value(), actor, Timestamp.from(now))
                .query(Long.class).single();
        Clue created = new Clue(id, clueNo, clue.title().strip(), clue.source(), clue.subjectName().strip(),
                clue.normalisedCreditCode(), clue.description(), ClueStatus.REGISTERED, agencyCode,
                region.value(), actor, now);
        audit.record(actor, "clue.registered", "clue", Long.toString(id), null, created);
        link(created);
        return created;
    }

    /**
     * Links a new clue to the bureau's earlier clues on the same subject (the same credit code, or without one the
     * same name), both ways, so related clues are seen together instead of handled twice.
     */
    private void link(Clue clue) {
        List<Long> related = jdbc.sql("""
                SELECT id FROM clue WHERE id <> ? AND agency_code = ? AND region_code = ?
                  AND ((?::text IS NOT NULL AND subject_credit_code = ?::text)
                       OR (?::text IS NULL AND subject_name = ?::text))""")
                .params(clue.id(), clue.agencyCode(), clue.regionCode(), clue.subjectCreditCode(),
                        clue.subjectCreditCode(), clue.subjectCreditCode(), clue.subjectName())
                .query(Long.class).list();
        String reason = clue.subjectCreditCode() != null ? "同一统一社会信用代码 " + clue.subjectCreditCode()
                : "同一当事人名称 " + clue.subjectName();
        for (long other : related) {
            for (long[] pair : new long[][] {{clue.id(), other}, {other, clue.id()}}) {
                jdbc.sql("INSERT INTO clue_link (clue_id, related_clue_id, reason, linked_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING").params(pair[0], pair[1], reason, Timestamp.from(clock.instant()))
                        .update();
            }
        }
    }

    /** The clues linked to this one (same subject in the same bureau). */
    public List<Long> related(long clueId) {
        return jdbc.sql("SELECT related_clue_id FROM clue_link WHERE clue_id = ? ORDER BY related_clue_id")
                .param(clueId).query(Long.class).list();
    }

    /** A piece of evidence attached to a clue. */
    public record AttachedEvidence(long evidenceSeq, String note, String attachedBy, Instant attachedAt) {
    }

    /**
     * The clue is dealt with (办结): its case was closed or not filed. Called by casework; a clue already closed stays
     * as it is. The reason is audited.
     */
    @Transactional
    public void close(long clueId, String reason, String actor) {
        if (jdbc.sql("UPDATE clue SET status = 'CLOSED' WHERE id = ? AND status <> 'CLOSED'").param(clueId).update() == 1) {
            audit.record(actor, "clue.closed", "clue", Long.toString(clueId), java.util.Map.of("status", "REGISTERED"),
                    java.util.Map.of("status", "CLOSED", "reason", reason));
        }
    }

    /** Attaches fixed evidence (by its sequence number in the evidence chain) to a clue. */
    @Transactional
    public void attachEvidence(long clueId, long evidenceSeq, String note, String actor) {
        jdbc.sql("""
                INSERT INTO clue_evidence (clue_id, evidence_seq, note, attached_by, attached_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(clueId, evidenceSeq, note, actor, Timestamp.from(clock.instant())).update();
        audit.record(actor, "clue.evidence-attached", "clue", Long.toString(clueId), null,
                java.util.Map.of("evidenceSeq", evidenceSeq, "note", note == null ? "" : note));
    }

    public List<AttachedEvidence> evidence(long clueId) {
        return jdbc.sql("SELECT * FROM clue_evidence WHERE clue_id = ? ORDER BY attached_at, evidence_seq")
                .param(clueId).query((rs, n) -> new AttachedEvidence(rs.getLong("evidence_seq"), rs.getString("note"),
                        rs.getString("attached_by"), rs.getTimestamp("attached_at").toInstant())).list();
    }

    public Optional<Clue> find(long id, DataScope scope) {
        return jdbc.sql("SELECT c.* FROM clue c WHERE c.id = :id AND " + IN_SCOPE)
                .paramSource(scopeParams(scope).addValue("id", id)).query(ClueRegister::map).optional();
    }

    public List<Clue> list(DataScope scope, int limit) {
        return jdbc.sql("SELECT c.* FROM clue c WHERE " + IN_SCOPE + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .paramSource(scopeParams(scope).addValue("limit", limit)).query(ClueRegister::map).list();
    }

    /** The clues about one subject (by credit code) that the reader may see. */
    public List<Clue> ofSubject(String creditCode, DataScope scope, int limit) {
        return jdbc.sql("SELECT c.* FROM clue c WHERE c.subject_credit_code = :code AND " + IN_SCOPE
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .paramSource(scopeParams(scope).addValue("code", creditCode).addValue("limit", limit))
                .query(ClueRegister::map).list();
    }

    public Map<ClueStatus, Long> countByStatus(DataScope scope) {
        return countBy("status", ClueStatus.class, scope);
    }

    public Map<ClueSource, Long> countBySource(DataScope scope) {
        return countBy("source", ClueSource.class, scope);
    }

    /** Counts of the clues in scope by an enum-valued column, every constant present (zero when none). */
    private <E extends Enum<E>> Map<E, Long> countBy(String column, Class<E> type, DataScope scope) {
        Map<E, Long> counts = new java.util.EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            counts.put(e, 0L);
        }
        jdbc.sql("SELECT c." + column + ", count(*) FROM clue c WHERE " + IN_SCOPE + " GROUP BY c." + column)
                .paramSource(scopeParams(scope))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        counts.put(Enum.valueOf(type, rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    public List<ClueShare> shares(long clueId) {
        return jdbc.sql("SELECT * FROM clue_share WHERE clue_id = ? ORDER BY shared_at").param(clueId)
                .query((rs, n) -> new ClueShare(rs.getString("agency_code"), rs.getString("region_code"),
                        rs.getString("shared_by"), rs.getTimestamp("shared_at").toInstant())).list();
    }

    /**
     * Shares a clue that the officer can see with another bureau's subtree.
     *
     * @return empty when the clue is not in the officer's scope
     */
    @Transactional
    public Optional<ClueShare> share(long clueId, ShareRequest request, CurrentUser officer) {
        if (find(clueId, officer.dataScope()).isEmpty()) {
            return Optional.empty();
        }
        if (directory.agency(request.agencyCode()).isEmpty()) {
            throw new IllegalArgumentException("未知部门代码 (unknown agency): " + request.agencyCode());
        }
        if (directory.region(request.regionCode()).isEmpty()) {
            throw new IllegalArgumentException("未知行政区划代码 (unknown region): " + request.regionCode());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.sql("""
                INSERT INTO clue_share (clue_id, agency_code, region_code, shared_by, shared_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(clueId, request.agencyCode(), request.regionCode(), officer.getUsername(), Timestamp.from(now))
                .update();
        ClueShare share = new ClueShare(request.agencyCode(), request.regionCode(), officer.getUsername(), now);
        if (inserted == 1) {
            audit.record(officer.getUsername(), "clue.shared", "clue", Long.toString(clueId), null, share);
        }
        return Optional.of(share);
    }

    private static Clue map(ResultSet rs, int row) throws SQLException {
        return new Clue(rs.getLong("id"), rs.getString("clue_no"), rs.getString("title"),
                ClueSource.valueOf(rs.getString("source")), rs.getString("subject_name"),
                rs.getString("subject_credit_code"), rs.getString("description"),
                ClueStatus.valueOf(rs.getString("status")), rs.getString("agency_code"), rs.getString("region_code"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource scopeParams(DataScope scope) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("global", scope.global(), Types.BOOLEAN)
                .addValue("agency", scope.agencyCode(), Types.VARCHAR)
                .addValue("regions", scope.regionLikePattern(), Types.VARCHAR);
    }
}
