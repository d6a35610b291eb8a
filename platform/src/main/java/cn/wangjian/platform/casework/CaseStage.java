package cn.wangjian.platform.casework;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.engine.calendar.WorkingDayCalendar;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A case under the ordinary administrative penalty procedure (市场监督管理行政处罚程序规定, 行政处罚法), one type per stage.
 * A step exists only as a method of the stages it may follow, and returns the next stage: an out-of-order step does
 * not compile. What the types cannot express (dates, the number of officers, the hearing windows, counted in working
 * days on the {@link WorkingDayCalendar}) is checked when the step is taken and refused with a
 * {@link CaseRuleException}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "stage")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CaseStage.Verifying.class, name = "VERIFYING"),
        @JsonSubTypes.Type(value = CaseStage.NotFiled.class, name = "NOT_FILED"),
        @JsonSubTypes.Type(value = CaseStage.Investigating.class, name = "INVESTIGATING"),
        @JsonSubTypes.Type(value = CaseStage.UnderReview.class, name = "UNDER_REVIEW"),
        @JsonSubTypes.Type(value = CaseStage.Reviewed.class, name = "REVIEWED"),
        @JsonSubTypes.Type(value = CaseStage.NoticeServed.class, name = "NOTICE_SERVED"),
        @JsonSubTypes.Type(value = CaseStage.HearingRequested.class, name = "HEARING_REQUESTED"),
        @JsonSubTypes.Type(value = CaseStage.HearingScheduled.class, name = "HEARING_SCHEDULED"),
        @JsonSubTypes.Type(value = CaseStage.Heard.class, name = "HEARD"),
        @JsonSubTypes.Type(value = CaseStage.Decided.class, name = "DECIDED"),
        @JsonSubTypes.Type(value = CaseStage.Served.class, name = "SERVED"),
        @JsonSubTypes.Type(value = CaseStage.Closed.class, name = "CLOSED"),
        @JsonSubTypes.Type(value = CaseStage.Revoked.class, name = "REVOKED"),
        @JsonSubTypes.Type(value = CaseStage.TransferProposed.class, name = "TRANSFER_PROPOSED"),
        @JsonSubTypes.Type(value = CaseStage.TransferApproved.class, name = "TRANSFER_APPROVED"),
        @JsonSubTypes.Type(value = CaseStage.TransferredToPolice.class, name = "TRANSFERRED")})
public sealed interface CaseStage {

    /** Verification of a clue: decide to file (立案) or not within 15 working days, once extendable by 15. */
    int VERIFY_WORKING_DAYS = 15;
    /** A party asks for a hearing within 5 working days of the prior notice (行政处罚法 Art. 64, 85). */
    int HEARING_REQUEST_WORKING_DAYS = 5;
    /** The hearing is notified 7 working days ahead. */
    int HEARING_NOTICE_WORKING_DAYS = 7;

    /** Who and what the case is about. */
    record Dossier(long clueId, String subjectName, String creditCode, String conduct) {
        public Dossier {
            if (subjectName == null || subjectName.isBlank()) {
                throw new CaseRuleException("当事人名称不能为空 (subject required)");
            }
        }
    }

    /**
     * An officer in charge as the filing records them: the login, the name and the enforcement certificate number
     * (执法证号) on the day of filing. Filings stored before names were recorded held the login only.
     */
    record Officer(String username, String name, String certificateNo) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Officer(@JsonProperty("username") String username, @JsonProperty("name") String name,
                       @JsonProperty("certificateNo") String certificateNo) {
            this.username = username;
            this.name = name == null ? username : name;
            this.certificateNo = certificateNo;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Officer ofLogin(String username) {
            return new Officer(username, username, null);
        }

        /** As documents name them: 张三（执法证号 11010120260001）. */
        public String printed() {
            return name + "（执法证号 " + (certificateNo == null ? "未登记" : certificateNo) + "）";
        }
    }

    /** Who approved or reviewed an act under their own login: the bureau's head, its deputy, a legal reviewer. */
    record Signatory(String username, String name) {
        public Signatory {
            if (username == null || username.isBlank()) {
                throw new CaseRuleException("须由本人登录办理 (the signatory's login is required)");
            }
        }
    }

    /**
     * The filing: case number, date, the officers in charge (at least two, 行政处罚法 Art. 42; certified, 程序规定
     * Art. 19), and the head or deputy who approved it (Art. 18; null in filings stored before approvals were
     * recorded).
     */
    record Filing(String caseNo, LocalDate filedOn, List<Officer> officers, Signatory approvedBy) {
        public Filing {
            java.util.Map<String, Officer> distinct = new java.util.LinkedHashMap<>();
            for (Officer o : officers) {
                distinct.putIfAbsent(o.username(), o);
            }
            officers = List.copyOf(distinct.values());
            if (officers.size() < 2) {
                throw new CaseRuleException("立案须指定两名以上执法人员（行政处罚法第四十二条）(at least two officers)");
            }
        }

        /** Whether {@code username} is one of the officers in charge. */
        public boolean hasOfficer(String username) {
            return officers.stream().anyMatch(o -> o.username().equals(username));
        }

        /** The officers by name and certificate, as documents and the timeline print them. */
        public String officersPrinted() {
            return String.join("、", officers.stream().map(Officer::printed).toList());
        }
    }

    /** The legal review (法制审核, 行政处罚法 Art. 58) by a reviewer who is none of the case's officers. */
    record LegalReview(Signatory reviewer, LocalDate on, String opinion) {
    }

    /**
     * The prior notice (行政处罚告知书) and the party's hearing window; {@code windowProvisional} when the window was
     * counted through a year without holiday data (暂定, recomputed when the year is stored).
     */
    record Notice(String noticeNo, LocalDate servedOn, String proposedPenalty, boolean hearingRight,
                  LocalDate hearingRequestBy, boolean windowProvisional) {

        static Notice of(String noticeNo, LocalDate servedOn, String proposedPenalty, boolean hearingRight,
                         WorkingDayCalendar calendar) {
            Deadline window = calendar.deadline(servedOn, HEARING_REQUEST_WORKING_DAYS);
            return new Notice(noticeNo, servedOn, proposedPenalty, hearingRight, window.date(), window.provisional());
        }

        /** The window counted again on {@code calendar}. */
        Notice recounted(WorkingDayCalendar calendar) {
            return of(noticeNo, servedOn, proposedPenalty, hearingRight, calendar);
        }

        /** The window's end as people read it: the date, marked 暂定 when provisional. */
        public String windowLabel() {
            return hearingRequestBy + (windowProvisional ? "（暂定）" : "");
        }
    }

    /**
     * The decision (行政处罚决定书): its number and date, the penalty in the officer's words and the legal basis as
     * written, the head or deputy who decided it (行政处罚法 Art. 57; null in decisions stored before approvals were
     * recorded), and the same as data — what is imposed ({@link Sanction}) and on whom ({@link Party}); decisions made
     * before the data was recorded have neither and cannot be published until completed.
     */
    record Decision(String decisionNo, LocalDate decidedOn, String penalty, String legalBasis, Sanction sanction,
                    Party party, Reasons reasons, Signatory approvedBy) {

        /** Why: how the party's statement and defence were taken, and the discretion (裁量) applied; optional. */
        public record Reasons(String defence, String discretion) {
        }

        public Decision(String decisionNo, LocalDate decidedOn, String penalty, String legalBasis, Sanction sanction,
                        Party party, Signatory approvedBy) {
            this(decisionNo, decidedOn, penalty, legalBasis, sanction, party, null, approvedBy);
        }

        public Decision {
            if (decisionNo == null || !decisionNo.matches(".+〔\\d{4}〕\\d+号")) {
                throw new CaseRuleException("决定书文号格式应如 X市监处罚〔2026〕12号 (decision number): " + decisionNo);
            }
        }
    }

    Dossier dossier();

    /** The stage's name in Chinese. */
    String label();

    /** The steps this stage allows, by name (for pages and the API). */
    Set<String> steps();

    /** The next date something is due at this stage (provisional where a year has no holiday data), or null. */
    Deadline dueOn(WorkingDayCalendar calendar, LocalDate today);

    /** A decision is the head's or deputy's (行政处罚法 Art. 57), never that of one of the case's own officers. */
    private static void approvable(Filing filing, Decision decision) {
        if (decision.approvedBy() == null) {
            throw new CaseRuleException("处罚决定须由负责人作出（行政处罚法第五十七条）(the head decides)");
        }
        if (filing.hasOfficer(decision.approvedBy().username())) {
            throw new CaseRuleException("本案的办案人员不能批准本案的处罚决定 (an officer of the case cannot decide it)");
        }
    }

    static Verifying receive(Dossier dossier, LocalDate receivedOn) {
        return new Verifying(dossier, receivedOn, false);
    }

    record Verifying(Dossier dossier, LocalDate receivedOn, boolean extended) implements CaseStage {
        public String label() {
            return "核查";
        }

        public Set<String> steps() {
            return extended ? Set.of("file", "decline") : Set.of("file", "decline", "extend");
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return calendar.deadline(receivedOn, VERIFY_WORKING_DAYS * (extended ? 2 : 1));
        }

        public Verifying extend() {
            if (extended) {
                throw new CaseRuleException("核查期限只能延长一次 (verification extended once already)");
            }
            return new Verifying(dossier, receivedOn, true);
        }

        public Investigating file(Filing filing) {
            if (filing.approvedBy() == null) {
                throw new CaseRuleException("立案须经负责人批准（程序规定第十八条）(filing needs the head's approval)");
            }
            if (filing.hasOfficer(filing.approvedBy().username())) {
                throw new CaseRuleException("批准立案的负责人不能同时担任本案的办案人员 (the approving head is an officer of"
                        + " the case)");
            }
            if (filing.filedOn().isBefore(receivedOn)) {
                throw new CaseRuleException("立案日期早于收到线索的日期 (filed before received)");
            }
            return new Investigating(dossier, filing, CaseClock.startingOn(filing.filedOn()));
        }

        public NotFiled decline(LocalDate on, String reason) {
            if (reason == null || reason.isBlank()) {
                throw new CaseRuleException("不予立案须说明理由 (a reason is required)");
            }
            return new NotFiled(dossier, receivedOn, on, reason);
        }
    }

    record NotFiled(Dossier dossier, LocalDate receivedOn, LocalDate decidedOn, String reason) implements CaseStage {
        public String label() {
            return "不予立案";
        }

        public Set<String> steps() {
            return Set.of();
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return null;
        }
    }

    /** Stages of a filed case share its filing and its handling clock. */
    sealed interface Filed extends CaseStage {
        Filing filing();

        CaseClock clock();

        default Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return Deadline.exact(clock().dueOn(today));
        }
    }

    /** Stages after the prior notice: they carry the findings and the notice (for the documents). */
    sealed interface Noticed extends Filed {
        String findings();

        Notice notice();
    }

    /** Stages after the decision. */
    sealed interface WithDecision extends Noticed {
        Decision decision();
    }

    record Investigating(Dossier dossier, Filing filing, CaseClock clock) implements Filed {
        public String label() {
            return "调查取证";
        }

        public Set<String> steps() {
            boolean pausedNow = clock.paused().stream().anyMatch(p -> p.to() == null);
            return pausedNow ? Set.of("resume-testing", "propose-transfer")
                    : Set.of("submit", "extend-limit", "propose-transfer", "pause-testing");
        }

        /** Testing, inspection, quarantine or appraisal: not counted in the handling limit until resumed. */
        public Investigating pauseForTesting(LocalDate from, String what) {
            if (what == null || what.isBlank()) {
                throw new CaseRuleException("须写明检测、检验、检疫或鉴定事项 (what is tested)");
            }
            return new Investigating(dossier, filing, clock.pause(from, what));
        }

        public Investigating resumeAfterTesting(LocalDate on) {
            return new Investigating(dossier, filing, clock.resume(on));
        }

        /** 行刑衔接: the case officer reports a suspected crime; the head decides within 3 days. */
        public TransferProposed proposeCriminalTransfer(LocalDate on, String suspectedOffence) {
            if (suspectedOffence == null || suspectedOffence.isBlank()) {
                throw new CaseRuleException("须写明涉嫌的罪名和理由 (the suspected offence is required)");
            }
            if (on.isBefore(filing.filedOn())) {
                throw new CaseRuleException("报告日期早于立案日期 (before filing)");
            }
            return new TransferProposed(dossier, filing, clock, on, suspectedOffence);
        }

        public UnderReview submitForReview(String findings) {
            if (clock.paused().stream().anyMatch(p -> p.to() == null)) {
                throw new CaseRuleException("检测、鉴定期间尚未结束 (testing still running)");
            }
            if (findings == null || findings.isBlank()) {
                throw new CaseRuleException("提交审核须写明调查终结报告要点 (findings required)");
            }
            return new UnderReview(dossier, filing, clock, findings);
        }

        public Investigating extendLimit() {
            return new Investigating(dossier, filing, clock.extend());
        }
    }

    record UnderReview(Dossier dossier, Filing filing, CaseClock clock, String findings) implements Filed {
        public String label() {
            return "待法制审核";
        }

        public Set<String> steps() {
            return Set.of("legal-review", "return");
        }

        public Investigating returnForInvestigation() {
            return new Investigating(dossier, filing, clock);
        }

        /** The legal review passed: the reviewer is none of the case's officers, and writes an opinion. */
        public Reviewed review(LegalReview review) {
            if (filing.hasOfficer(review.reviewer().username())) {
                throw new CaseRuleException("法制审核人员不能是本案的办案人员（行政处罚法第五十八条）(the reviewer is an officer"
                        + " of this case)");
            }
            if (review.opinion() == null || review.opinion().isBlank()) {
                throw new CaseRuleException("须写明法制审核意见 (the review's opinion is required)");
            }
            if (review.on().isBefore(filing.filedOn())) {
                throw new CaseRuleException("审核日期早于立案日期 (reviewed before filing)");
            }
            return new Reviewed(dossier, filing, clock, findings, review);
        }
    }

    record Reviewed(Dossier dossier, Filing filing, CaseClock clock, String findings, LegalReview review)
            implements Filed {
        public String label() {
            return "法制审核通过，待告知";
        }

        public Set<String> steps() {
            return Set.of("serve-notice", "return");
        }

        public Investigating returnForInvestigation() {
            return new Investigating(dossier, filing, clock);
        }

        public NoticeServed serveNotice(String noticeNo, LocalDate servedOn, String proposedPenalty,
                                        boolean hearingRight, WorkingDayCalendar calendar) {
            if (servedOn.isBefore(review.on())) {
                throw new CaseRuleException("告知日期早于法制审核日期 (notice before the legal review)");
            }
            return new NoticeServed(dossier, filing, clock, findings, Notice.of(noticeNo, servedOn, proposedPenalty,
                    hearingRight, calendar));
        }
    }

    record NoticeServed(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice)
            implements Noticed {
        public String label() {
            return "已告知（陈述申辩、听证期）";
        }

        public Set<String> steps() {
            return notice.hearingRight() ? Set.of("request-hearing", "decide") : Set.of("decide");
        }

        /** The same stage with the party's window counted again (a provisional window once the year is stored). */
        public NoticeServed recounted(WorkingDayCalendar calendar) {
            return new NoticeServed(dossier, filing, clock, findings, notice.recounted(calendar));
        }

        /** The party asks for a hearing; the hearing period is not counted in the handling limit. */
        public HearingRequested requestHearing(LocalDate on) {
            if (!notice.hearingRight()) {
                throw new CaseRuleException("拟作出的处罚不属于听证范围 (no hearing right for this penalty)");
            }
            if (on.isAfter(notice.hearingRequestBy())) {
                throw new CaseRuleException("听证申请已超过告知后五个工作日（截至 " + notice.windowLabel()
                        + "）(hearing requested too late)");
            }
            return new HearingRequested(dossier, filing, clock.pause(on, "听证"), findings, notice, on);
        }

        /** Decides once the party's time to ask for a hearing has passed. */
        public Decided decide(Decision decision) {
            approvable(filing, decision);
            if (!decision.decidedOn().isAfter(notice.hearingRequestBy())) {
                throw new CaseRuleException("当事人陈述申辩、申请听证的期限至 " + notice.windowLabel()
                        + " 届满，届满前不能作出决定 (the party's time has not run out)");
            }
            return new Decided(dossier, filing, clock, findings, notice, decision);
        }
    }

    record HearingRequested(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice,
                            LocalDate requestedOn) implements Noticed {
        public String label() {
            return "已申请听证";
        }

        public Set<String> steps() {
            return Set.of("schedule-hearing");
        }

        public HearingScheduled schedule(LocalDate notifiedOn, LocalDate hearingOn, WorkingDayCalendar calendar) {
            LocalDate earliest = calendar.deadline(notifiedOn, HEARING_NOTICE_WORKING_DAYS).date();
            if (hearingOn.isBefore(earliest)) {
                throw new CaseRuleException("听证应在举行七个工作日前通知，" + notifiedOn + " 通知的听证最早于 " + earliest
                        + " 举行 (hearing notified less than 7 working days ahead)");
            }
            return new HearingScheduled(dossier, filing, clock, findings, notice, requestedOn, notifiedOn, hearingOn);
        }
    }

    record HearingScheduled(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice,
                            LocalDate requestedOn, LocalDate notifiedOn, LocalDate hearingOn) implements Noticed {
        public String label() {
            return "听证已安排";
        }

        public Set<String> steps() {
            return Set.of("hold-hearing");
        }

        public Heard hold(LocalDate heldOn, String summary) {
            if (heldOn.isBefore(hearingOn)) {
                throw new CaseRuleException("听证日期早于通知的日期 " + hearingOn + " (held before the notified date)");
            }
            return new Heard(dossier, filing, clock.resume(heldOn), findings, notice, heldOn, summary);
        }
    }

    record Heard(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice, LocalDate heldOn,
                 String summary) implements Noticed {
        public String label() {
            return "听证已举行";
        }

        public Set<String> steps() {
            return Set.of("decide");
        }

        public Decided decide(Decision decision) {
            approvable(filing, decision);
            if (decision.decidedOn().isBefore(heldOn)) {
                throw new CaseRuleException("决定日期早于听证日期 (decision before the hearing)");
            }
            return new Decided(dossier, filing, clock, findings, notice, decision);
        }
    }

    record Decided(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice, Decision decision)
            implements WithDecision {
        public String label() {
            return "已作出处罚决定";
        }

        public Set<String> steps() {
            return Set.of("serve", "revoke");
        }

        public Revoked revoke(LocalDate on, String reason) {
            return Revoked.of(this, on, reason);
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return calendar.deadline(decision.decidedOn(), 7);       // service within 7 (working) days
        }

        public Served serve(LocalDate servedOn, String method) {
            if (servedOn.isBefore(decision.decidedOn())) {
                throw new CaseRuleException("送达日期早于决定日期 (served before decided)");
            }
            return new Served(dossier, filing, clock, findings, notice, decision, servedOn, method);
        }
    }

    record Served(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice, Decision decision,
                  LocalDate servedOn, String method) implements WithDecision {
        public String label() {
            return "已送达，执行中";
        }

        public Set<String> steps() {
            return Set.of("close", "revoke");
        }

        public Revoked revoke(LocalDate on, String reason) {
            return Revoked.of(this, on, reason);
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return null;
        }

        public Closed close(LocalDate closedOn, String outcome) {
            if (outcome == null || outcome.isBlank()) {
                throw new CaseRuleException("结案须写明执行情况 (outcome required)");
            }
            return new Closed(dossier, filing, clock, findings, notice, decision, servedOn, closedOn, outcome);
        }
    }

    /** Transfer of a suspected crime proposed to the head (行政执法机关移送涉嫌犯罪案件的规定 Art. 5: decide within 3 days). */
    record TransferProposed(Dossier dossier, Filing filing, CaseClock clock, LocalDate proposedOn,
                            String suspectedOffence) implements Filed {
        public static final int DECIDE_DAYS = 3;

        public String label() {
            return "涉嫌犯罪，待负责人审批移送";
        }

        public Set<String> steps() {
            return Set.of("approve-transfer", "reject-transfer");
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return Deadline.exact(proposedOn.plusDays(DECIDE_DAYS));
        }

        public TransferApproved approve(LocalDate on) {
            if (on.isBefore(proposedOn)) {
                throw new CaseRuleException("批准日期早于报告日期 (approved before proposed)");
            }
            return new TransferApproved(dossier, filing, clock, proposedOn, suspectedOffence, on);
        }

        public Investigating reject() {
            return new Investigating(dossier, filing, clock);
        }
    }

    /** Approved: the case goes to the public security organ within 24 hours (Art. 5). */
    record TransferApproved(Dossier dossier, Filing filing, CaseClock clock, LocalDate proposedOn,
                            String suspectedOffence, LocalDate approvedOn) implements Filed {
        public String label() {
            return "已批准移送，24小时内移送公安机关";
        }

        public Set<String> steps() {
            return Set.of("transfer");
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return Deadline.exact(approvedOn.plusDays(1));
        }

        public TransferredToPolice transfer(LocalDate on, String receipt) {
            if (on.isBefore(approvedOn)) {
                throw new CaseRuleException("移送日期早于批准日期 (transferred before approval)");
            }
            if (receipt == null || receipt.isBlank()) {
                throw new CaseRuleException("须登记公安机关的接收回执 (the receipt is required)");
            }
            return new TransferredToPolice(dossier, filing, clock, suspectedOffence, approvedOn, on, receipt);
        }
    }

    /** With the public security organ; if it declines, the case comes back for an administrative penalty. */
    record TransferredToPolice(Dossier dossier, Filing filing, CaseClock clock, String suspectedOffence,
                               LocalDate approvedOn, LocalDate transferredOn, String receipt) implements Filed {
        public String label() {
            return "已移送公安机关";
        }

        public Set<String> steps() {
            return Set.of("police-returned");
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return null;
        }

        /** 行政处罚法 Art. 27: the judiciary returns a case that needs only an administrative penalty. */
        public Investigating returnedByPolice() {
            return new Investigating(dossier, filing, clock);
        }
    }

    record Closed(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice, Decision decision,
                  LocalDate servedOn, LocalDate closedOn, String outcome) implements WithDecision {
        public String label() {
            return "已结案";
        }

        public Set<String> steps() {
            return Set.of("revoke");
        }

        public Revoked revoke(LocalDate on, String reason) {
            return Revoked.of(this, on, reason);
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return null;
        }
    }

    /**
     * The decision was changed, revoked, confirmed illegal or void (by reconsideration, a court, or the authority
     * itself); its publication is withdrawn within 3 working days (市场监督管理行政处罚信息公示规定 Art. 11).
     */
    record Revoked(Dossier dossier, Filing filing, CaseClock clock, String findings, Notice notice, Decision decision,
                   LocalDate revokedOn, String reason) implements WithDecision {
        static Revoked of(WithDecision d, LocalDate on, String reason) {
            if (reason == null || reason.isBlank()) {
                throw new CaseRuleException("须写明撤销或变更的理由和依据，如复议决定书文号 (reason required)");
            }
            if (on.isBefore(d.decision().decidedOn())) {
                throw new CaseRuleException("撤销日期早于决定日期 (revoked before decided)");
            }
            return new Revoked(d.dossier(), d.filing(), d.clock(), d.findings(), d.notice(), d.decision(), on,
                    reason.strip());
        }

        public String label() {
            return "决定已撤销或变更";
        }

        public Set<String> steps() {
            return Set.of();
        }

        public Deadline dueOn(WorkingDayCalendar calendar, LocalDate today) {
            return null;
        }
    }
}
