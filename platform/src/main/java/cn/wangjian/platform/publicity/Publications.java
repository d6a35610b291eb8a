package cn.wangjian.platform.publicity;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.calendar.CalendarYearStored;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.casework.DecisionRevoked;
import cn.wangjian.platform.casework.PartyKind;
import cn.wangjian.platform.casework.PenaltyDecided;
import cn.wangjian.platform.casework.PenaltyKind;
import cn.wangjian.platform.casework.ViolationTypes;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publication of penalty decisions on both clocks. A decision under the ordinary procedure (not a warning alone)
 * becomes a record with two publications: Credit China (双公示) due in 7 working days, and gsxt due in 20 working
 * days when the party is registered in the deciding bureau's province, or else pushed to the registration province
 * within 10 and published there within 10 of receipt. The credit officer previews the redacted text and publishes;
 * a revoked decision is withdrawn at once (within the 3 working days of 公示规定 Art. 11) and unpublished ones are
 * cancelled. The public sees a record only while it is published and within its display period.
 */
@Service
public class Publications {

    /** A publication as the worklist and pages show it. */
    public record Publication(long id, long recordId, Channel channel, PublicationState state, LocalDate dueOn,
                              boolean dueProvisional, String dueRule, LocalDate pushedOn, String publicParty,
                              String publicFacts, String publicContent, LocalDate publishedOn, LocalDate displayUntil,
                              LocalDate withdrawnOn, String withdrawReason, String agencyCode, String regionCode,
                              int version, PenaltyRecord record) {
        public boolean overdue(LocalDate today) {
            return state.open() && dueOn.isBefore(today);
        }

        public String dueLabel() {
            return dueOn + (dueProvisional ? "（暂定）" : "");
        }
    }

    /** The decision as published and shared (the ID number is shared, never shown on a page). */
    public record PenaltyRecord(long id, String decisionNo, Long caseId, String source, PartyKind partyKind,
                                String partyName, String creditCode, String violationType, Set<PenaltyKind> kinds,
                                BigDecimal fineYuan, BigDecimal confiscatedYuan, String licence, String facts,
                                String content, String legalBasis, LocalDate decidedOn, String authorityName,
                                String agencyCode, String regionCode, String notPublished, LocalDate revokedOn,
                                String revokeReason) {
        public String violationLabel() {
            return ViolationTypes.of(violationType).map(ViolationTypes.Type::label).orElse(violationType);
        }

        public String kindLabels() {
            return kinds.stream().sorted().map(PenaltyKind::label).collect(Collectors.joining(";"));
        }
    }

    /** A line of the public query. */
    public record PublicEntry(String decisionNo, String party, String creditCode, String violation, String content,
                              String facts, String authority, LocalDate decidedOn, LocalDate publishedOn,
                              LocalDate displayUntil, Channel channel) {
    }

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final Clock clock;
    private final PublicationRules rules = PublicationRules.load();

    private final cn.wangjian.platform.identity.Directory directory;

    Publications(JdbcClient jdbc, WorkingDays workingDays, AuditLog audit, Clock clock,
                 cn.wangjian.platform.identity.Directory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    PublicationRules rules() {
        return rules;
    }

    /** A decision was made: its record, and the publications due on both clocks. */
    @EventListener
    void onDecided(PenaltyDecided d) {
        if (d.sanction() == null || d.party() == null) {
            return;                    // decided before decisions were recorded as data: nothing to publish from
        }
        String notPublished = d.sanction().warningOnly() ? "只处以警告，不予公示（市场监督管理行政处罚信息公示规定第二条）" : null;
        long recordId = jdbc.sql("""
                INSERT INTO penalty_record (decision_no, case_id, source, party_kind, party_name, credit_code, id_type,
                    id_number, violation_type, kinds, fine_yuan, confiscated_yuan, licence, facts, content, legal_basis,
                    decided_on, authority_name, agency_code, region_code, not_published, created_at)
                VALUES (?, ?, 'CASE', ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.decisionNo(), d.caseId(), d.party().kind().name(), d.party().name(), d.party().creditCode(),
                        d.party().idType(), d.party().idNumber(), d.sanction().violationType(),
                        "{" + d.sanction().kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")) + "}",
                        d.sanction().fineYuan(), d.sanction().confiscatedYuan(), d.sanction().licence(),
                        d.facts() == null ? "" : d.facts(), d.penaltyText(), d.legalBasisText(), d.decidedOn(),
                        d.authorityName(), d.agencyCode(), d.regionCode(), notPublished,
                        Timestamp.from(clock.instant())).query(Long.class).single();
        if (notPublished != null) {
            return;
        }
        Deadline creditChina = workingDays.deadline(d.decidedOn(), rules.creditChinaWorkingDays());
        insert(recordId, Channel.CREDIT_CHINA, creditChina, "决定之日起 " + rules.creditChinaWorkingDays()
                + " 个工作日内（双公示）", d.agencyCode(), d.regionCode(), d.actor());
        boolean sameProvince = d.party().creditCode() == null
                || d.party().creditCode().substring(2, 4).equals(d.regionCode().substring(0, 2));
        Deadline gsxt = workingDays.deadline(d.decidedOn(), sameProvince ? rules.sameProvinceWorkingDays()
                : rules.pushWorkingDays());
        insert(recordId, Channel.GSXT, gsxt, sameProvince
                ? "决定之日起 " + rules.sameProvinceWorkingDays() + " 个工作日内（" + rules.gsxtLaw() + rules.sameProvinceArticle() + "）"
                : "当事人登记地在外省：" + rules.pushWorkingDays() + " 个工作日内推送登记地，登记地收到后 "
                        + rules.afterReceiptWorkingDays() + " 个工作日内公示（" + rules.otherProvinceArticle() + "）",
                d.agencyCode(), d.regionCode(), d.actor());
    }

    private void insert(long recordId, Channel channel, Deadline due, String rule, String agency, String region,
                        String actor) {
        long id = jdbc.sql("""
                INSERT INTO publication (record_id, channel, state, due_on, due_provisional, due_rule, agency_code,
                    region_code) VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?) RETURNING id""")
                .params(recordId, channel.name(), due.date(), due.provisional(), rule, agency, region)
                .query(Long.class).single();
        event(id, actor, "due", "应于 " + due.date() + (due.provisional() ? "（暂定）" : "") + " 前公示：" + rule);
    }

    /** A decision was revoked or changed: published records are withdrawn now, unpublished ones cancelled. */
    @EventListener
    void onRevoked(DecisionRevoked r) {
        jdbc.sql("UPDATE penalty_record SET revoked_on = ?, revoke_reason = ? WHERE decision_no = ?")
                .params(r.revokedOn(), r.reason(), r.decisionNo()).update();
        for (Publication p : ofDecision(r.decisionNo())) {
            withdraw(p, r.revokedOn(), r.reason(), r.actor());
        }
    }

    private void withdraw(Publication p, LocalDate on, String reason, String actor) {
        if (p.state() == PublicationState.PUBLISHED) {
            boolean gone = p.displayUntil() != null && p.displayUntil().isBefore(today());
            jdbc.sql("""
                    UPDATE publication SET state = 'WITHDRAWN', withdrawn_on = ?, withdrawn_by = ?, withdraw_reason = ?,
                        version = version + 1 WHERE id = ?""").params(on, actor, reason, p.id()).update();
            event(p.id(), actor, "withdraw", (gone ? "公示期已于 " + p.displayUntil() + " 届满，仍登记撤回：" : "撤回公示：")
                    + reason + "（" + rules.withdrawWorkingDays() + " 个工作日内，截至 "
                    + workingDays.deadline(on, rules.withdrawWorkingDays()).date() + "）");
            audit.record(actor, "publicity.withdrawn", "publication", Long.toString(p.id()), "PUBLISHED", "WITHDRAWN");
        } else if (p.state().open()) {
            jdbc.sql("UPDATE publication SET state = 'CANCELLED', version = version + 1 WHERE id = ?").param(p.id()).update();
            event(p.id(), actor, "cancel", "决定已撤销或变更，不再公示：" + reason);
        }
    }

    /** The text the credit officer starts from: the automatic redaction of the decision's party, facts and penalty. */
    public Publication preview(long id, DataScope scope) {
        Publication p = find(id, scope).orElseThrow(() -> new NoSuchElementException("没有这条公示 (no such publication): " + id));
        PenaltyRecord r = p.record();
        String party = r.partyKind() == PartyKind.NATURAL_PERSON ? Redaction.personName(r.partyName()) : r.partyName();
        return new Publication(p.id(), p.recordId(), p.channel(), p.state(), p.dueOn(), p.dueProvisional(), p.dueRule(),
                p.pushedOn(), p.publicParty() != null ? p.publicParty() : party,
                p.publicFacts() != null ? p.publicFacts() : Redaction.text(r.facts()),
                p.publicContent() != null ? p.publicContent() : Redaction.text(r.content()), p.publishedOn(),
                p.displayUntil(), p.withdrawnOn(), p.withdrawReason(), p.agencyCode(), p.regionCode(), p.version(), r);
    }

    /** Pushes a gsxt publication to the party's registration province (公示规定 Art. 10). */
    @Transactional
    public Publication push(long id, CurrentUser officer) {
        Publication p = find(id, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条公示 (no such publication): " + id));
        if (p.channel() != Channel.GSXT || p.state() != PublicationState.PENDING || p.record().creditCode() == null
                || p.record().creditCode().substring(2, 4).equals(p.regionCode().substring(0, 2))) {
            throw new PublicationRefusedException("只有当事人登记地在外省、尚未推送的公示信息需要推送 (nothing to push)");
        }
        LocalDate today = today();
        Deadline due = workingDays.deadline(today, rules.afterReceiptWorkingDays());
        String province = p.record().creditCode().substring(2, 4) + "0000";
        jdbc.sql("""
                UPDATE publication SET state = 'PUSHED', pushed_on = ?, due_on = ?, due_provisional = ?, due_rule = ?,
                    region_code = ?, version = version + 1 WHERE id = ? AND version = ?""")
                .params(today, due.date(), due.provisional(), "登记地收到推送后 " + rules.afterReceiptWorkingDays()
                        + " 个工作日内公示（" + rules.gsxtLaw() + rules.otherProvinceArticle() + "）", province, id,
                        p.version()).update();
        event(id, officer.getUsername(), "push", "推送至登记地 " + province + "，应于 " + due.date() + " 前公示");
        audit.record(officer.getUsername(), "publicity.pushed", "publication", Long.toString(id), p.regionCode(), province);
        return find(id, DataScope.everything()).orElseThrow();
    }

    /**
     * Publishes with the text the credit officer approved: the party, facts and penalty as the decision has them,
     * with only asterisks in place of what is withheld, and no personal data left in.
     */
    @Transactional
    public Publication publish(long id, String party, String facts, String content, CurrentUser officer) {
        Publication p = find(id, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条公示 (no such publication): " + id));
        PenaltyRecord r = p.record();
        if (!p.state().open()) {
            throw new PublicationRefusedException("该公示信息" + p.state().label() + "，不能再公示 (not open)");
        }
        boolean otherProvince = p.channel() == Channel.GSXT && r.creditCode() != null
                && !r.creditCode().substring(2, 4).equals(r.regionCode().substring(0, 2));
        if (otherProvince && p.state() != PublicationState.PUSHED) {
            throw new PublicationRefusedException("当事人登记地在外省，须先推送登记地，由登记地公示 (push first)");
        }
        check("当事人", r.partyName(), party, r.creditCode());
        check("违法事实", r.facts(), facts, r.creditCode());
        check("处罚内容", r.content(), content, r.creditCode());
        LocalDate today = today();
        boolean criticismOnly = r.kinds().equals(Set.of(PenaltyKind.CRITICISM));
        BigDecimal threshold = r.creditCode() == null ? null
                : rules.lowFineThresholdYuan().get(r.creditCode().substring(2, 4) + "0000");
        boolean lowFine = threshold != null && r.kinds().equals(Set.of(PenaltyKind.FINE))
                && r.fineYuan().compareTo(threshold) < 0;
        LocalDate until = criticismOnly || lowFine ? today.plusMonths(rules.shortMonths()) : today.plusYears(rules.longYears());
        int n = jdbc.sql("""
                UPDATE publication SET state = 'PUBLISHED', public_party = ?, public_facts = ?, public_content = ?,
                    published_on = ?, published_by = ?, display_until = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(party, facts, content, today, officer.getUsername(), until, id, p.version()).update();
        if (n != 1) {
            throw new PublicationRefusedException("该公示信息已被他人处理，请刷新后重试 (changed meanwhile)");
        }
        event(id, officer.getUsername(), "publish", "已公示于" + p.channel().label() + "，公示至 " + until
                + (today.isAfter(p.dueOn()) ? "；逾期 " + workingDays.calendar().workingDaysBetween(p.dueOn(), today)
                + " 个工作日" : ""));
        audit.record(officer.getUsername(), "publicity.published", "publication", Long.toString(id), p.state().name(),
                Map.of("channel", p.channel().name(), "decision", r.decisionNo(), "until", until.toString()));
        return find(id, DataScope.everything()).orElseThrow();
    }

    /** Corrects the published text (公示规定 Art. 12): checked like a publication, the reason kept in the record. */
    @Transactional
    public Publication correct(long id, String party, String facts, String content, String reason, CurrentUser officer) {
        Publication p = find(id, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条公示 (no such publication): " + id));
        if (p.state() != PublicationState.PUBLISHED) {
            throw new PublicationRefusedException("只有已公示的信息可以更正 (not published)");
        }
        if (reason == null || reason.isBlank()) {
            throw new PublicationRefusedException("更正须写明理由 (a reason is required)");
        }
        PenaltyRecord r = p.record();
        check("当事人", r.partyName(), party, r.creditCode());
        check("违法事实", r.facts(), facts, r.creditCode());
        check("处罚内容", r.content(), content, r.creditCode());
        jdbc.sql("""
                UPDATE publication SET public_party = ?, public_facts = ?, public_content = ?, version = version + 1
                WHERE id = ? AND version = ?""").params(party, facts, content, id, p.version()).update();
        event(id, officer.getUsername(), "correct", "更正公示内容：" + reason.strip());
        audit.record(officer.getUsername(), "publicity.corrected", "publication", Long.toString(id), null, reason.strip());
        return find(id, DataScope.everything()).orElseThrow();
    }

    /**
     * Ends a publication early after a granted credit repair (公示规定 Art. 14): it leaves the public view today;
     * the kinds Art. 14 excludes are refused.
     */
    @Transactional
    public Publication stopEarly(long id, String reason, String actor) {
        Publication p = find(id, DataScope.everything())
                .orElseThrow(() -> new NoSuchElementException("没有这条公示 (no such publication): " + id));
        if (p.state() != PublicationState.PUBLISHED || p.displayUntil() == null || p.displayUntil().isBefore(today())) {
            throw new PublicationRefusedException("该信息不在公示期内，无需提前停止 (not on public view)");
        }
        if (!earlyStopAllowed(p.record())) {
            throw new PublicationRefusedException("责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件等处罚"
                    + "不适用提前停止公示（公示规定第十四条）(excluded kind)");
        }
        jdbc.sql("UPDATE publication SET display_until = ?, version = version + 1 WHERE id = ?")
                .params(today().minusDays(1), id).update();
        event(id, actor, "stop-early", "提前停止公示：" + reason);
        audit.record(actor, "publicity.stopped-early", "publication", Long.toString(id), p.displayUntil().toString(), reason);
        return find(id, DataScope.everything()).orElseThrow();
    }

    /** Art. 14's excluded penalties. */
    public static boolean earlyStopAllowed(PenaltyRecord r) {
        return r.kinds().stream().noneMatch(k -> Set.of(PenaltyKind.SUSPEND_BUSINESS, PenaltyKind.LIMIT_BUSINESS,
                PenaltyKind.LIMIT_PRACTICE, PenaltyKind.LOWER_QUALIFICATION, PenaltyKind.REVOKE_LICENCE,
                PenaltyKind.CLOSE).contains(k));
    }

    private static void check(String field, String original, String published, String creditCode) {
        if (published == null || published.isBlank()) {
            throw new PublicationRefusedException("公示的“" + field + "”不能为空 (required)");
        }
        if (!Redaction.onlyMasks(original, published)) {
            throw new PublicationRefusedException("公示的“" + field + "”须与决定书一致，只能以 * 遮盖个人信息或商业秘密，"
                    + "不能增删改写（公示规定第七条）(only masking allowed)");
        }
        String rest = creditCode == null ? published : published.replace(creditCode, "");
        if (Redaction.leavesPersonalData(rest)) {
            throw new PublicationRefusedException("公示的“" + field + "”中仍有身份证号、电话、银行卡号或电子邮箱，请遮盖后再公示"
                    + " (personal data left in)");
        }
    }

    /** Open publications of the officer's scope, soonest due first. */
    public List<Publication> worklist(DataScope scope, int limit) {
        return jdbc.sql(SELECT + " WHERE p.state IN ('PENDING', 'PUSHED') AND "
                        + scope.sqlCondition("p.agency_code", "p.region_code") + " ORDER BY p.due_on, p.id LIMIT :limit")
                .params(scope.sqlParameters()).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    /** Everything of the scope, newest first. */
    public List<Publication> list(DataScope scope, int limit) {
        return jdbc.sql(SELECT + " WHERE " + scope.sqlCondition("p.agency_code", "p.region_code")
                        + " ORDER BY p.id DESC LIMIT :limit")
                .params(scope.sqlParameters()).param("limit", limit).query((rs, n) -> map(rs)).list();
    }

    /** The day by which something due is "due soon": two working days from today. */
    public LocalDate soon() {
        return workingDays.deadline(today(), 2).date();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<Publication> find(long id, DataScope scope) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + scope.sqlCondition("p.agency_code", "p.region_code"))
                .params(scope.sqlParameters()).param("id", id).query((rs, n) -> map(rs)).optional();
    }

    List<Publication> ofDecision(String decisionNo) {
        return jdbc.sql(SELECT + " WHERE r.decision_no = ? ORDER BY p.id").param(decisionNo)
                .query((rs, n) -> map(rs)).list();
    }

    /** The records of a subject (by credit code) the reader may see: its own agency's and region's. */
    public List<PenaltyRecord> recordsOf(String creditCode, DataScope scope) {
        return jdbc.sql("SELECT * FROM penalty_record WHERE credit_code = :code AND "
                        + scope.sqlCondition("agency_code", "region_code") + " ORDER BY decided_on DESC")
                .params(scope.sqlParameters()).param("code", creditCode).query((rs, n) -> record(rs)).list();
    }

    public record Event(java.time.Instant at, String actor, String action, String note) {
    }

    public List<Event> events(long publicationId) {
        return jdbc.sql("SELECT * FROM publication_event WHERE publication_id = ? ORDER BY id").param(publicationId)
                .query((rs, n) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("note"))).list();
    }

    /**
     * The public query: published records still within their display period, by credit code (exact) or party name
     * (part of it, at least two characters); only the published text, never the ID number or the unredacted facts.
     */
    public List<PublicEntry> publicSearch(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.length() < 2) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT r.decision_no, p.public_party, r.credit_code, r.party_kind, r.violation_type, p.public_content,
                       p.public_facts, r.authority_name, r.decided_on, p.published_on, p.display_until, p.channel
                FROM publication p JOIN penalty_record r ON r.id = p.record_id
                WHERE p.state = 'PUBLISHED' AND p.display_until >= :today
                  AND (r.credit_code = upper(:q) OR p.public_party LIKE '%' || :q || '%')
                ORDER BY r.decided_on DESC, p.channel LIMIT :limit""")
                .param("today", today()).param("q", q).param("limit", limit)
                .query((rs, n) -> new PublicEntry(rs.getString("decision_no"), rs.getString("public_party"),
                        PartyKind.valueOf(rs.getString("party_kind")) == PartyKind.NATURAL_PERSON ? null
                                : rs.getString("credit_code"),
                        ViolationTypes.of(rs.getString("violation_type")).map(ViolationTypes.Type::label).orElse(""),
                        rs.getString("public_content"), rs.getString("public_facts"), rs.getString("authority_name"),
                        rs.getDate("decided_on").toLocalDate(), rs.getDate("published_on").toLocalDate(),
                        rs.getDate("display_until").toLocalDate(), Channel.valueOf(rs.getString("channel")))).list();
    }

    /** The published text (still within its display period) of these cases' decisions, newest first. */
    public List<PublicEntry> publishedOfCases(java.util.Collection<Long> caseIds, int limit) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT r.decision_no, p.public_party, r.credit_code, r.party_kind, r.violation_type, p.public_content,
                       p.public_facts, r.authority_name, r.decided_on, p.published_on, p.display_until, p.channel
                FROM publication p JOIN penalty_record r ON r.id = p.record_id
                WHERE p.state = 'PUBLISHED' AND p.display_until >= :today AND r.case_id = ANY (:cases)
                  AND p.channel = (SELECT min(p2.channel) FROM publication p2 WHERE p2.record_id = p.record_id
                                   AND p2.state = 'PUBLISHED')
                ORDER BY r.decided_on DESC LIMIT :limit""")
                .param("today", today()).param("cases", caseIds.toArray(Long[]::new)).param("limit", limit)
                .query((rs, n) -> new PublicEntry(rs.getString("decision_no"), rs.getString("public_party"),
                        PartyKind.valueOf(rs.getString("party_kind")) == PartyKind.NATURAL_PERSON ? null
                                : rs.getString("credit_code"),
                        ViolationTypes.of(rs.getString("violation_type")).map(ViolationTypes.Type::label).orElse(""),
                        rs.getString("public_content"), rs.getString("public_facts"), rs.getString("authority_name"),
                        rs.getDate("decided_on").toLocalDate(), rs.getDate("published_on").toLocalDate(),
                        rs.getDate("display_until").toLocalDate(), Channel.valueOf(rs.getString("channel")))).list();
    }

    /**
     * Penalty records of another agency, in the 双公示 exchange fields (CF_WSH decision number, CF_XDR_MC party,
     * CF_XDR_LB party kind, CF_XDR_SHXYM credit code, CF_WFXW violation, CF_SY facts, CF_YJ basis, CF_CFLB kinds
     * separated by ";", CF_NR content, CF_NR_FK fine in 万元, CF_NR_WFFF confiscation in 万元, CF_JDRQ decision date,
     * CF_CFJG authority): all or nothing with every bad record named; a decision number already held is skipped,
     * never doubled. The records join the subjects' credit files; they are published by their own agencies.
     */
    @Transactional
    public int importRecords(List<Map<String, String>> rows, CurrentUser uploader) {
        return importRecords(rows, uploader.agencyCode(), uploader.region().value(), uploader.getUsername());
    }

    /** The same, for an agency and region named directly (the first-start demo records). */
    @Transactional
    public int importRecords(List<Map<String, String>> rows, String agency, String region, String actor) {
        List<String> problems = new java.util.ArrayList<>();
        List<ImportRow> ok = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i);
            String at = "第 " + (i + 1) + " 条";
            int before = problems.size();
            for (String f : List.of("CF_WSH", "CF_XDR_MC", "CF_XDR_LB", "CF_WFXW", "CF_SY", "CF_YJ", "CF_CFLB", "CF_NR",
                    "CF_JDRQ", "CF_CFJG")) {
                if (r.get(f) == null || r.get(f).isBlank()) {
                    problems.add(at + "：" + f + " 不能为空");
                }
            }
            PartyKind kind = java.util.Arrays.stream(PartyKind.values())
                    .filter(k -> k.label().equals(r.get("CF_XDR_LB")) || k.name().equals(r.get("CF_XDR_LB"))).findFirst()
                    .orElse(null);
            if (r.get("CF_XDR_LB") != null && kind == null) {
                problems.add(at + "：CF_XDR_LB “" + r.get("CF_XDR_LB") + "” 应为 法人及非法人组织、自然人 或 个体工商户");
            }
            String code = r.get("CF_XDR_SHXYM") == null || r.get("CF_XDR_SHXYM").isBlank() ? null : r.get("CF_XDR_SHXYM").strip();
            if (code != null && !cn.wangjian.engine.registry.UnifiedSocialCreditCode.isValid(code)) {
                problems.add(at + "：CF_XDR_SHXYM " + code + " 校验位不符或格式错误");
            }
            if (kind == PartyKind.ORGANISATION && code == null) {
                problems.add(at + "：法人及非法人组织须有 CF_XDR_SHXYM");
            }
            java.util.EnumSet<PenaltyKind> kinds = java.util.EnumSet.noneOf(PenaltyKind.class);
            for (String k : r.getOrDefault("CF_CFLB", "").split("[;；]")) {
                if (k.isBlank()) {
                    continue;
                }
                java.util.Arrays.stream(PenaltyKind.values()).filter(x -> x.label().equals(k.strip())).findFirst()
                        .ifPresentOrElse(kinds::add, () -> problems.add(at + "：CF_CFLB 中的“" + k.strip() + "”不是处罚类别"));
            }
            BigDecimal fine = wan(r.get("CF_NR_FK"), at + "：CF_NR_FK", problems);
            BigDecimal confiscated = wan(r.get("CF_NR_WFFF"), at + "：CF_NR_WFFF", problems);
            LocalDate decided = null;
            try {
                decided = r.get("CF_JDRQ") == null ? null : LocalDate.parse(r.get("CF_JDRQ").strip().replace('/', '-'));
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(at + "：CF_JDRQ “" + r.get("CF_JDRQ") + "” 应为日期 YYYY-MM-DD 或 YYYY/MM/DD");
            }
            if (problems.size() == before) {
                ok.add(new ImportRow(r.get("CF_WSH").strip(), kind, r.get("CF_XDR_MC").strip(), code,
                        r.get("CF_WFXW").strip(), kinds, fine, confiscated, r.get("CF_SY").strip(), r.get("CF_NR").strip(),
                        r.get("CF_YJ").strip(), decided, r.get("CF_CFJG").strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PublicationRefusedException("导入未执行，以下记录有误 (nothing imported): " + String.join("；", problems));
        }
        int added = 0;
        for (ImportRow v : ok) {
            added += jdbc.sql("""
                    INSERT INTO penalty_record (decision_no, source, party_kind, party_name, credit_code, violation_type,
                        kinds, fine_yuan, confiscated_yuan, facts, content, legal_basis, decided_on, authority_name,
                        agency_code, region_code, not_published, created_at)
                    VALUES (?, 'IMPORT', ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, '由作出决定的部门公示', ?)
                    ON CONFLICT (decision_no) DO NOTHING""")
                    .params(v.decisionNo(), v.kind().name(), v.party(), v.creditCode(), v.violation(),
                            "{" + v.kinds().stream().map(Enum::name).collect(Collectors.joining(",")) + "}", v.fineYuan(),
                            v.confiscatedYuan(), v.facts(), v.content(), v.basis(), v.decidedOn(), v.authority(),
                            agency, region, Timestamp.from(clock.instant())).update();
        }
        // the record names the importing bureau as people read it (北京市 网信); its codes are in the details
        audit.record(actor, "publicity.records-imported", "penalty-record",
                directory.bureauName(agency, new cn.wangjian.platform.identity.RegionCode(region)), null,
                Map.of("rows", rows.size(), "added", added, "agency", agency, "region", region));
        return added;
    }

    private record ImportRow(String decisionNo, PartyKind kind, String party, String creditCode, String violation,
                             Set<PenaltyKind> kinds, BigDecimal fineYuan, BigDecimal confiscatedYuan, String facts,
                             String content, String basis, LocalDate decidedOn, String authority) {
    }

    private static BigDecimal wan(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal w = new BigDecimal(value.strip());
            if (w.signum() < 0) {
                problems.add(field + " 不能为负");
                return null;
            }
            return w.multiply(BigDecimal.valueOf(10_000)).setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(field + " “" + value + "” 不是以万元为单位的金额");
            return null;
        }
    }

    /** Every penalty record about a subject, of any agency, for officials (published or not). */
    public List<PenaltyRecord> allRecordsOf(String creditCode) {
        return jdbc.sql("SELECT * FROM penalty_record WHERE credit_code = ? ORDER BY decided_on DESC").param(creditCode)
                .query((rs, n) -> record(rs)).list();
    }

    /** The publications of one record (for the credit file). */
    public List<Publication> ofRecord(long recordId) {
        return jdbc.sql(SELECT + " WHERE p.record_id = ? ORDER BY p.id").param(recordId).query((rs, n) -> map(rs)).list();
    }

    /** A year's holidays were stored: provisional due dates of open publications are counted again. */
    @EventListener
    void recountProvisional(CalendarYearStored stored) {
        for (Publication p : jdbc.sql(SELECT + " WHERE p.due_provisional AND p.state IN ('PENDING', 'PUSHED')")
                .query((rs, n) -> map(rs)).list()) {
            LocalDate from = p.state() == PublicationState.PUSHED ? p.pushedOn() : p.record().decidedOn();
            int days = p.state() == PublicationState.PUSHED ? rules.afterReceiptWorkingDays()
                    : p.channel() == Channel.CREDIT_CHINA ? rules.creditChinaWorkingDays()
                    : p.dueRule().startsWith("当事人登记地在外省") ? rules.pushWorkingDays() : rules.sameProvinceWorkingDays();
            Deadline due = stored.calendar().deadline(from, days);
            jdbc.sql("UPDATE publication SET due_on = ?, due_provisional = ? WHERE id = ?")
                    .params(due.date(), due.provisional(), p.id()).update();
            if (!due.date().equals(p.dueOn()) || !due.provisional()) {
                event(p.id(), stored.actor(), "recount-deadline", stored.label() + "已录入：公示期限由 " + p.dueLabel()
                        + " 重算为 " + due.date() + (due.provisional() ? "（暂定）" : ""));
            }
        }
    }

    private void event(long publicationId, String actor, String action, String note) {
        jdbc.sql("INSERT INTO publication_event (publication_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?)")
                .params(publicationId, Timestamp.from(clock.instant()), actor, action, note).update();
    }

    private static final String SELECT = """
            SELECT p.*, r.id AS r_id, r.decision_no, r.case_id, r.source, r.party_kind, r.party_name, r.credit_code,
                   r.violation_type, r.kinds, r.fine_yuan, r.confiscated_yuan, r.licence, r.facts, r.content,
                   r.legal_basis, r.decided_on, r.authority_name, r.agency_code AS r_agency, r.region_code AS r_region,
                   r.not_published, r.revoked_on, r.revoke_reason
            FROM publication p JOIN penalty_record r ON r.id = p.record_id""";

    private static Publication map(ResultSet rs) throws SQLException {
        return new Publication(rs.getLong("id"), rs.getLong("record_id"), Channel.valueOf(rs.getString("channel")),
                PublicationState.valueOf(rs.getString("state")), rs.getDate("due_on").toLocalDate(),
                rs.getBoolean("due_provisional"), rs.getString("due_rule"), date(rs, "pushed_on"),
                rs.getString("public_party"), rs.getString("public_facts"), rs.getString("public_content"),
                date(rs, "published_on"), date(rs, "display_until"), date(rs, "withdrawn_on"),
                rs.getString("withdraw_reason"), rs.getString("agency_code"), rs.getString("region_code"),
                rs.getInt("version"), recordOf(rs, "r_id", "r_agency", "r_region"));
    }

    private static PenaltyRecord record(ResultSet rs) throws SQLException {
        return recordOf(rs, "id", "agency_code", "region_code");
    }

    private static PenaltyRecord recordOf(ResultSet rs, String idColumn, String agencyColumn, String regionColumn)
            throws SQLException {
        long caseNumber = rs.getLong("case_id");
        Long caseId = rs.wasNull() ? null : caseNumber;
        Set<PenaltyKind> kinds = Arrays.stream((String[]) rs.getArray("kinds").getArray()).map(PenaltyKind::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return new PenaltyRecord(rs.getLong(idColumn), rs.getString("decision_no"), caseId,
                rs.getString("source"), PartyKind.valueOf(rs.getString("party_kind")), rs.getString("party_name"),
                rs.getString("credit_code"), rs.getString("violation_type"), kinds, rs.getBigDecimal("fine_yuan"),
                rs.getBigDecimal("confiscated_yuan"), rs.getString("licence"), rs.getString("facts"),
                rs.getString("content"), rs.getString("legal_basis"), rs.getDate("decided_on").toLocalDate(),
                rs.getString("authority_name"), rs.getString(agencyColumn), rs.getString(regionColumn),
                rs.getString("not_published"), date(rs, "revoked_on"), rs.getString("revoke_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
