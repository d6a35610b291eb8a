package cn.wangjian.platform.casework;

import cn.wangjian.engine.calendar.Deadline;
import cn.wangjian.engine.calendar.WorkingDayCalendar;
import cn.wangjian.platform.calendar.CalendarYearStored;
import cn.wangjian.platform.calendar.WorkingDays;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.clue.Clue;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.DataScope;
import cn.wangjian.platform.identity.UserAccounts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case register. A case is opened from a clue the officer may see, and moves only by the steps its stage type
 * offers; a step the stage does not offer, or one the procedure refuses (dates, officers, windows), is refused
 * with the reason and recorded in the case's timeline. Reads apply the reader's data scope, like clues.
 */
@Service
public class CaseFiles {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A well-formed number used to check a step before the real number is drawn. */
    private static final String PROVISIONAL = "待编号〔0000〕0号";
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** A case as listed and shown. */
    public record CaseView(long id, long clueId, CaseStage stage, String caseNo, String subjectName, LocalDate dueOn,
                           boolean dueProvisional, String dueNote, boolean typical, String agencyCode, String regionCode, Instant updatedAt,
                           int version) {
        public String stageLabel() {
            return stage.label();
        }

        public Set<String> steps() {
            return stage.steps();
        }

        public boolean overdue(LocalDate today) {
            return dueOn != null && dueOn.isBefore(today);
        }

        public boolean dueSoon(LocalDate today) {
            return dueOn != null && !dueOn.isBefore(today) && !dueOn.isAfter(today.plusDays(3));
        }
    }

    private static final java.util.regex.Pattern ENGLISH_GLOSS = java.util.regex.Pattern.compile(
            " ?\\((?=[ -~&&[^()]]*[A-Za-z])[ -~&&[^()]]*\\)(?=:|$)");

    /** A line of a case's timeline; {@code actorName} is the actor's name as the directory has it. */
    public record Event(Instant at, String actor, String actorName, String step, String fromStage, String toStage,
                        boolean refused, String note) {

        /** The line as a sentence: “2026-12-01 10:02 张三 批准立案：立案号 …（核查 → 调查取证）”. */
        public String sentence() {
            String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA).format(at);
            String stages = toStage == null ? "" : fromStage == null ? "（" + CaseSteps.stageLabel(toStage) + "）"
                    : fromStage.equals(toStage) ? "" : "（" + CaseSteps.stageLabel(fromStage) + " → "
                    + CaseSteps.stageLabel(toStage) + "）";
            // a refusal's note as people read it, without the English gloss kept for logs (as on every page)
            String said = note == null ? "" : ENGLISH_GLOSS.matcher(note).replaceAll("");
            return when + " " + actorName + " " + CaseSteps.label(step) + (refused ? "，被拒绝" : "")
                    + (said.isBlank() ? "" : "：" + said) + stages;
        }

        public String stepLabel() {
            return CaseSteps.label(step);
        }
    }

    private final JdbcClient jdbc;
    private final ClueRegister clues;
    private final DocumentNumbers numbers;
    private final AuditLog audit;
    private final WorkingDays workingDays;

    private final java.time.Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final Authorities authorities;
    private final CaseDocuments documents;
    private final UserAccounts accounts;

    CaseFiles(JdbcClient jdbc, ClueRegister clues, DocumentNumbers numbers, AuditLog audit, WorkingDays workingDays,
              org.springframework.context.ApplicationEventPublisher events, Authorities authorities,
              CaseDocuments documents, UserAccounts accounts, java.time.Clock clock) {
        this.accounts = accounts;
        this.documents = documents;
        this.events = events;
        this.authorities = authorities;
        this.clock = clock;
        this.workingDays = workingDays;
        this.jdbc = jdbc;
        this.clues = clues;
        this.numbers = numbers;
        this.audit = audit;
    }

    /** Today in China, the day deadlines are judged on. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Opens verification of a clue (收到线索之日起十五个工作日内决定是否立案). */
    @Transactional
    public CaseView open(long clueId, LocalDate receivedOn, CurrentUser officer) {
        if (officer.agencyCode() == null) {
            throw new CaseRuleException("只有监管部门用户可以办理案件 (agency users only)");
        }
        if (!officer.hasRole(cn.wangjian.platform.identity.Role.CASE_OFFICER)) {
            throw new CaseRuleException("只有执法人员可以受理线索、开始核查 (case officers open cases)");
        }
        notInFuture(receivedOn, "receivedOn");
        Clue clue = clues.find(clueId, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这条线索 (no such clue): " + clueId));
        if (jdbc.sql("SELECT count(*) FROM case_file WHERE clue_id = ?").param(clueId).query(Long.class).single() > 0) {
            throw new CaseRuleException("该线索已有案件 (the clue already has a case)");
        }
        CaseStage stage = CaseStage.receive(new CaseStage.Dossier(clueId, clue.subjectName(),
                clue.subjectCreditCode(), clue.title()), receivedOn);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO case_file (clue_id, stage, state, subject_name, agency_code, region_code, created_by,
                                       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(clueId, stageName(stage), json(stage), clue.subjectName(), officer.agencyCode(),
                        officer.region().value(), officer.getUsername(), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
        updateDue(id, stage, workingDays.calendar());
        event(id, officer.getUsername(), "open", null, stageName(stage), false, "收到线索 " + clue.clueNo());
        audit.record(officer.getUsername(), "case.opened", "case", Long.toString(id), null,
                Map.of("clue", clue.clueNo()));
        return find(id, officer.dataScope()).orElseThrow();
    }

    /** Takes a step; the parameters are the form's fields. */
    @Transactional(noRollbackFor = CaseRuleException.class)
    public CaseView step(long id, String step, Map<String, String> p, CurrentUser officer) {
        CaseView current = find(id, officer.dataScope())
                .orElseThrow(() -> new NoSuchElementException("没有这个案件 (no such case): " + id));
        CaseStage stage = current.stage();
        WorkingDayCalendar calendar = workingDays.calendar();
        CaseStage next;
        try {
            entitled(current, step, officer);
            next = switch (step) {
                case "extend" -> as(stage, CaseStage.Verifying.class, step).extend();
                case "file" -> {
                    CaseStage.Verifying v = as(stage, CaseStage.Verifying.class, step);
                    List<CaseStage.Officer> officers = officersOf(p, current);
                    LocalDate on = actDate(p, "on");
                    CaseStage.Signatory head = signatory(officer);
                    // the step is checked with a provisional number first, so a refused step uses up no number
                    v.file(new CaseStage.Filing(PROVISIONAL, on, officers, head));
                    yield v.file(new CaseStage.Filing(numbers.next(officer.agencyCode(), officer.region().value(),
                            on.getYear(), "立"), on, officers, head));
                }
                case "decline" -> as(stage, CaseStage.Verifying.class, step).decline(actDate(p, "on"), p.get("reason"));
                case "submit" -> as(stage, CaseStage.Investigating.class, step).submitForReview(p.get("findings"));
                case "extend-limit" -> as(stage, CaseStage.Investigating.class, step).extendLimit();
                case "pause-testing" -> as(stage, CaseStage.Investigating.class, step)
                        .pauseForTesting(actDate(p, "on"), p.get("what"));
                case "resume-testing" -> as(stage, CaseStage.Investigating.class, step).resumeAfterTesting(actDate(p, "on"));
                case "propose-transfer" -> as(stage, CaseStage.Investigating.class, step)
                        .proposeCriminalTransfer(actDate(p, "on"), p.get("offence"));
                case "approve-transfer" -> as(stage, CaseStage.TransferProposed.class, step).approve(actDate(p, "on"));
                case "reject-transfer" -> as(stage, CaseStage.TransferProposed.class, step).reject();
                case "transfer" -> as(stage, CaseStage.TransferApproved.class, step).transfer(actDate(p, "on"),
                        p.get("receipt"));
                case "police-returned" -> as(stage, CaseStage.TransferredToPolice.class, step).returnedByPolice();
                case "return" -> stage instanceof CaseStage.Reviewed r ? r.returnForInvestigation()
                        : as(stage, CaseStage.UnderReview.class, step).returnForInvestigation();
                case "legal-review" -> as(stage, CaseStage.UnderReview.class, step).review(new CaseStage.LegalReview(
                        signatory(officer), actDate(p, "on"), p.get("opinion")));
                case "serve-notice" -> {
                    CaseStage.Reviewed review = as(stage, CaseStage.Reviewed.class, step);
                    LocalDate on = actDate(p, "on");
                    String penalty = required(p, "proposedPenalty");
                    boolean hearing = "true".equals(p.get("hearingRight"));
                    review.serveNotice(PROVISIONAL, on, penalty, hearing, calendar);
                    yield review.serveNotice(numbers.next(officer.agencyCode(), officer.region().value(), on.getYear(),
                            "罚告"), on, penalty, hearing, calendar);
                }
                case "request-hearing" -> as(stage, CaseStage.NoticeServed.class, step).requestHearing(actDate(p, "on"));
                case "schedule-hearing" -> as(stage, CaseStage.HearingRequested.class, step)
                        .schedule(actDate(p, "notifiedOn"), planDate(p, "hearingOn"), calendar);
                case "hold-hearing" -> as(stage, CaseStage.HearingScheduled.class, step).hold(actDate(p, "on"),
                        required(p, "summary"));
                case "decide" -> {
                    if (!(stage instanceof CaseStage.NoticeServed)) {
                        as(stage, CaseStage.Heard.class, step);
                    }
                    LocalDate on = actDate(p, "on");
                    String penalty = required(p, "penalty");
                    String basis = required(p, "legalBasis");
                    java.util.function.Function<CaseStage.Decision, CaseStage> decide = decision ->
                            stage instanceof CaseStage.NoticeServed n ? n.decide(decision)
                                    : as(stage, CaseStage.Heard.class, step).decide(decision);
                    Sanction sanction = Sanction.fromForm(p);
                    Party party = Party.fromForm(p, stage.dossier());
                    CaseStage.Decision.Reasons reasons = new CaseStage.Decision.Reasons(trimmed(p.get("defence")),
                            trimmed(p.get("discretion")));
                    CaseStage.Signatory head = signatory(officer);
                    decide.apply(new CaseStage.Decision(PROVISIONAL, on, penalty, basis, sanction, party, reasons,
                            head));
                    yield decide.apply(new CaseStage.Decision(numbers.next(officer.agencyCode(),
                            officer.region().value(), on.getYear(), "处罚"), on, penalty, basis, sanction, party, reasons,
                            head));
                }
                case "revoke" -> {
                    LocalDate on = actDate(p, "on");
                    String reason = p.get("reason");
                    if (stage instanceof CaseStage.Decided d) {
                        yield d.revoke(on, reason);
                    }
                    if (stage instanceof CaseStage.Served s) {
                        yield s.revoke(on, reason);
                    }
                    yield as(stage, CaseStage.Closed.class, step).revoke(on, reason);
                }
                case "serve" -> as(stage, CaseStage.Decided.class, step).serve(actDate(p, "on"), required(p, "method"));
                case "close" -> as(stage, CaseStage.Served.class, step).close(actDate(p, "on"), p.get("outcome"));
                default -> throw new CaseRuleException("未知的办案步骤 (unknown step): " + step);
            };
        } catch (CaseRuleException | WorkingDayCalendar.NoDataException e) {
            event(id, officer.getUsername(), step, stageName(stage), null, true, e.getMessage());
            throw e instanceof CaseRuleException c ? c : new CaseRuleException(e.getMessage());
        }
        int updated = jdbc.sql("""
                UPDATE case_file SET stage = ?, state = ?, case_no = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(stageName(next), json(next), next instanceof CaseStage.Filed f ? f.filing().caseNo() : null,
                        Timestamp.from(clock.instant()), id, current.version()).update();
        if (updated != 1) {
            throw new CaseRuleException("案件已被他人更新，请刷新后重试 (the case changed meanwhile)");
        }
        updateDue(id, next, calendar);
        event(id, officer.getUsername(), step, stageName(stage), stageName(next), false, describe(next, stage));
        if (next instanceof CaseStage.Decided d) {
            CaseStage.Decision decision = d.decision();
            fixDecision(id, current, d);
            events.publishEvent(new PenaltyDecided(id, decision.decisionNo(), decision.decidedOn(), decision.party(),
                    decision.sanction(), d.findings(), decision.penalty(), decision.legalBasis(),
                    authorities.name(current.agencyCode(), current.regionCode()), current.agencyCode(),
                    current.regionCode(), officer.getUsername()));
        }
        milestone(next, stage).ifPresent(kind -> events.publishEvent(new CaseMilestone(id, current.clueId(), kind,
                next instanceof CaseStage.NotFiled n ? n.decidedOn()
                        : next instanceof CaseStage.TransferredToPolice t ? t.transferredOn()
                        : ((CaseStage.Filed) next).filing().filedOn(), current.agencyCode(), current.regionCode(),
                next instanceof CaseStage.Filed f ? f.filing().caseNo() : null, officer.getUsername())));
        // the clue is dealt with when its case is closed or not filed
        if (next instanceof CaseStage.Closed || next instanceof CaseStage.NotFiled) {
            clues.close(current.clueId(), next instanceof CaseStage.Closed ? "案件已结案" : "不予立案",
                    officer.getUsername());
        }
        if (next instanceof CaseStage.Revoked r) {
            events.publishEvent(new DecisionRevoked(id, r.decision().decisionNo(), r.revokedOn(), r.reason(),
                    officer.getUsername()));
        }
        audit.record(officer.getUsername(), "case." + step, "case", Long.toString(id), stageName(stage), stageName(next));
        return find(id, officer.dataScope()).orElseThrow();
    }

    /** The milestone a step reached: filing (from verification), not filing, or the transfer to the police. */
    private static Optional<CaseMilestone.Kind> milestone(CaseStage next, CaseStage from) {
        if (next instanceof CaseStage.Investigating && from instanceof CaseStage.Verifying) {
            return Optional.of(CaseMilestone.Kind.FILED);
        }
        if (next instanceof CaseStage.NotFiled) {
            return Optional.of(CaseMilestone.Kind.NOT_FILED);
        }
        if (next instanceof CaseStage.TransferredToPolice && !(from instanceof CaseStage.TransferredToPolice)) {
            return Optional.of(CaseMilestone.Kind.TRANSFERRED_TO_POLICE);
        }
        return Optional.empty();
    }

    @Transactional
    public void markTypical(long id, boolean typical, CurrentUser officer) {
        CaseView c = find(id, officer.dataScope()).orElseThrow(() -> new NoSuchElementException("没有这个案件: " + id));
        if (!sameBureau(c, officer) || !officer.hasAnyRole(cn.wangjian.platform.identity.Role.CASE_OFFICER,
                cn.wangjian.platform.identity.Role.BUREAU_HEAD)) {
            throw new CaseRuleException("只有办理本案的本局执法人员或负责人可以标记典型案例 (the case's own bureau only)");
        }
        audit.record(officer.getUsername(), typical ? "case.mark-typical" : "case.unmark-typical", "case",
                Long.toString(id), null, Map.of("typical", typical));
        jdbc.sql("UPDATE case_file SET typical = ? WHERE id = ?").params(typical, id).update();
        event(id, officer.getUsername(), typical ? "mark-typical" : "unmark-typical", null, null, false, null);
    }

    private static String describe(CaseStage s, CaseStage from) {
        if (s instanceof CaseStage.Investigating f && from instanceof CaseStage.Verifying) {
            return "立案号 " + f.filing().caseNo() + "，办案人员 " + f.filing().officersPrinted()
                    + (f.filing().approvedBy() == null ? "" : "，负责人 " + f.filing().approvedBy().name() + " 批准");
        }
        if (s instanceof CaseStage.NoticeServed n) {
            return "告知 " + n.notice().servedOn() + "，听证申请截至 " + n.notice().windowLabel();
        }
        if (s instanceof CaseStage.Reviewed r) {
            return "法制审核人员 " + r.review().reviewer().name() + " 审核通过：" + r.review().opinion();
        }
        if (s instanceof CaseStage.Decided d) {
            return "决定书 " + d.decision().decisionNo() + "：" + d.decision().penalty()
                    + (d.decision().approvedBy() == null ? "" : "，负责人 " + d.decision().approvedBy().name() + " 决定");
        }
        if (s instanceof CaseStage.Revoked r) {
            return "决定书 " + r.decision().decisionNo() + " 已撤销或变更：" + r.reason();
        }
        return s.label();
    }

    /** The decision document is made once, when the decision is, and kept with its SHA-256 (as served). */
    private void fixDecision(long id, CaseView current, CaseStage.Decided d) {
        byte[] pdf;
        try {
            pdf = documents.decision(current, d);
        } catch (IllegalStateException e) {
            throw new CaseRuleException("处罚决定书无法生成，决定未作出：" + e.getMessage());
        }
        jdbc.sql("""
                INSERT INTO case_document (case_id, kind, number, sha256, content, created_at)
                VALUES (?, 'decision', ?, ?, ?, ?)""")
                .params(id, d.decision().decisionNo(), java.util.HexFormat.of().formatHex(sha256(pdf)), pdf,
                        Timestamp.from(clock.instant())).update();
    }

    /** A fixed document of a case: its number, SHA-256 and bytes. */
    public record FixedDocument(String number, String sha256, byte[] content) {
    }

    public Optional<FixedDocument> fixedDocument(long id, String kind) {
        return jdbc.sql("SELECT number, sha256, content FROM case_document WHERE case_id = ? AND kind = ?")
                .params(id, kind).query((rs, n) -> new FixedDocument(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the stage's next deadline; returns it (null when nothing is due). */
    private Deadline updateDue(long id, CaseStage stage, WorkingDayCalendar calendar) {
        Deadline due = stage.dueOn(calendar, today());
        jdbc.sql("UPDATE case_file SET due_on = ?, due_provisional = ?, due_note = ? WHERE id = ?")
                .params(due == null ? null : due.date(), due != null && due.provisional(), due == null ? null : due.note(),
                        id).update();
        return due;
    }

    /**
     * A year's holidays were stored: every provisional deadline (and provisional hearing window) is counted again on
     * the new calendar, in the transaction that stores the year; each case whose dates changed, or stopped being
     * provisional, says so in its timeline.
     */
    @EventListener
    void recountProvisional(CalendarYearStored stored) {
        List<CaseView> provisional = jdbc.sql("""
                SELECT * FROM case_file WHERE due_provisional
                   OR (state::jsonb -> 'notice' ->> 'windowProvisional')::boolean""").query((rs, n) -> view(rs)).list();
        for (CaseView c : provisional) {
            CaseStage stage = c.stage();
            List<String> changes = new java.util.ArrayList<>();
            if (stage instanceof CaseStage.NoticeServed n && n.notice().windowProvisional()) {
                CaseStage.NoticeServed recounted = n.recounted(stored.calendar());
                if (!recounted.notice().windowLabel().equals(n.notice().windowLabel())) {
                    changes.add("听证申请期限由 " + n.notice().windowLabel() + " 重算为 " + recounted.notice().windowLabel());
                }
                jdbc.sql("UPDATE case_file SET state = ?, version = version + 1 WHERE id = ?")
                        .params(json(recounted), c.id()).update();
                stage = recounted;
            }
            Deadline due = updateDue(c.id(), stage, stored.calendar());
            String before = c.dueOn() + (c.dueProvisional() ? "（暂定）" : "");
            String after = due == null ? "—" : due.date() + (due.provisional() ? "（暂定）" : "");
            if (c.dueProvisional() && !before.equals(after)) {
                changes.add("期限由 " + before + " 重算为 " + after);
            }
            if (!changes.isEmpty()) {
                event(c.id(), stored.actor(), "recount-deadline", stageName(stage), stageName(stage), false,
                        stored.label() + "已录入：" + String.join("；", changes));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends CaseStage> T as(CaseStage stage, Class<T> type, String step) {
        if (!type.isInstance(stage)) {
            throw new CaseRuleException("案件处于“" + stage.label() + "”阶段，不能执行“" + step + "”；可执行：" + stage.steps()
                    + " (step not allowed at this stage)");
        }
        return (T) stage;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String required(Map<String, String> p, String field) {
        String v = p.get(field);
        if (v == null || v.isBlank()) {
            throw new CaseRuleException("字段 " + field + " 不能为空 (required)");
        }
        return v.strip();
    }

    /** A date planned ahead (a hearing): any date. */
    private static LocalDate planDate(Map<String, String> p, String field) {
        try {
            return LocalDate.parse(required(p, field));
        } catch (DateTimeParseException e) {
            throw new CaseRuleException("字段 " + field + " 不是日期（YYYY-MM-DD）(not a date)");
        }
    }

    /** The date of an act that happened: today at the latest (China time). */
    private LocalDate actDate(Map<String, String> p, String field) {
        return notInFuture(planDate(p, field), field);
    }

    private LocalDate notInFuture(LocalDate date, String field) {
        LocalDate today = today();
        if (date.isAfter(today)) {
            throw new CaseRuleException("字段 " + field + "：" + date + " 晚于今天（" + today
                    + "），不能登记尚未发生的办案行为 (dated in the future)");
        }
        return date;
    }

    /** Who takes a step (decision 0030): the bureau's head or deputy, a legal reviewer, or the case's own officers. */
    public enum Duty {
        HEAD("本局负责人"), REVIEWER("本局法制审核人员"), OFFICER("本案办案人员");

        public final String label;

        Duty(String label) {
            this.label = label;
        }

        public static Duty of(String step) {
            return switch (step) {
                case "file", "decline", "extend", "extend-limit", "approve-transfer", "reject-transfer", "decide",
                     "revoke" -> HEAD;
                case "legal-review", "return" -> REVIEWER;
                default -> OFFICER;
            };
        }
    }

    /** Whether {@code user} may take {@code step} on {@code c}: the bureau that has the case, in the right duty. */
    public static boolean mayTake(CaseView c, String step, CurrentUser user) {
        return refusal(c, step, user) == null;
    }

    /** Whether the user belongs to the bureau that has the case (same agency and region, not a superior). */
    static boolean sameBureau(CaseView c, CurrentUser user) {
        return java.util.Objects.equals(user.agencyCode(), c.agencyCode()) && user.region().value().equals(c.regionCode());
    }

    private static String refusal(CaseView c, String step, CurrentUser user) {
        if (!sameBureau(c, user)) {
            return "只有办理本案的本局人员可以办理，上级和其他单位可以查阅、协查或指定管辖 (another unit's user)";
        }
        Duty duty = Duty.of(step);
        boolean ok = switch (duty) {
            // a head who is also one of the case's officers approves nothing of that case
            case HEAD -> user.hasRole(cn.wangjian.platform.identity.Role.BUREAU_HEAD)
                    && !(c.stage() instanceof CaseStage.Filed f && f.filing().hasOfficer(user.getUsername()));
            case REVIEWER -> user.hasRole(cn.wangjian.platform.identity.Role.LEGAL_REVIEWER);
            case OFFICER -> c.stage() instanceof CaseStage.Filed f ? f.filing().hasOfficer(user.getUsername())
                    : user.hasRole(cn.wangjian.platform.identity.Role.CASE_OFFICER);
        };
        return ok ? null : "“" + CaseSteps.label(step) + "”须由" + duty.label + "办理 (step of another duty)";
    }

    private static void entitled(CaseView c, String step, CurrentUser user) {
        String refusal = refusal(c, step, user);
        if (refusal != null) {
            throw new CaseRuleException(refusal);
        }
    }

    private static CaseStage.Signatory signatory(CurrentUser user) {
        return new CaseStage.Signatory(user.getUsername(), user.displayName());
    }

    /**
     * The officers chosen at filing: case officers of the case's own bureau with an enforcement certificate on record
     * (程序规定 Art. 19), by name and certificate as of today. Officers of another unit join only through an
     * assistance request or a transfer.
     */
    private List<CaseStage.Officer> officersOf(Map<String, String> p, CaseView c) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        String typed = p.get("officers");
        if (typed != null) {
            Arrays.stream(typed.split("[,，、\\s]+")).filter(s -> !s.isBlank()).forEach(names::add);
        }
        p.forEach((k, v) -> {
            if (k.startsWith("officer.") && !"false".equals(v)) {
                names.add(k.substring("officer.".length()));
            }
        });
        List<CaseStage.Officer> out = new java.util.ArrayList<>();
        for (String name : names) {
            CurrentUser u = accounts.find(name).filter(CurrentUser::isEnabled).orElseThrow(() ->
                    new CaseRuleException("办案人员 " + name + " 不是本系统的用户 (no such user)"));
            if (!java.util.Objects.equals(u.agencyCode(), c.agencyCode()) || !u.region().value().equals(c.regionCode())) {
                throw new CaseRuleException("办案人员 " + u.displayName() + " 不是本局的执法人员；其他单位的人员只能通过协查或移送参与"
                        + " (not an officer of this bureau)");
            }
            if (!u.hasRole(cn.wangjian.platform.identity.Role.CASE_OFFICER)) {
                throw new CaseRuleException(u.displayName() + " 不是执法人员，不能担任办案人员 (not a case officer)");
            }
            UserAccounts.Officer o = accounts.officer(name).orElseThrow();
            if (o.certificateNo() == null) {
                throw new CaseRuleException("办案人员 " + u.displayName() + " 未登记执法证号，不能担任办案人员（程序规定第十九条）"
                        + " (no enforcement certificate on record)");
            }
            out.add(new CaseStage.Officer(name, o.name(), o.certificateNo()));
        }
        return out;
    }

    private void event(long id, String actor, String step, String from, String to, boolean refused, String note) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, at, actor, step, from_stage, to_stage, refused, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(clock.instant()), actor, step, from, to, refused, note).update();
    }

    public Optional<CaseView> find(long id, DataScope scope) {
        return jdbc.sql("SELECT * FROM case_file WHERE id = :id AND " + scope.sqlCondition("agency_code", "region_code"))
                .params(scope.sqlParameters()).param("id", id).query((rs, n) -> view(rs)).optional();
    }

    /** The cases about one subject (the dossier's credit code) that the reader may see. */
    public List<CaseView> ofSubject(String creditCode, DataScope scope) {
        return jdbc.sql("SELECT * FROM case_file WHERE state::jsonb -> 'dossier' ->> 'creditCode' = :code AND "
                        + scope.sqlCondition("agency_code", "region_code") + " ORDER BY id DESC LIMIT 200")
                .params(scope.sqlParameters()).param("code", creditCode).query((rs, n) -> view(rs)).list();
    }

    /** A case with a standing penalty decision, as a summary report cites it among its typical cases. */
    public record DecidedCase(long id, String caseNo, String subjectName, String decisionNo, LocalDate decidedOn,
                              String penalty, boolean typical, String agencyCode, String regionCode) {
    }

    /** The case, if within the scope and its decision stands (decided, served or closed; not revoked). */
    public Optional<DecidedCase> decided(long id, DataScope scope) {
        return find(id, scope).flatMap(CaseFiles::decided);
    }

    /** The cases within the scope marked typical (典型案例) whose decisions stand, newest first. */
    public List<DecidedCase> typicalDecided(DataScope scope, int limit) {
        return jdbc.sql("SELECT * FROM case_file WHERE typical AND " + scope.sqlCondition("agency_code", "region_code")
                        + " ORDER BY id DESC LIMIT :limit")
                .params(scope.sqlParameters()).param("limit", limit).query((rs, n) -> view(rs)).list().stream()
                .flatMap(c -> decided(c).stream()).toList();
    }

    private static Optional<DecidedCase> decided(CaseView c) {
        if (!(c.stage() instanceof CaseStage.WithDecision d) || c.stage() instanceof CaseStage.Revoked) {
            return Optional.empty();
        }
        return Optional.of(new DecidedCase(c.id(), c.caseNo(), c.subjectName(), d.decision().decisionNo(),
                d.decision().decidedOn(), d.decision().penalty(), c.typical(), c.agencyCode(), c.regionCode()));
    }

    public List<CaseView> list(DataScope scope, int limit) {
        return jdbc.sql("SELECT * FROM case_file WHERE " + scope.sqlCondition("agency_code", "region_code")
                        + " ORDER BY due_on NULLS LAST, id LIMIT :limit")
                .params(scope.sqlParameters()).param("limit", limit).query((rs, n) -> view(rs)).list();
    }

    /** Open cases due on or before {@code by} (overdue first), for worklists and the dashboard. */
    public List<CaseView> dueBy(DataScope scope, LocalDate by, int limit) {
        return jdbc.sql("SELECT * FROM case_file WHERE " + scope.sqlCondition("agency_code", "region_code")
                        + " AND due_on <= :by ORDER BY due_on, id LIMIT :limit")
                .params(scope.sqlParameters()).param("by", by).param("limit", limit).query((rs, n) -> view(rs)).list();
    }

    /** Who opened each of these cases, by case id (one query for a whole worklist). */
    public Map<Long, String> openedBy(java.util.Collection<Long> ids) {
        Map<Long, String> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT id, created_by FROM case_file WHERE id = ANY(?)").param(ids.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    public String openedBy(long id) {
        return jdbc.sql("SELECT created_by FROM case_file WHERE id = ?").param(id).query(String.class).single();
    }

    public Optional<Long> caseOfClue(long clueId) {
        return jdbc.sql("SELECT id FROM case_file WHERE clue_id = ?").param(clueId).query(Long.class).optional();
    }

    public List<Event> events(long id) {
        Map<String, String> names = new java.util.HashMap<>();
        return jdbc.sql("SELECT * FROM case_event WHERE case_id = ? ORDER BY id").param(id)
                .query((rs, n) -> {
                    String actor = rs.getString("actor");
                    String name = names.computeIfAbsent(actor, a -> accounts.find(a).map(CurrentUser::displayName)
                            .orElse(a));
                    return new Event(rs.getTimestamp("at").toInstant(), actor, name, rs.getString("step"),
                            rs.getString("from_stage"), rs.getString("to_stage"), rs.getBoolean("refused"),
                            rs.getString("note"));
                }).list();
    }

    private static CaseView view(ResultSet rs) throws SQLException {
        java.sql.Date due = rs.getDate("due_on");
        return new CaseView(rs.getLong("id"), rs.getLong("clue_id"), read(rs.getString("state")),
                rs.getString("case_no"), rs.getString("subject_name"), due == null ? null : due.toLocalDate(),
                rs.getBoolean("due_provisional"), rs.getString("due_note"), rs.getBoolean("typical"), rs.getString("agency_code"),
                rs.getString("region_code"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    static String stageName(CaseStage s) {
        return s.getClass().getSimpleName();
    }

    private static String json(CaseStage s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CaseStage read(String json) {
        try {
            return JSON.readValue(json, CaseStage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("案件状态无法读取 (corrupt case state)", e);
        }
    }
}
