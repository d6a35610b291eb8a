package cn.wangjian.platform.casework;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.platform.calendar.CalendarYearStored;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.Directory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint investigation (案件协查): a case asks another agency or region for assistance within a number of working days;
 * the receiving bureau sees the request (not the case) and answers or declines it with a reason.
 */
@Service
public class Assistance {

    /** A request as listed. */
    public record Request(long id, long caseId, String caseNo, String fromAgency, String fromRegion, String toAgency,
                          String toRegion, String request, LocalDate dueOn, boolean dueProvisional, String sentBy,
                          Instant sentAt, String status, String answeredBy, Instant answeredAt, String response) {
        /** The due date as people read it, marked 暂定 when counted through a year without holiday data. */
        public String dueLabel() {
            return dueOn + (dueProvisional ? "（暂定）" : "");
        }

        public boolean overdue(LocalDate today) {
            return status.equals("SENT") && dueOn.isBefore(today);
        }

        public String statusLabel() {
            return switch (status) {
                case "ANSWERED" -> "已回复";
                case "DECLINED" -> "已拒绝";
                default -> "待回复";
            };
        }
    }

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final Directory directory;
    private final AuditLog audit;
    private final WorkingDays workingDays;
    private final java.time.Clock clock;

    Assistance(JdbcClient jdbc, CaseFiles cases, Directory directory, AuditLog audit, WorkingDays workingDays,
               java.time.Clock clock) {
        this.clock = clock;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.cases = cases;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public Request ask(long caseId, String toAgency, String toRegion, String request, int workingDays,
                       CurrentUser officer) {
        CaseFiles.CaseView c = cases.find(caseId, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这个案件 (no such case): " + caseId));
        if (!(c.stage() instanceof CaseStage.Filed f)) {
            throw new CaseRuleException("立案后才能发起协查 (assistance is asked for filed cases)");
        }
        // in the case's name: its own officers (or its bureau's head), not a superior reading it
        if (!CaseFiles.sameBureau(c, officer) || !(f.filing().hasOfficer(officer.getUsername())
                || officer.hasRole(cn.wangjian.platform.identity.Role.BUREAU_HEAD))) {
            throw new CaseRuleException("只有本案的办案人员或本局负责人可以发起协查 (the case's own officers only)");
        }
        if (directory.agency(toAgency).isEmpty()) {
            throw new CaseRuleException("字段 toAgency：未知部门代码 " + toAgency + " (unknown agency)");
        }
        if (directory.region(toRegion).isEmpty()) {
            throw new CaseRuleException("字段 toRegion：未知行政区划代码 " + toRegion + " (unknown region)");
        }
        if (request == null || request.isBlank()) {
            throw new CaseRuleException("字段 request：请写明协查事项 (the request is required)");
        }
        if (workingDays < 1 || workingDays > 60) {
            throw new CaseRuleException("字段 workingDays：协查期限应为 1 到 60 个工作日 (1–60 working days)");
        }
        Deadline due = this.workingDays.deadline(cases.today(), workingDays);
        long id = jdbc.sql("""
                INSERT INTO assistance_request (case_id, from_agency, from_region, to_agency, to_region, request, due_on,
                    due_provisional, working_days, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, officer.agencyCode(), officer.region().value(), toAgency, toRegion, request.strip(),
                        due.date(), due.provisional(), workingDays, officer.getUsername(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit.record(officer.getUsername(), "case.assistance-requested", "case", Long.toString(caseId), null,
                Map.of("to", toAgency + "/" + toRegion, "due", due.date().toString(), "provisional", due.provisional()));
        return find(id).orElseThrow();
    }

    public List<Request> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE a.case_id = ? ORDER BY a.id").param(caseId).query((rs, n) -> map(rs)).list();
    }

    /** Requests addressed to the user's agency within the user's region subtree. */
    public List<Request> incoming(CurrentUser user) {
        DataScope scope = user.dataScope();
        return jdbc.sql(SELECT + " WHERE " + scope.sqlCondition("a.to_agency", "a.to_region")
                        + " ORDER BY a.status = 'SENT' DESC, a.due_on, a.id LIMIT 200")
                .params(scope.sqlParameters()).query((rs, n) -> map(rs)).list();
    }

    @Transactional
    public Request answer(long id, boolean decline, String response, CurrentUser user) {
        Request r = find(id).filter(x -> user.dataScope().covers(x.toAgency(), x.toRegion()))
                .orElseThrow(() -> new NoSuchElementException("没有这条协查请求 (no such request): " + id));
        if (!r.status().equals("SENT")) {
            throw new CaseRuleException("该协查请求已" + r.statusLabel() + " (already answered)");
        }
        if (response == null || response.isBlank()) {
            throw new CaseRuleException("字段 response：请写明协查结果或拒绝理由 (a response is required)");
        }
        jdbc.sql("UPDATE assistance_request SET status = ?, answered_by = ?, answered_at = ?, response = ? WHERE id = ?")
                .params(decline ? "DECLINED" : "ANSWERED", user.getUsername(), Timestamp.from(clock.instant()),
                        response.strip(), id).update();
        audit.record(user.getUsername(), decline ? "case.assistance-declined" : "case.assistance-answered", "case",
                Long.toString(r.caseId()), null, Map.of("request", id));
        return find(id).orElseThrow();
    }

    /** A year's holidays were stored: provisional reply deadlines are counted again from the day each was sent. */
    @EventListener
    void recountProvisional(CalendarYearStored stored) {
        record Open(long id, LocalDate sentOn, int workingDays) {
        }
        List<Open> open = jdbc.sql("""
                SELECT id, sent_at, working_days FROM assistance_request WHERE due_provisional AND working_days IS NOT NULL""")
                .query((rs, n) -> new Open(rs.getLong("id"),
                        LocalDate.ofInstant(rs.getTimestamp("sent_at").toInstant(), CaseFiles.CHINA),
                        rs.getInt("working_days"))).list();
        for (Open o : open) {
            Deadline due = stored.calendar().deadline(o.sentOn(), o.workingDays());
            jdbc.sql("UPDATE assistance_request SET due_on = ?, due_provisional = ? WHERE id = ?")
                    .params(due.date(), due.provisional(), o.id()).update();
        }
    }

    private static final String SELECT = """
            SELECT a.*, c.case_no FROM assistance_request a JOIN case_file c ON c.id = a.case_id""";

    private Optional<Request> find(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    private static Request map(ResultSet rs) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Request(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_no"), rs.getString("from_agency"),
                rs.getString("from_region"), rs.getString("to_agency"), rs.getString("to_region"),
                rs.getString("request"), rs.getDate("due_on").toLocalDate(), rs.getBoolean("due_provisional"),
                rs.getString("sent_by"),
                rs.getTimestamp("sent_at").toInstant(), rs.getString("status"), rs.getString("answered_by"),
                answered == null ? null : answered.toInstant(), rs.getString("response"));
    }
}
