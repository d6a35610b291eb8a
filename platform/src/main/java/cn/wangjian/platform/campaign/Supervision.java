package cn.wangjian.platform.campaign;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision of the campaign: inspection groups of several agencies (督查组) that visit regions below their owner,
 * each visit with its findings and a rectification deadline, closed by the rectification; and supervised cases
 * (督办): a superior flags a major case of a bureau below it, which then reports progress every so many days.
 */
@Service
public class Supervision {

    public record Group(long id, long campaignId, String name, List<String> agencies, String leader,
                        String ownerAgency, String ownerRegion) {
    }

    public record Visit(long id, long groupId, String regionCode, LocalDate visitedOn, String findings,
                        LocalDate rectifyBy, LocalDate rectifiedOn, String rectification) {
        public boolean overdue(LocalDate today) {
            return rectifiedOn == null && rectifyBy.isBefore(today);
        }
    }

    public record Supervised(long id, long campaignId, long caseId, String caseAgency, String caseRegion, String reason,
                             int everyDays, LocalDate nextReportOn, String flaggedBy) {
        public boolean overdue(LocalDate today) {
            return nextReportOn.isBefore(today);
        }
    }

    public record Progress(String progress, String reportedBy, LocalDate reportedOn) {
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CaseFiles cases;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    Supervision(JdbcClient jdbc, Campaigns campaigns, CaseFiles cases, Directory directory, AuditLog audit,
                Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.cases = cases;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A coordinator forms an inspection group of at least two agencies. */
    @Transactional
    public Group formGroup(long campaignId, String name, List<String> agencies, String leader, CurrentUser coordinator) {
        requireCoordinator(coordinator);
        campaigns.find(campaignId).orElseThrow(() -> new CampaignRefusedException("没有这个专项行动 (no such campaign)"));
        String n = Fields.required(name, "name", "督查组名称", 100);
        LinkedHashSet<String> members = new LinkedHashSet<>();
        for (String a : agencies == null ? List.<String>of() : agencies) {
            if (a == null || a.isBlank()) {
                continue;
            }
            if (directory.agency(a).isEmpty()) {
                throw new CampaignRefusedException("字段 agencies：没有这个部门 " + a + " (no such agency)");
            }
            members.add(a);
        }
        if (members.size() < 2) {
            throw new CampaignRefusedException("字段 agencies：督查组由两个以上部门组成 (two agencies or more)");
        }
        String l = Fields.required(leader, "leader", "组长", 100);
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaign_group WHERE campaign_id = ? AND name = ?)")
                .params(campaignId, n).query(Boolean.class).single();
        if (exists) {
            throw new CampaignRefusedException("已有同名督查组 " + n + " (a group of that name exists)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_group (campaign_id, name, agencies, leader, owner_agency, owner_region, created_by,
                                            created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(campaignId, n, members.toArray(String[]::new), l, coordinator.agencyCode(),
                        coordinator.region().value(), coordinator.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(coordinator.getUsername(), "campaign.group-formed", "campaign_group", Long.toString(id), null,
                Map.of("name", n, "agencies", List.copyOf(members)));
        return groups(campaignId, coordinator).stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    /** A visit of a group to a region below the group's owner, with findings and a rectification deadline. */
    @Transactional
    public Visit visit(long groupId, String regionCode, LocalDate on, String findings, LocalDate rectifyBy,
                       CurrentUser coordinator) {
        requireCoordinator(coordinator);
        Group g = group(groupId, coordinator).orElseThrow(() -> new CampaignRefusedException(
                "没有这个督查组 (no such group): " + groupId));
        if (regionCode == null || directory.region(regionCode).isEmpty()) {
            throw new CampaignRefusedException("字段 regionCode：没有这个行政区划 " + regionCode + " (no such region)");
        }
        if (!new RegionCode(g.ownerRegion()).contains(new RegionCode(regionCode))) {
            throw new CampaignRefusedException("字段 regionCode：" + regionCode + " 不在督查组所属辖区内 (outside the group's region)");
        }
        if (on == null || on.isAfter(LocalDate.now(clock))) {
            throw new CampaignRefusedException("字段 visitedOn：请给出不晚于今天的日期 (a day not in the future)");
        }
        if (rectifyBy == null || rectifyBy.isBefore(on)) {
            throw new CampaignRefusedException("字段 rectifyBy：整改期限不早于督查日期 (rectification after the visit)");
        }
        String f = Fields.required(findings, "findings", "督查发现的问题", 4000);
        long id = jdbc.sql("""
                INSERT INTO campaign_visit (group_id, region_code, visited_on, findings, rectify_by, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(groupId, regionCode, Date.valueOf(on), f, Date.valueOf(rectifyBy), coordinator.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(coordinator.getUsername(), "campaign.visit-recorded", "campaign_visit", Long.toString(id), null,
                Map.of("group", groupId, "region", regionCode));
        return visits(groupId).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** The visited region's bureau (any agency of the group) reports its rectification. */
    @Transactional
    public Visit rectify(long visitId, LocalDate on, String rectification, CurrentUser user) {
        Visit v = jdbc.sql(VISIT + " WHERE id = ?").param(visitId).query((rs, n) -> visit(rs)).optional()
                .orElseThrow(() -> new CampaignRefusedException("没有这次督查 (no such visit): " + visitId));
        Group g = jdbc.sql(GROUP + " WHERE id = ?").param(v.groupId()).query((rs, n) -> group(rs)).single();
        if (user.agencyCode() == null || !g.agencies().contains(user.agencyCode())
                || !user.region().contains(new RegionCode(v.regionCode()))) {
            throw new CampaignRefusedException("只有被督查地区的相关部门可以报告整改 (only the visited region reports)");
        }
        if (v.rectifiedOn() != null) {
            throw new CampaignRefusedException("该督查问题已整改 (already rectified)");
        }
        if (on == null || on.isBefore(v.visitedOn()) || on.isAfter(LocalDate.now(clock))) {
            throw new CampaignRefusedException("字段 rectifiedOn：整改日期在督查之后、不晚于今天 (a day after the visit)");
        }
        String text = Fields.required(rectification, "rectification", "整改情况", 4000);
        jdbc.sql("UPDATE campaign_visit SET rectified_on = ?, rectification = ? WHERE id = ?")
                .params(Date.valueOf(on), text, visitId).update();
        audit.record(user.getUsername(), "campaign.visit-rectified", "campaign_visit", Long.toString(visitId), null,
                Map.of("on", on.toString()));
        return visits(v.groupId()).stream().filter(x -> x.id() == visitId).findFirst().orElseThrow();
    }

    /** A superior flags a major case of a bureau below it, to be reported on every {@code everyDays} days. */
    @Transactional
    public Supervised supervise(long campaignId, long caseId, String reason, int everyDays, CurrentUser superior) {
        campaigns.find(campaignId).orElseThrow(() -> new CampaignRefusedException("没有这个专项行动 (no such campaign)"));
        if (superior.agencyCode() == null) {
            throw new CampaignRefusedException("只有监管部门用户可以督办案件 (only agency users supervise)");
        }
        CaseFiles.CaseView c = cases.find(caseId, superior.dataScope()).orElseThrow(() -> new CampaignRefusedException(
                "字段 caseId：案件 " + caseId + " 不在您的辖区内 (no such case in your region)"));
        if (c.regionCode().equals(superior.region().value())) {
            throw new CampaignRefusedException("字段 caseId：督办由上级对下级办理的案件作出 (a superior supervises a case below it)");
        }
        if (everyDays < 1 || everyDays > 90) {
            throw new CampaignRefusedException("字段 everyDays：报告间隔为 1 至 90 天 (every 1 to 90 days)");
        }
        String why = Fields.required(reason, "reason", "督办理由", 2000);
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaign_supervised_case WHERE campaign_id = ? AND case_id = ?)")
                .params(campaignId, caseId).query(Boolean.class).single();
        if (exists) {
            throw new CampaignRefusedException("该案件已在督办中 (already supervised)");
        }
        LocalDate first = LocalDate.now(clock).plusDays(everyDays);
        long id = jdbc.sql("""
                INSERT INTO campaign_supervised_case (campaign_id, case_id, case_agency, case_region, reason, every_days,
                    next_report_on, flagged_agency, flagged_region, flagged_by, flagged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(campaignId, caseId, c.agencyCode(), c.regionCode(), why, everyDays, Date.valueOf(first),
                        superior.agencyCode(), superior.region().value(), superior.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(superior.getUsername(), "campaign.case-supervised", "campaign_supervised_case", Long.toString(id),
                null, Map.of("case", caseId, "everyDays", everyDays));
        return supervised(id).orElseThrow();
    }

    /** The case's bureau reports progress; the next report falls due {@code everyDays} later. */
    @Transactional
    public Supervised reportProgress(long supervisedId, String progress, CurrentUser user) {
        Supervised s = supervised(supervisedId).orElseThrow(() -> new CampaignRefusedException(
                "没有这个督办案件 (no such supervised case): " + supervisedId));
        if (!s.caseAgency().equals(user.agencyCode()) || !s.caseRegion().equals(user.region().value())) {
            throw new CampaignRefusedException("只有承办该案的单位可以报告督办进展 (only the handling bureau reports)");
        }
        String text = Fields.required(progress, "progress", "办理进展", 4000);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO campaign_supervised_report (supervised_id, progress, reported_by, reported_on, reported_at)
                VALUES (?, ?, ?, ?, ?)""").params(supervisedId, text, user.getUsername(), Date.valueOf(today),
                Timestamp.from(clock.instant())).update();
        jdbc.sql("UPDATE campaign_supervised_case SET next_report_on = ? WHERE id = ?")
                .params(Date.valueOf(today.plusDays(s.everyDays())), supervisedId).update();
        audit.record(user.getUsername(), "campaign.supervised-reported", "campaign_supervised_case",
                Long.toString(supervisedId), null, Map.of("on", today.toString()));
        return supervised(supervisedId).orElseThrow();
    }

    /** The groups the user's region is part of: formed at or above it, or below it. */
    public List<Group> groups(long campaignId, CurrentUser user) {
        return jdbc.sql(GROUP + " WHERE campaign_id = ? ORDER BY id").param(campaignId).query((rs, n) -> group(rs))
                .list().stream().filter(g -> new RegionCode(g.ownerRegion()).contains(user.region())
                        || user.region().contains(new RegionCode(g.ownerRegion()))).toList();
    }

    public List<Visit> visits(long groupId) {
        return jdbc.sql(VISIT + " WHERE group_id = ? ORDER BY visited_on, id").param(groupId)
                .query((rs, n) -> visit(rs)).list();
    }

    /** Supervised cases the user flagged (their region or below) or handles. */
    public List<Supervised> supervisedFor(long campaignId, CurrentUser user) {
        String prefix = user.region().subtreePrefix() + "%";
        return jdbc.sql(SUPERVISED + " WHERE campaign_id = ? AND ((case_agency = ? AND case_region LIKE ?)"
                        + " OR (flagged_agency = ? AND flagged_region LIKE ?)) ORDER BY next_report_on, id")
                .params(campaignId, user.agencyCode(), prefix, user.agencyCode(), prefix)
                .query((rs, n) -> supervised(rs)).list();
    }

    public List<Progress> progress(long supervisedId) {
        return jdbc.sql("SELECT progress, reported_by, reported_on FROM campaign_supervised_report"
                        + " WHERE supervised_id = ? ORDER BY id").param(supervisedId)
                .query((rs, n) -> new Progress(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate())).list();
    }

    private Optional<Group> group(long id, CurrentUser user) {
        return jdbc.sql(GROUP + " WHERE id = ?").param(id).query((rs, n) -> group(rs)).optional()
                .filter(g -> g.ownerAgency().equals(user.agencyCode()) && g.ownerRegion().equals(user.region().value()));
    }

    private Optional<Supervised> supervised(long id) {
        return jdbc.sql(SUPERVISED + " WHERE id = ?").param(id).query((rs, n) -> supervised(rs)).optional();
    }

    private static void requireCoordinator(CurrentUser user) {
        if (!user.hasRole(Role.CAMPAIGN_COORDINATOR) || user.agencyCode() == null) {
            throw new CampaignRefusedException("只有专项行动协调人可以组织督查 (only a campaign coordinator)");
        }
    }

    private static final String GROUP = """
            SELECT id, campaign_id, name, agencies, leader, owner_agency, owner_region FROM campaign_group""";
    private static final String VISIT = """
            SELECT id, group_id, region_code, visited_on, findings, rectify_by, rectified_on, rectification
            FROM campaign_visit""";
    private static final String SUPERVISED = """
            SELECT id, campaign_id, case_id, case_agency, case_region, reason, every_days, next_report_on, flagged_by
            FROM campaign_supervised_case""";

    private static Group group(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> agencies = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray(4).getArray()) {
            agencies.add((String) o);
        }
        return new Group(rs.getLong(1), rs.getLong(2), rs.getString(3), List.copyOf(agencies), rs.getString(5),
                rs.getString(6), rs.getString(7));
    }

    private static Visit visit(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date done = rs.getDate(7);
        return new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
                rs.getDate(6).toLocalDate(), done == null ? null : done.toLocalDate(), rs.getString(8));
    }

    private static Supervised supervised(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Supervised(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getDate(8).toLocalDate(), rs.getString(9));
    }
}
