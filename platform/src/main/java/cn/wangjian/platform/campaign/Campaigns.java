package cn.wangjian.platform.campaign;

import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Directory;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns (专项行动): the plan's phases, key tasks and each agency's duty as data, and the tasks a campaign
 * coordinator assigns to an agency in a region, whose progress that agency's users report. A coordinator sees and
 * assigns the tasks of their region's subtree; an agency's user sees the tasks assigned to their agency there.
 */
@Service
public class Campaigns {

    static final int MAX_TITLE = 200;
    static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Directory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public record Campaign(long id, int year, String name, String documentNo, LocalDate issuedOn, LocalDate startsOn,
                           LocalDate endsOn, LocalDate reportDue, Long copiedFrom) {
    }

    public record Phase(int seq, String name, LocalDate startsOn, LocalDate endsOn, String summary) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    /** A key task with its lead agency and the agencies whose duties serve it. */
    public record Focus(int seq, String title, String summary, String leadAgency, List<String> assisting) {
    }

    public record Duty(String agencyCode, int seq, String summary, List<Integer> focus) {
    }

    /** A task assigned to an agency in a region. */
    public record Task(long id, long campaignId, Integer focusSeq, String title, String agencyCode, String regionCode,
                       String ownerName, LocalDate dueOn, int progress) {
        public boolean done() {
            return progress == 100;
        }
    }

    public record Progress(int progress, String note, String reportedBy, java.time.Instant reportedAt) {
    }

    /** What a new task says (from the coordinator's form or the API). */
    public record NewTask(Integer focusSeq, String title, String agencyCode, String regionCode, String ownerName,
                          LocalDate dueOn) {
    }

    public List<Campaign> list() {
        return jdbc.sql(CAMPAIGN + " ORDER BY year DESC, id DESC").query(Campaigns::campaign).list();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql(CAMPAIGN + " WHERE id = ?").param(id).query(Campaigns::campaign).optional();
    }

    public List<Phase> phases(long campaignId) {
        return jdbc.sql("SELECT seq, name, starts_on, ends_on, summary FROM campaign_phase WHERE campaign_id = ?"
                        + " ORDER BY seq").param(campaignId)
                .query((rs, n) -> new Phase(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate(), rs.getString(5))).list();
    }

    public List<Duty> duties(long campaignId) {
        return jdbc.sql("SELECT agency_code, seq, summary, focus FROM campaign_duty WHERE campaign_id = ? ORDER BY seq")
                .param(campaignId).query((rs, n) -> {
                    List<Integer> focus = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(4).getArray()) {
                        focus.add(((Number) o).intValue());
                    }
                    return new Duty(rs.getString(1), rs.getInt(2), rs.getString(3), List.copyOf(focus));
                }).list();
    }

    /** The key tasks; the agencies assisting on each are those whose duty serves it (the lead excepted). */
    public List<Focus> focuses(long campaignId) {
        List<Duty> duties = duties(campaignId);
        return jdbc.sql("SELECT seq, title, summary, lead_agency FROM campaign_focus WHERE campaign_id = ? ORDER BY seq")
                .param(campaignId).query((rs, n) -> {
                    int seq = rs.getInt(1);
                    String lead = rs.getString(4);
                    List<String> assisting = duties.stream().filter(d -> d.focus().contains(seq)
                            && !d.agencyCode().equals(lead)).map(Duty::agencyCode).toList();
                    return new Focus(seq, rs.getString(2), rs.getString(3), lead, assisting);
                }).list();
    }

    /** The tasks the user may see: a coordinator's region subtree, or their own agency's tasks there. */
    public List<Task> tasks(long campaignId, CurrentUser user) {
        Map<String, Object> p = visibility(user);
        p.put("campaign", campaignId);
        return jdbc.sql(TASK + " WHERE campaign_id = :campaign AND " + VISIBLE + " ORDER BY due_on, id").params(p)
                .query(Campaigns::task).list();
    }

    public Optional<Task> task(long id, CurrentUser user) {
        Map<String, Object> p = visibility(user);
        p.put("id", id);
        return jdbc.sql(TASK + " WHERE id = :id AND " + VISIBLE).params(p).query(Campaigns::task).optional();
    }

    public List<Progress> progress(long taskId) {
        return jdbc.sql("SELECT progress, note, reported_by, reported_at FROM campaign_task_progress WHERE task_id = ?"
                        + " ORDER BY id").param(taskId)
                .query((rs, n) -> new Progress(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** A coordinator assigns a task to an agency in a region of their subtree, due within the campaign. */
    @Transactional
    public Task assign(long campaignId, NewTask t, CurrentUser coordinator) {
        if (!coordinator.hasRole(Role.CAMPAIGN_COORDINATOR)) {
            throw new CampaignRefusedException("只有专项行动协调人可以分派任务 (only a campaign coordinator assigns tasks)");
        }
        Campaign c = find(campaignId).orElseThrow(() -> new CampaignRefusedException("没有这个专项行动 (no such campaign)"));
        String title = Fields.required(t.title(), "title", "任务", MAX_TITLE);
        if (t.agencyCode() == null || directory.agency(t.agencyCode()).isEmpty()) {
            throw new CampaignRefusedException("字段 agencyCode：没有这个部门 " + t.agencyCode() + " (no such agency)");
        }
        if (t.regionCode() == null || directory.region(t.regionCode()).isEmpty()) {
            throw new CampaignRefusedException("字段 regionCode：没有这个行政区划 " + t.regionCode() + " (no such region)");
        }
        if (!coordinator.region().contains(new RegionCode(t.regionCode()))) {
            throw new CampaignRefusedException("字段 regionCode：" + t.regionCode() + " 不在您的辖区内 (outside your region)");
        }
        String owner = Fields.required(t.ownerName(), "ownerName", "责任人", 100);
        if (t.dueOn() == null || t.dueOn().isBefore(c.startsOn()) || t.dueOn().isAfter(c.reportDue())) {
            throw new CampaignRefusedException("字段 dueOn：完成时限应在 " + c.startsOn() + " 至 " + c.reportDue()
                    + " 之间 (due within the campaign)");
        }
        if (t.focusSeq() != null && focuses(campaignId).stream().noneMatch(f -> f.seq() == t.focusSeq())) {
            throw new CampaignRefusedException("字段 focusSeq：没有这个工作重点 " + t.focusSeq() + " (no such key task)");
        }
        boolean exists = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM campaign_task WHERE campaign_id = ? AND agency_code = ? AND region_code = ?
                AND title = ?)""").params(campaignId, t.agencyCode(), t.regionCode(), title).query(Boolean.class)
                .single();
        if (exists) {
            throw new CampaignRefusedException("该部门在该地区已有同名任务 (the same task is already assigned)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign_task (campaign_id, focus_seq, title, agency_code, region_code, owner_name, due_on,
                                           created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(campaignId, t.focusSeq(), title, t.agencyCode(), t.regionCode(), owner, Date.valueOf(t.dueOn()),
                        coordinator.getUsername(), Timestamp.from(clock.instant())).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaign", campaignId);
        after.put("title", title);
        after.put("agency", t.agencyCode());
        after.put("region", t.regionCode());
        after.put("due", t.dueOn().toString());
        audit.record(coordinator.getUsername(), "campaign.task-assigned", "campaign_task", Long.toString(id), null, after);
        return task(id, coordinator).orElseThrow();
    }

    /** The assigned agency's user (in the task's region or above it) reports progress, with a note. */
    @Transactional
    public Task report(long taskId, int progress, String note, CurrentUser user) {
        Task t = task(taskId, user).orElseThrow(() -> new CampaignRefusedException("没有这个任务 (no such task): " + taskId));
        if (user.agencyCode() == null || !user.agencyCode().equals(t.agencyCode())) {
            throw new CampaignRefusedException("只有承担任务的部门可以报告进展 (only the assigned agency reports progress)");
        }
        if (progress < 0 || progress > 100) {
            throw new CampaignRefusedException("字段 progress：进度为 0 至 100 (progress from 0 to 100)");
        }
        String text = Fields.required(note, "note", "进展说明", MAX_NOTE);
        jdbc.sql("""
                INSERT INTO campaign_task_progress (task_id, progress, note, reported_by, agency_code, region_code,
                                                    reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(taskId, progress, text, user.getUsername(), user.agencyCode(), user.region().value(),
                        Timestamp.from(clock.instant())).update();
        jdbc.sql("UPDATE campaign_task SET progress = ? WHERE id = ?").params(progress, taskId).update();
        audit.record(user.getUsername(), "campaign.task-progress", "campaign_task", Long.toString(taskId),
                Map.of("progress", t.progress()), Map.of("progress", progress));
        return task(taskId, user).orElseThrow();
    }

    /**
     * A coordinator copies a campaign for another year: its phases, key tasks and duties, every date moved by the
     * years between (29 February becomes 28 February); tasks are assigned anew.
     */
    @Transactional
    public Campaign copy(long campaignId, int year, CurrentUser coordinator) {
        if (!coordinator.hasRole(Role.CAMPAIGN_COORDINATOR)) {
            throw new CampaignRefusedException("只有专项行动协调人可以复制专项行动 (only a campaign coordinator copies)");
        }
        Campaign c = find(campaignId).orElseThrow(() -> new CampaignRefusedException("没有这个专项行动 (no such campaign)"));
        if (year < 2000 || year > 2100 || year == c.year()) {
            throw new CampaignRefusedException("字段 year：请给出另一个年份（2000至2100）(another year is needed)");
        }
        int shift = year - c.year();
        String name = c.name().replace(Integer.toString(c.year()), Integer.toString(year));
        if (name.equals(c.name())) {
            name = year + "年" + c.name();
        }
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaign WHERE year = ? AND name = ?)")
                .params(year, name).query(Boolean.class).single();
        if (exists) {
            throw new CampaignRefusedException("已有 " + name + " (the campaign exists)");
        }
        long id = jdbc.sql("""
                INSERT INTO campaign (year, name, document_no, issued_on, starts_on, ends_on, report_due, copied_from,
                                      created_by, created_at)
                VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(year, name, Date.valueOf(c.startsOn().plusYears(shift)), Date.valueOf(c.endsOn().plusYears(shift)),
                        Date.valueOf(c.reportDue().plusYears(shift)), campaignId, coordinator.getUsername(),
                        Timestamp.from(clock.instant())).query(Long.class).single();
        for (Phase p : phases(campaignId)) {
            jdbc.sql("INSERT INTO campaign_phase (campaign_id, seq, name, starts_on, ends_on, summary) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, p.seq(), p.name(), Date.valueOf(p.startsOn().plusYears(shift)),
                            Date.valueOf(p.endsOn().plusYears(shift)), p.summary()).update();
        }
        jdbc.sql("""
                INSERT INTO campaign_focus (campaign_id, seq, title, summary, lead_agency)
                SELECT ?, seq, title, summary, lead_agency FROM campaign_focus WHERE campaign_id = ?""")
                .params(id, campaignId).update();
        jdbc.sql("""
                INSERT INTO campaign_duty (campaign_id, agency_code, seq, summary, focus)
                SELECT ?, agency_code, seq, summary, focus FROM campaign_duty WHERE campaign_id = ?""")
                .params(id, campaignId).update();
        audit.record(coordinator.getUsername(), "campaign.copied", "campaign", Long.toString(id), null,
                Map.of("from", campaignId, "year", year));
        return find(id).orElseThrow();
    }

    private static final String CAMPAIGN = """
            SELECT id, year, name, document_no, issued_on, starts_on, ends_on, report_due, copied_from FROM campaign""";
    private static final String TASK = """
            SELECT id, campaign_id, focus_seq, title, agency_code, region_code, owner_name, due_on, progress
            FROM campaign_task""";
    /** A coordinator: the region subtree; anyone else: their agency's tasks within it; an administrator: all. */
    private static final String VISIBLE = """
            (:all OR (region_code LIKE :region AND (:coordinator OR agency_code = :agency)))""";

    private static Map<String, Object> visibility(CurrentUser user) {
        Map<String, Object> p = new HashMap<>();
        p.put("all", user.hasRole(Role.ADMIN));
        p.put("coordinator", user.hasRole(Role.CAMPAIGN_COORDINATOR));
        p.put("agency", user.agencyCode());
        p.put("region", user.region().subtreePrefix() + "%");
        return p;
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        Number copied = (Number) rs.getObject(9);
        return new Campaign(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(),
                rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), copied == null ? null : copied.longValue());
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        Number focus = (Number) rs.getObject(3);
        return new Task(rs.getLong(1), rs.getLong(2), focus == null ? null : focus.intValue(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getInt(9));
    }
}
