package cn.wangjian.platform.campaign;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.registry.Registry;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What bureaus do in the field, kept as records of their own and counted as acts: on-site inspections of operators
 * (实地检查) and administrative guidance of platforms and operators (行政指导: 提示、建议、约谈、告诫) with the agencies
 * taking part, the matters raised, the commitments made and the follow-up (回头看). Owned by the recording bureau.
 */
@Service
public class FieldRecords {

    /** The four forms of administrative guidance. */
    public enum GuidanceKind {
        PROMPT("提示"), ADVICE("建议"), INTERVIEW("约谈"), ADMONITION("告诫");

        private final String label;

        GuidanceKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record NewInspection(String subjectName, String operatorCreditCode, String platformCode, String shopId,
                                LocalDate inspectedOn, String inspectors, String findings) {
    }

    public record Inspection(long id, String subjectName, String operatorCreditCode, String platformCode,
                             String shopId, LocalDate inspectedOn, String inspectors, String findings,
                             String agencyCode, String regionCode) {
    }

    public record NewGuidance(GuidanceKind kind, String platformCode, String operatorCreditCode, String subjectName,
                              LocalDate heldOn, List<String> participants, String matters, String commitments,
                              LocalDate followUpDue) {
    }

    public record Guidance(long id, GuidanceKind kind, String platformCode, String operatorCreditCode,
                           String subjectName, LocalDate heldOn, List<String> participants, String matters,
                           String commitments, LocalDate followUpDue, LocalDate followedUpOn, String followUpResult,
                           String agencyCode, String regionCode) {
        public boolean followUpOverdue(LocalDate today) {
            return followUpDue != null && followedUpOn == null && followUpDue.isBefore(today);
        }
    }

    private final JdbcClient jdbc;
    private final CampaignStatistics statistics;
    private final Registry registry;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    FieldRecords(JdbcClient jdbc, CampaignStatistics statistics, Registry registry, Directory directory,
                 AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.statistics = statistics;
        this.registry = registry;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records an on-site inspection by the user's bureau; the same subject on the same day once per bureau. */
    @Transactional
    public Inspection inspect(NewInspection n, CurrentUser user) {
        requireAgency(user);
        String subject = Fields.required(n.subjectName(), "subjectName", "被检查对象", 200);
        String code = creditCode(n.operatorCreditCode(), "operatorCreditCode");
        String platform = platform(n.platformCode());
        LocalDate day = pastDay(n.inspectedOn(), "inspectedOn");
        String inspectors = Fields.required(n.inspectors(), "inspectors", "检查人员", 200);
        String findings = Fields.required(n.findings(), "findings", "检查情况", 4000);
        boolean duplicate = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM campaign_inspection WHERE agency_code = ? AND region_code = ?
                AND subject_name = ? AND inspected_on = ?)""")
                .params(user.agencyCode(), user.region().value(), subject, Date.valueOf(day)).query(Boolean.class)
                .single();
        if (duplicate) {
            throw new CampaignRefusedException("本单位已记录 " + day + " 对" + subject + "的实地检查 (a duplicate inspection record)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_inspection (subject_name, operator_credit_code, platform_code, shop_id, inspected_on,
                                                 inspectors, findings, agency_code, region_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(subject, code, platform, blank(n.shopId()), Date.valueOf(day), inspectors, findings,
                        user.agencyCode(), user.region().value(), user.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        statistics.recordInspection(id, user.agencyCode(), user.region().value(), day, subject, user.getUsername());
        audit.record(user.getUsername(), "campaign.inspection-recorded", "campaign_inspection", Long.toString(id), null,
                Map.of("subject", subject, "day", day.toString()));
        return inspections(user.dataScope()).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** Records administrative guidance; an interview (约谈) of a platform counts in the statistics. */
    @Transactional
    public Guidance guide(NewGuidance n, CurrentUser user) {
        requireAgency(user);
        if (n.kind() == null) {
            throw new CampaignRefusedException("字段 kind：请选择提示、建议、约谈或告诫 (a kind is needed)");
        }
        String platform = platform(n.platformCode());
        String code = creditCode(n.operatorCreditCode(), "operatorCreditCode");
        if (platform == null && code == null) {
            throw new CampaignRefusedException("字段 platformCode：请给出平台或经营者的统一社会信用代码 (a platform or an operator)");
        }
        String subject = n.subjectName() == null || n.subjectName().isBlank()
                ? (platform != null ? registry.platformName(platform).orElse(platform) : code)
                : Fields.required(n.subjectName(), "subjectName", "对象", 200);
        LocalDate day = pastDay(n.heldOn(), "heldOn");
        LinkedHashSet<String> participants = new LinkedHashSet<>();
        participants.add(user.agencyCode());
        for (String a : n.participants() == null ? List.<String>of() : n.participants()) {
            if (a == null || a.isBlank()) {
                continue;
            }
            if (directory.agency(a).isEmpty()) {
                throw new CampaignRefusedException("字段 participants：没有这个部门 " + a + " (no such agency)");
            }
            participants.add(a);
        }
        String matters = Fields.required(n.matters(), "matters", "指导事项", 4000);
        String commitments = Fields.required(n.commitments(), "commitments", "整改承诺", 4000);
        if (n.followUpDue() != null && n.followUpDue().isBefore(day)) {
            throw new CampaignRefusedException("字段 followUpDue：回头看日期不早于指导日期 (follow-up after the guidance)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_guidance (kind, platform_code, operator_credit_code, subject_name, held_on,
                    participants, matters, commitments, follow_up_due, agency_code, region_code, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(n.kind().name(), platform, code, subject, Date.valueOf(day),
                        participants.toArray(String[]::new), matters, commitments,
                        n.followUpDue() == null ? null : Date.valueOf(n.followUpDue()), user.agencyCode(),
                        user.region().value(), user.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        if (n.kind() == GuidanceKind.INTERVIEW && platform != null) {
            statistics.recordInterview(id, user.agencyCode(), user.region().value(), day, subject, user.getUsername());
        }
        audit.record(user.getUsername(), "campaign.guidance-recorded", "campaign_guidance", Long.toString(id), null,
                Map.of("kind", n.kind().name(), "subject", subject, "day", day.toString()));
        return guidance(id, user.dataScope()).orElseThrow();
    }

    /** The follow-up (回头看) of a guidance record within the user's scope. */
    @Transactional
    public Guidance followUp(long id, LocalDate on, String result, CurrentUser user) {
        Guidance g = guidance(id, user.dataScope())
                .orElseThrow(() -> new CampaignRefusedException("没有这条行政指导记录 (no such record): " + id));
        if (g.followedUpOn() != null) {
            throw new CampaignRefusedException("该记录已回头看 (already followed up)");
        }
        LocalDate day = pastDay(on, "followedUpOn");
        if (day.isBefore(g.heldOn())) {
            throw new CampaignRefusedException("字段 followedUpOn：回头看日期不早于指导日期 (follow-up after the guidance)");
        }
        String text = Fields.required(result, "followUpResult", "回头看情况", 4000);
        jdbc.sql("UPDATE campaign_guidance SET followed_up_on = ?, follow_up_result = ? WHERE id = ?")
                .params(Date.valueOf(day), text, id).update();
        audit.record(user.getUsername(), "campaign.guidance-followed-up", "campaign_guidance", Long.toString(id), null,
                Map.of("day", day.toString()));
        return guidance(id, user.dataScope()).orElseThrow();
    }

    public List<Inspection> inspections(DataScope scope) {
        return jdbc.sql("""
                SELECT id, subject_name, operator_credit_code, platform_code, shop_id, inspected_on, inspectors, findings,
                       agency_code, region_code FROM campaign_inspection WHERE """
                        + scope.sqlCondition("agency_code", "region_code") + " ORDER BY inspected_on DESC, id DESC LIMIT 500")
                .params(scope.sqlParameters())
                .query((rs, n) -> new Inspection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10))).list();
    }

    public List<Guidance> guidance(DataScope scope) {
        return jdbc.sql(GUIDANCE + " WHERE " + scope.sqlCondition("agency_code", "region_code")
                        + " ORDER BY held_on DESC, id DESC LIMIT 500").params(scope.sqlParameters())
                .query((rs, n) -> guidance(rs)).list();
    }

    public Optional<Guidance> guidance(long id, DataScope scope) {
        Map<String, Object> p = new HashMap<>(scope.sqlParameters());
        p.put("id", id);
        return jdbc.sql(GUIDANCE + " WHERE id = :id AND " + scope.sqlCondition("agency_code", "region_code"))
                .params(p).query((rs, n) -> guidance(rs)).optional();
    }

    private static final String GUIDANCE = """
            SELECT id, kind, platform_code, operator_credit_code, subject_name, held_on, participants, matters,
                   commitments, follow_up_due, followed_up_on, follow_up_result, agency_code, region_code
            FROM campaign_guidance""";

    private static Guidance guidance(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> participants = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray(7).getArray()) {
            participants.add((String) o);
        }
        return new Guidance(rs.getLong(1), GuidanceKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getDate(6).toLocalDate(), List.copyOf(participants), rs.getString(8),
                rs.getString(9), day(rs.getDate(10)), day(rs.getDate(11)), rs.getString(12), rs.getString(13),
                rs.getString(14));
    }

    private static LocalDate day(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static void requireAgency(CurrentUser user) {
        if (user.agencyCode() == null) {
            throw new CampaignRefusedException("只有监管部门用户可以记录 (only agency users record this)");
        }
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String creditCode(String v, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return UnifiedSocialCreditCode.parse(v.strip()).toString();
        } catch (UnifiedSocialCreditCode.InvalidCodeException e) {
            throw new CampaignRefusedException("字段 " + field + "：" + e.getMessage());
        }
    }

    private String platform(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (registry.platformName(code.strip()).isEmpty()) {
            throw new CampaignRefusedException("字段 platformCode：没有这个平台 " + code + " (no such platform)");
        }
        return code.strip();
    }

    private LocalDate pastDay(LocalDate day, String field) {
        if (day == null || day.isAfter(LocalDate.now(clock))) {
            throw new CampaignRefusedException("字段 " + field + "：请给出不晚于今天的日期 (a day not in the future)");
        }
        return day;
    }
}
