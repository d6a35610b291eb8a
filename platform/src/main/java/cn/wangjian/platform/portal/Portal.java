package cn.wangjian.platform.portal;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.publicity.Publications;
import cn.wangjian.platform.registry.Registry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public side shows and how it gets there: consumer warnings and tips (消费预警、提示警示) written by a bureau's
 * officers and published (or withdrawn) by them; typical cases as published — the decisions case officers marked
 * typical, in their published, redacted text; and evaluations of platforms by the public (监督评议), each shown only
 * after a moderator approved it. Public text is shown escaped everywhere, officers' pages included.
 */
@Service
public class Portal {

    public enum WarningKind {
        WARNING("消费预警"), TIP("提示警示");

        private final String label;

        WarningKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Warning(long id, WarningKind kind, String title, String body, String authority, String writtenBy,
                          Instant writtenAt, Instant publishedAt, Instant withdrawnAt, String agencyCode,
                          String regionCode) {
        public boolean published() {
            return publishedAt != null && withdrawnAt == null;
        }
    }

    public record Evaluation(long id, String platformCode, String platformName, int stars, String comment,
                             Instant submittedAt, String state, String reason) {
    }

    /** A platform's standing from approved evaluations. */
    public record Standing(String platformCode, String platformName, long evaluations, double averageStars) {
    }

    private static final java.util.Set<Role> WRITERS = java.util.EnumSet.of(Role.MONITORING_OFFICER,
            Role.CASE_OFFICER, Role.CREDIT_OFFICER, Role.CAMPAIGN_COORDINATOR);

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final Publications publications;
    private final Registry registry;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    Portal(JdbcClient jdbc, CaseFiles cases, Publications publications, Registry registry, Directory directory,
           AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.publications = publications;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    private static void requireOfficer(CurrentUser user) {
        if (user.agencyCode() == null || WRITERS.stream().noneMatch(user::hasRole)) {
            throw new PortalRefusedException("只有监管部门的工作人员可以发布 (agency officers only)");
        }
    }

    @Transactional
    public Warning write(WarningKind kind, String title, String body, CurrentUser officer) {
        requireOfficer(officer);
        if (kind == null) {
            throw new PortalRefusedException("字段 kind：请选择消费预警或提示警示 (a kind is needed)");
        }
        String t = required(title, "title", "标题", 100);
        String b = required(body, "body", "正文", 20_000);
        long id = jdbc.sql("""
                INSERT INTO public_warning (kind, title, body, agency_code, region_code, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), t, b, officer.agencyCode(), officer.region().value(), officer.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(officer.getUsername(), "portal.warning-written", "public_warning", Long.toString(id), null,
                Map.of("title", t));
        return warning(id, officer.dataScope()).orElseThrow();
    }

    @Transactional
    public Warning publish(long id, CurrentUser officer) {
        requireOfficer(officer);
        Warning w = warning(id, officer.dataScope())
                .orElseThrow(() -> new PortalRefusedException("没有这条消费提示 (no such warning): " + id));
        if (w.publishedAt() != null) {
            throw new PortalRefusedException("已发布 (already published)");
        }
        jdbc.sql("UPDATE public_warning SET published_at = ?, published_by = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), officer.getUsername(), id).update();
        audit.record(officer.getUsername(), "portal.warning-published", "public_warning", Long.toString(id), null, null);
        return warning(id, officer.dataScope()).orElseThrow();
    }

    @Transactional
    public Warning withdraw(long id, CurrentUser officer) {
        requireOfficer(officer);
        Warning w = warning(id, officer.dataScope())
                .orElseThrow(() -> new PortalRefusedException("没有这条消费提示 (no such warning): " + id));
        if (!w.published()) {
            throw new PortalRefusedException("未在发布中 (not published)");
        }
        jdbc.sql("UPDATE public_warning SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), officer.getUsername(), id).update();
        audit.record(officer.getUsername(), "portal.warning-withdrawn", "public_warning", Long.toString(id), null, null);
        return warning(id, officer.dataScope()).orElseThrow();
    }

    public List<Warning> warnings(DataScope scope) {
        return jdbc.sql(WARNING + " WHERE " + scope.sqlCondition("agency_code", "region_code")
                + " ORDER BY written_at DESC LIMIT 200").params(scope.sqlParameters())
                .query((rs, n) -> warning(rs)).list();
    }

    public Optional<Warning> warning(long id, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("id", id);
        return jdbc.sql(WARNING + " WHERE id = :id AND " + scope.sqlCondition("agency_code", "region_code"))
                .params(p).query((rs, n) -> warning(rs)).optional();
    }

    /** Published and not withdrawn, newest first. */
    public List<Warning> publishedWarnings(int limit) {
        return jdbc.sql(WARNING + " WHERE published_at IS NOT NULL AND withdrawn_at IS NULL"
                        + " ORDER BY published_at DESC LIMIT ?").param(Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> warning(rs)).list();
    }

    public Optional<Warning> publishedWarning(long id) {
        return jdbc.sql(WARNING + " WHERE id = ? AND published_at IS NOT NULL AND withdrawn_at IS NULL").param(id)
                .query((rs, n) -> warning(rs)).optional();
    }

    /** Typical cases as the public may read them: their decisions' published text, nothing unpublished. */
    public List<Publications.PublicEntry> typicalCases(int limit) {
        List<Long> ids = cases.typicalDecided(DataScope.everything(), 500).stream().map(CaseFiles.DecidedCase::id)
                .toList();
        return publications.publishedOfCases(ids, limit);
    }

    /** An evaluation from the public: pending until moderated. */
    @Transactional
    public long evaluate(String platformCode, Integer stars, String comment) {
        if (platformCode == null || registry.platformName(platformCode).isEmpty()) {
            throw new PortalRefusedException("字段 platform：请选择平台 (choose a platform)");
        }
        if (stars == null || stars < 1 || stars > 5) {
            throw new PortalRefusedException("字段 stars：评分为 1 至 5 星 (1 to 5 stars)");
        }
        String text = required(comment, "comment", "评价内容", 1000);
        long id = jdbc.sql("""
                INSERT INTO platform_evaluation (platform_code, stars, comment, submitted_at, state)
                VALUES (?, ?, ?, ?, 'PENDING') RETURNING id""")
                .params(platformCode, stars, text, Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record("public-form", "portal.evaluation-submitted", "platform_evaluation", Long.toString(id), null,
                Map.of("platform", platformCode, "stars", stars));
        return id;
    }

    @Transactional
    public void moderate(long id, boolean approve, String reason, CurrentUser officer) {
        requireOfficer(officer);
        String why = approve ? null : required(reason, "reason", "不予展示的理由", 500);
        int n = jdbc.sql("""
                UPDATE platform_evaluation SET state = ?, moderated_by = ?, moderated_at = ?, reason = ?
                WHERE id = ? AND state = 'PENDING'""")
                .params(approve ? "APPROVED" : "REJECTED", officer.getUsername(), Timestamp.from(clock.instant()), why,
                        id).update();
        if (n == 0) {
            throw new PortalRefusedException("没有待审核的这条评价 (no such pending evaluation): " + id);
        }
        audit.record(officer.getUsername(), "portal.evaluation-moderated", "platform_evaluation", Long.toString(id),
                null, Map.of("approved", approve));
    }

    public List<Evaluation> pending(int limit) {
        return evaluations("state = 'PENDING' ORDER BY submitted_at", limit);
    }

    public List<Evaluation> approved(int limit) {
        return evaluations("state = 'APPROVED' ORDER BY moderated_at DESC", limit);
    }

    public List<Standing> standings() {
        Map<String, String> names = registry.platforms();
        Map<String, Standing> out = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT platform_code, count(*), avg(stars) FROM platform_evaluation WHERE state = 'APPROVED'
                GROUP BY platform_code ORDER BY platform_code""").query(rs -> {
            out.put(rs.getString(1), new Standing(rs.getString(1), names.getOrDefault(rs.getString(1),
                    rs.getString(1)), rs.getLong(2), Math.round(rs.getDouble(3) * 10) / 10.0));
        });
        return List.copyOf(out.values());
    }

    private List<Evaluation> evaluations(String where, int limit) {
        Map<String, String> names = registry.platforms();
        return jdbc.sql("SELECT id, platform_code, stars, comment, submitted_at, state, reason FROM platform_evaluation"
                        + " WHERE " + where + " LIMIT ?").param(Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new Evaluation(rs.getLong(1), rs.getString(2), names.getOrDefault(rs.getString(2),
                        rs.getString(2)), rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), rs.getString(7))).list();
    }

    private static final String WARNING = """
            SELECT id, kind, title, body, agency_code, region_code, written_by, written_at, published_at, withdrawn_at
            FROM public_warning""";

    private Warning warning(ResultSet rs) throws SQLException {
        return new Warning(rs.getLong("id"), WarningKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getString("body"), directory.bureauName(rs.getString("agency_code"),
                new RegionCode(rs.getString("region_code"))), rs.getString("written_by"),
                rs.getTimestamp("written_at").toInstant(), instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("withdrawn_at")), rs.getString("agency_code"), rs.getString("region_code"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String required(String v, String field, String label, int max) {
        if (v == null || v.isBlank()) {
            throw new PortalRefusedException("字段 " + field + "：请填写" + label + " (" + field + " is required)");
        }
        String s = v.strip();
        if (s.length() > max) {
            throw new PortalRefusedException("字段 " + field + "：" + label + "不超过 " + max + " 字 (too long)");
        }
        return s;
    }
}
