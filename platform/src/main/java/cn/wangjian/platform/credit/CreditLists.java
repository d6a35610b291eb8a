package cn.wangjian.platform.credit;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.casework.CaseStage;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The credit lists. A serious-violation or brushing-blacklist listing is proposed from a decided case by its bureau
 * and decided by a credit officer — for a serious-violation listing by a county or city bureau, one of the level
 * above (名单管理办法: approval of the superior authority) — then in force for 3 years and removed when that ends;
 * abnormal-operation listings arrive by import, idempotent by their document number. Every listing and removal
 * goes to the joint-punishment feed in the same transaction.
 */
@Service
public class CreditLists {

    /** An entry of a list. */
    public record Entry(long id, ListKind kind, String documentNo, String creditCode, String partyName, String reason,
                        String basis, Long caseId, String source, ListState state, String proposedBy,
                        LocalDate proposedOn, String decidedBy, LocalDate decidedOn, String decisionNote,
                        LocalDate listedOn, LocalDate expiresOn, LocalDate removedOn, String removalReason,
                        String agencyCode, String regionCode, int version) {
        public boolean inForce(LocalDate today) {
            return state == ListState.LISTED && (expiresOn == null || !expiresOn.isBefore(today));
        }
    }

    /** An abnormal-operation listing from another system, one line of an import. */
    public record Imported(String documentNo, String creditCode, String partyName, String reason, LocalDate listedOn) {
    }

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final JointPunishment joint;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CreditLists(JdbcClient jdbc, CaseFiles cases, JointPunishment joint, AuditLog audit, Clock clock,
                org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.cases = cases;
        this.joint = joint;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Proposes listing the party of a decided case on a serious-violation or brushing list. */
    @Transactional
    public Entry propose(long caseId, ListKind kind, String reason, CurrentUser officer) {
        if (kind == ListKind.ABNORMAL_OPERATION) {
            throw new CreditRefusedException("经营异常名录由登记机关列入，通过导入接收 (abnormal-operation listings are imported)");
        }
        CaseFiles.CaseView c = cases.find(caseId, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这个案件 (no such case): " + caseId));
        if (!(c.stage() instanceof CaseStage.WithDecision d) || c.stage() instanceof CaseStage.Revoked) {
            throw new CreditRefusedException("只有已作出且未被撤销的处罚决定可以提请列入名单 (a decided case is required)");
        }
        if (d.decision().party() == null || d.decision().party().creditCode() == null) {
            throw new CreditRefusedException("当事人没有统一社会信用代码，不能列入名单 (credit code required)");
        }
        if (kind == ListKind.BRUSHING_BLACKLIST && d.decision().sanction() != null
                && !List.of("ORDER_BRUSHING", "FAKE_REVIEWS").contains(d.decision().sanction().violationType())) {
            throw new CreditRefusedException("刷单炒信黑名单只列入刷单炒信、虚假评价案件的当事人 (not a brushing case)");
        }
        if (reason == null || reason.isBlank()) {
            throw new CreditRefusedException("字段 reason：请写明列入理由（情节严重、社会危害较大的事实）(reason required)");
        }
        if (jdbc.sql("SELECT count(*) FROM credit_list_entry WHERE list_kind = ? AND document_no = ?")
                .params(kind.name(), d.decision().decisionNo()).query(Long.class).single() > 0) {
            throw new CreditRefusedException("该决定已提请或列入" + kind.label() + " (already proposed)");
        }
        long id = jdbc.sql("""
                INSERT INTO credit_list_entry (list_kind, document_no, credit_code, party_name, reason, basis, case_id,
                    source, state, proposed_by, proposed_on, agency_code, region_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'CASE', 'PROPOSED', ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), d.decision().decisionNo(), d.decision().party().creditCode(),
                        d.decision().party().name(), reason.strip(), kind.basis(), caseId, officer.getUsername(), today(),
                        c.agencyCode(), c.regionCode()).query(Long.class).single();
        audit.record(officer.getUsername(), "credit.list-proposed", "credit-list-entry", Long.toString(id), null,
                Map.of("list", kind.name(), "decision", d.decision().decisionNo()));
        return find(id).orElseThrow();
    }

    /** Decides a proposal: listed for its period, or not. */
    @Transactional
    public Entry decide(long id, boolean approve, String note, CurrentUser officer) {
        Entry e = find(id).orElseThrow(() -> new NoSuchElementException("没有这条名单记录 (no such entry): " + id));
        if (!officer.hasRole(Role.CREDIT_OFFICER) && !officer.hasRole(Role.ADMIN)) {
            throw new CreditRefusedException("只有信用管理人员可以审批列入名单 (credit officers decide)");
        }
        RegionCode entryRegion = new RegionCode(e.regionCode());
        boolean superior = officer.region().contains(entryRegion) && !officer.region().equals(entryRegion);
        boolean province = entryRegion.level() == RegionCode.Level.PROVINCE || entryRegion.level() == RegionCode.Level.NATIONAL;
        if (!e.agencyCode().equals(officer.agencyCode()) && !officer.hasRole(Role.ADMIN)
                || !officer.region().contains(entryRegion)) {
            throw new NoSuchElementException("没有这条名单记录 (no such entry): " + id);
        }
        if (e.kind() == ListKind.SERIOUS_VIOLATION && !province && !superior) {
            throw new CreditRefusedException("县级、设区的市级部门列入严重违法失信名单须经上一级部门批准 (the level above decides)");
        }
        if (e.state() != ListState.PROPOSED) {
            throw new CreditRefusedException("该记录" + e.state().label() + "，不能再审批 (not proposed)");
        }
        LocalDate today = today();
        if (approve) {
            LocalDate expires = e.kind().years() == null ? null : today.plusYears(e.kind().years());
            jdbc.sql("""
                    UPDATE credit_list_entry SET state = 'LISTED', decided_by = ?, decided_on = ?, decision_note = ?,
                        listed_on = ?, expires_on = ?, version = version + 1 WHERE id = ?""")
                    .params(officer.getUsername(), today, note, today, expires, id).update();
            joint.record(find(id).orElseThrow(), "LISTED");
            listed(find(id).orElseThrow(), officer.getUsername());
        } else {
            if (note == null || note.isBlank()) {
                throw new CreditRefusedException("不予列入须写明理由 (a reason is required)");
            }
            jdbc.sql("""
                    UPDATE credit_list_entry SET state = 'REJECTED', decided_by = ?, decided_on = ?, decision_note = ?,
                        version = version + 1 WHERE id = ?""").params(officer.getUsername(), today, note, id).update();
        }
        audit.record(officer.getUsername(), approve ? "credit.listed" : "credit.list-rejected", "credit-list-entry",
                Long.toString(id), "PROPOSED", approve ? "LISTED" : "REJECTED");
        return find(id).orElseThrow();
    }

    /** Abnormal-operation listings from the registration authority's system: all or nothing, each bad line named. */
    @Transactional
    public int importAbnormal(List<Imported> rows, CurrentUser officer) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Imported r = rows.get(i);
            String line = "第 " + (i + 1) + " 条";
            if (r.documentNo() == null || r.documentNo().isBlank()) {
                problems.add(line + "：document_no 不能为空");
            }
            if (r.creditCode() == null || !UnifiedSocialCreditCode.isValid(r.creditCode())) {
                problems.add(line + "：credit_code " + r.creditCode() + " 校验位不符或格式错误");
            }
            if (r.partyName() == null || r.partyName().isBlank()) {
                problems.add(line + "：party_name 不能为空");
            }
            if (r.reason() == null || r.reason().isBlank()) {
                problems.add(line + "：reason 不能为空");
            }
            if (r.listedOn() == null) {
                problems.add(line + "：listed_on 应为日期 YYYY-MM-DD");
            }
        }
        if (!problems.isEmpty()) {
            throw new CreditRefusedException("导入未执行，以下记录有误 (nothing imported): " + String.join("；", problems));
        }
        int added = 0;
        for (Imported r : rows) {
            Optional<Long> id = jdbc.sql("""
                    INSERT INTO credit_list_entry (list_kind, document_no, credit_code, party_name, reason, basis, source,
                        state, decided_by, decided_on, listed_on, agency_code, region_code)
                    VALUES ('ABNORMAL_OPERATION', ?, ?, ?, ?, ?, 'IMPORT', 'LISTED', ?, ?, ?, ?, ?)
                    ON CONFLICT (list_kind, document_no) DO NOTHING RETURNING id""")
                    .params(r.documentNo().strip(), r.creditCode().strip(), r.partyName().strip(), r.reason().strip(),
                            ListKind.ABNORMAL_OPERATION.basis(), officer.getUsername(), today(), r.listedOn(),
                            officer.agencyCode(), officer.region().value()).query(Long.class).optional();
            if (id.isPresent()) {
                joint.record(find(id.get()).orElseThrow(), "LISTED");
                listed(find(id.get()).orElseThrow(), officer.getUsername());
                added++;
            }
        }
        audit.record(officer.getUsername(), "credit.abnormal-imported", "credit-list", "ABNORMAL_OPERATION", null,
                Map.of("rows", rows.size(), "added", added));
        return added;
    }

    /** Removes an entry (expiry, credit repair, or the registration authority's removal), pushing the change. */
    @Transactional
    public Entry remove(long id, String reason, String actor) {
        Entry e = find(id).orElseThrow(() -> new NoSuchElementException("没有这条名单记录 (no such entry): " + id));
        if (e.state() != ListState.LISTED) {
            throw new CreditRefusedException("该记录" + e.state().label() + "，不能移出 (not listed)");
        }
        jdbc.sql("""
                UPDATE credit_list_entry SET state = 'REMOVED', removed_on = ?, removal_reason = ?, version = version + 1
                WHERE id = ? AND state = 'LISTED'""").params(today(), reason, id).update();
        Entry removed = find(id).orElseThrow();
        joint.record(removed, "REMOVED");
        audit.record(actor, "credit.removed", "credit-list-entry", Long.toString(id), "LISTED", reason);
        return removed;
    }

    /** Entries whose period has ended are removed (checked hourly and on demand). */
    public void removeExpired() {
        for (Entry e : jdbc.sql("SELECT * FROM credit_list_entry WHERE state = 'LISTED' AND expires_on < ?")
                .param(today()).query((rs, n) -> map(rs)).list()) {
            remove(e.id(), "列入期限届满（" + e.expiresOn() + "）自动移出", "system");
        }
    }

    private void listed(Entry e, String actor) {
        boolean key = Measures.forList(e.kind()).stream().anyMatch(m -> m.action().equals("supervise"));
        events.publishEvent(new SubjectListed(e.creditCode(), e.kind(), key, e.agencyCode(), e.regionCode(), actor));
    }

    /**
     * The subjects a bureau supervises closely today: on a list in force whose measures include key supervision,
     * listed by that agency within that region's subtree.
     */
    public java.util.Set<String> underKeySupervision(String agencyCode, String regionCode) {
        LocalDate today = today();
        java.util.Set<ListKind> supervised = java.util.EnumSet.noneOf(ListKind.class);
        for (ListKind k : ListKind.values()) {
            if (Measures.forList(k).stream().anyMatch(m -> m.action().equals("supervise"))) {
                supervised.add(k);
            }
        }
        String prefix = new RegionCode(regionCode).subtreePrefix();
        return jdbc.sql("SELECT * FROM credit_list_entry WHERE state = 'LISTED' AND agency_code = ? AND region_code LIKE ?")
                .params(agencyCode, prefix + "%").query((rs, n) -> map(rs)).list().stream()
                .filter(e -> e.inForce(today) && supervised.contains(e.kind())).map(Entry::creditCode)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("SELECT * FROM credit_list_entry WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    /** Every entry about a subject (lists are published information; proposals only to the proposing scope). */
    public List<Entry> of(String creditCode, DataScope scope) {
        return jdbc.sql("SELECT * FROM credit_list_entry WHERE credit_code = :code AND (state IN ('LISTED', 'REMOVED') OR "
                        + scope.sqlCondition("agency_code", "region_code") + ") ORDER BY id DESC")
                .params(scope.sqlParameters()).param("code", creditCode).query((rs, n) -> map(rs)).list();
    }

    /** Proposals the officer may decide, and the officer's own bureau's. */
    public List<Entry> proposals(CurrentUser officer) {
        DataScope scope = officer.dataScope();
        return jdbc.sql("SELECT * FROM credit_list_entry WHERE state = 'PROPOSED' AND "
                        + scope.sqlCondition("agency_code", "region_code") + " ORDER BY id")
                .params(scope.sqlParameters()).query((rs, n) -> map(rs)).list();
    }

    /** Entries in force today on any list (for the public view and restrictions). */
    public List<Entry> inForce(String creditCode) {
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM credit_list_entry WHERE credit_code = ? AND state = 'LISTED' ORDER BY id")
                .param(creditCode).query((rs, n) -> map(rs)).list().stream().filter(e -> e.inForce(today)).toList();
    }

    static Entry map(ResultSet rs) throws SQLException {
        long caseNumber = rs.getLong("case_id");
        Long caseId = rs.wasNull() ? null : caseNumber;
        return new Entry(rs.getLong("id"), ListKind.valueOf(rs.getString("list_kind")), rs.getString("document_no"),
                rs.getString("credit_code"), rs.getString("party_name"), rs.getString("reason"), rs.getString("basis"),
                caseId, rs.getString("source"), ListState.valueOf(rs.getString("state")), rs.getString("proposed_by"),
                date(rs, "proposed_on"), rs.getString("decided_by"), date(rs, "decided_on"),
                rs.getString("decision_note"), date(rs, "listed_on"), date(rs, "expires_on"), date(rs, "removed_on"),
                rs.getString("removal_reason"), rs.getString("agency_code"), rs.getString("region_code"),
                rs.getInt("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
