package cn.wangjian.platform.credit;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.casework.CaseStage;
import cn.wangjian.platform.casework.ViolationTypes;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.publicity.Publications;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit repair (信用修复) of a serious-violation or brushing listing: the application is recorded with the
 * conditions checked from the records (名单管理办法, [R] in the reference: a year on the list, the penalty performed,
 * no further violation of the kind, not on the abnormal-operation list, a public credit commitment) and decided
 * within 15 working days; a granted repair removes the listing and pushes the removal.
 */
@Service
public class CreditRepairs {

    static final int DECIDE_WORKING_DAYS = 15;

    /** An application and the conditions as checked. */
    public record Repair(long id, Long entryId, Long publicationId, String applicant, String commitment, LocalDate appliedOn,
                         LocalDate dueOn, boolean dueProvisional, List<String> checks, String state, String decidedBy,
                         LocalDate decidedOn, String reason) {
        public boolean conditionsMet() {
            return checks.stream().allMatch(c -> c.startsWith("✓"));
        }
    }

    private final JdbcClient jdbc;
    private final CreditLists lists;
    private final CaseFiles cases;
    private final Publications publications;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;

    CreditRepairs(JdbcClient jdbc, CreditLists lists, CaseFiles cases, Publications publications,
                  WorkingDays workingDays, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.cases = cases;
        this.publications = publications;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    /** The conditions of early removal, each a line starting ✓ or ✗. */
    List<String> check(CreditLists.Entry e, String commitment) {
        LocalDate today = LocalDate.now(clock);
        List<String> out = new ArrayList<>();
        LocalDate oneYear = e.listedOn().plusYears(1);
        out.add((oneYear.isAfter(today) ? "✗" : "✓") + " 列入满一年（" + e.listedOn() + " 列入，" + oneYear + " 满一年）");
        Optional<CaseStage> stage = e.caseId() == null ? Optional.empty()
                : cases.find(e.caseId(), DataScope.everything()).map(CaseFiles.CaseView::stage);
        out.add(stage.filter(s -> s instanceof CaseStage.Closed).isPresent() ? "✓ 行政处罚已履行（案件已结案）"
                : "✗ 行政处罚尚未履行完毕或无法核实（案件未结案）");
        List<Publications.PenaltyRecord> records = publications.allRecordsOf(e.creditCode());
        String category = records.stream().filter(r -> r.decisionNo().equals(e.documentNo())).findFirst()
                .flatMap(r -> ViolationTypes.of(r.violationType())).map(ViolationTypes.Type::campaignCategory).orElse(null);
        long repeats = repeatsAfter(records, e.documentNo(), e.listedOn(), category);
        out.add((repeats == 0 ? "✓" : "✗") + " 列入后未再因同类违法行为受到行政处罚" + (repeats == 0 ? "" : "（" + repeats + " 起）"));
        boolean abnormal = lists.inForce(e.creditCode()).stream().anyMatch(x -> x.kind() == ListKind.ABNORMAL_OPERATION);
        out.add((abnormal ? "✗ 仍在经营异常名录中" : "✓ 未被列入经营异常名录"));
        out.add((commitment == null || commitment.isBlank() ? "✗ 未作出" : "✓ 已作出") + "公开信用承诺");
        return out;
    }

    /** Penalties of the subject decided after {@code since}, other than {@code decisionNo}, of the same category. */
    private static long repeatsAfter(List<Publications.PenaltyRecord> records, String decisionNo, LocalDate since,
                                     String category) {
        return records.stream()
                .filter(x -> !x.decisionNo().equals(decisionNo) && x.decidedOn().isAfter(since))
                .filter(x -> category == null || ViolationTypes.of(x.violationType())
                        .map(t -> t.campaignCategory().equals(category)).orElse(true)).count();
    }

    /** A grant needs every condition met; a refusal needs a reason. */
    private static void requireDecidable(List<String> checks, boolean grant, String reason) {
        if (grant && !checks.stream().allMatch(c -> c.startsWith("✓"))) {
            throw new CreditRefusedException("修复条件未全部满足：" + String.join("；", checks.stream()
                    .filter(c -> c.startsWith("✗")).toList()) + " (conditions not met)");
        }
        if (!grant && (reason == null || reason.isBlank())) {
            throw new CreditRefusedException("不予修复须写明理由 (a reason is required)");
        }
    }

    /** Records an application (made to the bureau that listed the subject) with its conditions checked. */
    @Transactional
    public Repair apply(long entryId, String applicant, String commitment, CurrentUser officer) {
        CreditLists.Entry e = lists.find(entryId).filter(x -> officer.dataScope().covers(x.agencyCode(), x.regionCode()))
                .orElseThrow(() -> new NoSuchElementException("没有这条名单记录 (no such entry): " + entryId));
        if (e.state() != ListState.LISTED || e.kind() == ListKind.ABNORMAL_OPERATION) {
            throw new CreditRefusedException("只有在列的严重违法失信名单、刷单炒信黑名单记录可以申请信用修复 (not repairable)");
        }
        if (applicant == null || applicant.isBlank()) {
            throw new CreditRefusedException("字段 applicant：请写明申请人 (applicant required)");
        }
        LocalDate today = LocalDate.now(clock);
        Deadline due = workingDays.deadline(today, DECIDE_WORKING_DAYS);
        List<String> checks = check(e, commitment);
        long id = jdbc.sql("""
                INSERT INTO credit_repair (entry_id, applicant, commitment, applied_on, due_on, due_provisional, checks,
                    state, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?) RETURNING id""")
                .params(entryId, applicant.strip(), commitment == null ? "" : commitment.strip(), today, due.date(),
                        due.provisional(), String.join("\n", checks), officer.getUsername()).query(Long.class).single();
        audit.record(officer.getUsername(), "credit.repair-applied", "credit-repair", Long.toString(id), null,
                Map.of("entry", entryId, "due", due.date().toString()));
        return find(id).orElseThrow();
    }

    /** Grants (the conditions checked again, all met) or refuses with a reason. */
    @Transactional
    public Repair decide(long id, boolean grant, String reason, CurrentUser officer) {
        Repair r = find(id).orElseThrow(() -> new NoSuchElementException("没有这条修复申请 (no such application): " + id));
        if (r.publicationId() != null) {
            return decidePublication(r, grant, reason, officer);
        }
        CreditLists.Entry e = lists.find(r.entryId()).filter(x -> officer.dataScope().covers(x.agencyCode(), x.regionCode()))
                .orElseThrow(() -> new NoSuchElementException("没有这条修复申请 (no such application): " + id));
        if (!r.state().equals("APPLIED")) {
            throw new CreditRefusedException("该申请已处理 (already decided)");
        }
        List<String> checks = check(e, r.commitment());
        requireDecidable(checks, grant, reason);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("UPDATE credit_repair SET state = ?, decided_by = ?, decided_on = ?, reason = ?, checks = ? WHERE id = ?")
                .params(grant ? "GRANTED" : "REFUSED", officer.getUsername(), today, reason, String.join("\n", checks), id)
                .update();
        if (grant) {
            lists.remove(e.id(), "信用修复：第 " + id + " 号申请准予提前移出" + (reason == null ? "" : "，" + reason),
                    officer.getUsername());
        }
        audit.record(officer.getUsername(), grant ? "credit.repair-granted" : "credit.repair-refused", "credit-repair",
                Long.toString(id), "APPLIED", grant ? "GRANTED" : "REFUSED");
        return find(id).orElseThrow();
    }

    /**
     * Early stop of a penalty's publication on application (公示规定 Art. 14): the penalty performed, the harm
     * removed (the case closed), no penalty of the same type since, not on the abnormal-operation or serious-violation
     * list, and not one of the excluded penalty kinds. The minimum period SAMR sets is not in the reference material;
     * the check says so and the deciding officer verifies it.
     */
    @Transactional
    public Repair applyForPublication(long publicationId, String applicant, String commitment, CurrentUser officer) {
        Publications.Publication p = publications.find(publicationId, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条公示 (no such publication): " + publicationId));
        if (applicant == null || applicant.isBlank()) {
            throw new CreditRefusedException("字段 applicant：请写明申请人 (applicant required)");
        }
        LocalDate today = LocalDate.now(clock);
        Deadline due = workingDays.deadline(today, DECIDE_WORKING_DAYS);
        List<String> checks = checkPublication(p, commitment);
        long id = jdbc.sql("""
                INSERT INTO credit_repair (publication_id, applicant, commitment, applied_on, due_on, due_provisional,
                    checks, state, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?) RETURNING id""")
                .params(publicationId, applicant.strip(), commitment == null ? "" : commitment.strip(), today, due.date(),
                        due.provisional(), String.join("\n", checks), officer.getUsername()).query(Long.class).single();
        audit.record(officer.getUsername(), "credit.early-stop-applied", "credit-repair", Long.toString(id), null,
                Map.of("publication", publicationId, "due", due.date().toString()));
        return find(id).orElseThrow();
    }

    List<String> checkPublication(Publications.Publication p, String commitment) {
        Publications.PenaltyRecord r = p.record();
        LocalDate today = LocalDate.now(clock);
        List<String> out = new ArrayList<>();
        boolean onView = p.state() == cn.wangjian.platform.publicity.PublicationState.PUBLISHED && p.displayUntil() != null
                && !p.displayUntil().isBefore(today);
        out.add((onView ? "✓ 正在公示（至 " + p.displayUntil() + "）" : "✗ 不在公示期内"));
        out.add((Publications.earlyStopAllowed(r) ? "✓ 不属于不得提前停止公示的处罚种类" : "✗ 属于不得提前停止公示的处罚种类（第十四条）"));
        Optional<CaseStage> stage = r.caseId() == null ? Optional.empty()
                : cases.find(r.caseId(), DataScope.everything()).map(CaseFiles.CaseView::stage);
        out.add(stage.filter(s -> s instanceof CaseStage.Closed).isPresent() ? "✓ 已履行行政处罚、消除危害后果（案件已结案）"
                : "✗ 行政处罚尚未履行完毕或无法核实");
        String category = ViolationTypes.of(r.violationType()).map(ViolationTypes.Type::campaignCategory).orElse(null);
        long repeats = r.creditCode() == null ? 0
                : repeatsAfter(publications.allRecordsOf(r.creditCode()), r.decisionNo(), r.decidedOn(), category);
        out.add((repeats == 0 ? "✓" : "✗") + " 此后未再受到同一类型的行政处罚");
        boolean listed = r.creditCode() != null && lists.inForce(r.creditCode()).stream()
                .anyMatch(x -> x.kind() != ListKind.BRUSHING_BLACKLIST);
        out.add((listed ? "✗ 在经营异常名录或严重违法失信名单中" : "✓ 未被列入经营异常名录或严重违法失信名单"));
        out.add("✓ 公示最短期限由总局规定，本平台尚未录入该期限，由审批人员核实（待核实）");
        out.add((commitment == null || commitment.isBlank() ? "✗ 未作出" : "✓ 已作出") + "公开信用承诺");
        return out;
    }

    private Repair decidePublication(Repair r, boolean grant, String reason, CurrentUser officer) {
        Publications.Publication p = publications.find(r.publicationId(), officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条修复申请 (no such application): " + r.id()));
        if (!r.state().equals("APPLIED")) {
            throw new CreditRefusedException("该申请已处理 (already decided)");
        }
        List<String> checks = checkPublication(p, r.commitment());
        requireDecidable(checks, grant, reason);
        jdbc.sql("UPDATE credit_repair SET state = ?, decided_by = ?, decided_on = ?, reason = ?, checks = ? WHERE id = ?")
                .params(grant ? "GRANTED" : "REFUSED", officer.getUsername(), LocalDate.now(clock), reason,
                        String.join("\n", checks), r.id()).update();
        if (grant) {
            publications.stopEarly(p.id(), "信用修复：第 " + r.id() + " 号申请准予提前停止公示", officer.getUsername());
        }
        return find(r.id()).orElseThrow();
    }

    public Optional<Repair> find(long id) {
        return jdbc.sql("SELECT * FROM credit_repair WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    public List<Repair> ofEntry(long entryId) {
        return jdbc.sql("SELECT * FROM credit_repair WHERE entry_id = ? ORDER BY id").param(entryId)
                .query((rs, n) -> map(rs)).list();
    }

    /** Open applications of the officer's scope, soonest due first. */
    public List<Repair> open(DataScope scope) {
        return jdbc.sql("SELECT r.* FROM credit_repair r LEFT JOIN credit_list_entry e ON e.id = r.entry_id"
                        + " WHERE r.state = 'APPLIED' AND (r.publication_id IS NOT NULL OR "
                        + scope.sqlCondition("e.agency_code", "e.region_code") + ") ORDER BY r.due_on")
                .params(scope.sqlParameters()).query((rs, n) -> map(rs)).list().stream()
                .filter(r -> r.publicationId() == null || publications.find(r.publicationId(), scope).isPresent()).toList();
    }

    private static Repair map(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date decided = rs.getDate("decided_on");
        long entry = rs.getLong("entry_id");
        Long entryId = rs.wasNull() ? null : entry;
        long publication = rs.getLong("publication_id");
        Long publicationId = rs.wasNull() ? null : publication;
        return new Repair(rs.getLong("id"), entryId, publicationId, rs.getString("applicant"), rs.getString("commitment"),
                rs.getDate("applied_on").toLocalDate(), rs.getDate("due_on").toLocalDate(),
                rs.getBoolean("due_provisional"), List.of(rs.getString("checks").split("\n")), rs.getString("state"),
                rs.getString("decided_by"), decided == null ? null : decided.toLocalDate(), rs.getString("reason"));
    }
}
