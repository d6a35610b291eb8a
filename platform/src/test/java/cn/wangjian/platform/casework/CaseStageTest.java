package cn.wangjian.platform.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.engine.calendar.WorkingDayCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The procedure's steps and clocks, across the 2026 Spring Festival and National Day. */
class CaseStageTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.builtIn();
    static final CaseStage.Dossier DOSSIER = new CaseStage.Dossier(1, "北京某某数码有限公司", "91110108E796UNUFT5",
            "商品标题使用“全网最佳”");

    static final CaseStage.Signatory HEAD = new CaseStage.Signatory("dc.head", "负责人");

    /** A filing approved by the head, with officers of these logins (certificate numbers made up). */
    static CaseStage.Filing filing(String caseNo, LocalDate on, String... officers) {
        return new CaseStage.Filing(caseNo, on, java.util.Arrays.stream(officers)
                .map(o -> new CaseStage.Officer(o, "officer " + o, "CERT-" + o)).toList(), HEAD);
    }

    static CaseStage.LegalReview review(LocalDate on) {
        return new CaseStage.LegalReview(new CaseStage.Signatory("dc.review", "审核员"), on, "事实清楚，证据确凿");
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void a_case_walks_from_verification_to_closing_with_its_deadlines_on_the_working_day_calendar() {
        CaseStage.Verifying v = CaseStage.receive(DOSSIER, d(2, 13));
        assertThat(v.dueOn(CAL, d(2, 13)).date()).isEqualTo(d(3, 12));               // 15 working days over the festival
        assertThat(v.extend().dueOn(CAL, d(2, 13)).date()).isEqualTo(CAL.plusWorkingDays(d(2, 13), 30));
        assertThatThrownBy(() -> v.extend().extend()).isInstanceOf(CaseRuleException.class);

        CaseStage.Investigating inv = v.file(filing("京海市监立〔2026〕7号", d(3, 2), "dc.case", "xc.case"));
        assertThat(inv.dueOn(CAL, d(3, 2)).date()).isEqualTo(d(3, 2).plusDays(90));
        CaseStage.Reviewed review = inv.submitForReview("调查终结：使用绝对化用语，违法事实清楚").review(review(d(9, 25)));
        CaseStage.NoticeServed notice = review.serveNotice("京海市监罚告〔2026〕3号", d(9, 28), "罚款 20 万元", true, CAL);
        // 5 working days after Mon 28 Sep: 29, 30 Sep, (1–7 Oct off), 8, 9, 10 (make-up Saturday)
        assertThat(notice.notice().hearingRequestBy()).isEqualTo(d(10, 10));
        assertThatThrownBy(() -> notice.requestHearing(d(10, 12))).hasMessageContaining("五个工作日");
        assertThatThrownBy(() -> notice.decide(new CaseStage.Decision("京海市监处罚〔2026〕12号", d(10, 10), "罚款", "广告法第五十七条", null, null, HEAD)))
                .hasMessageContaining("届满");

        CaseStage.HearingRequested requested = notice.requestHearing(d(10, 9));
        // the hearing is notified 7 working days ahead: notified Fri 9 Oct, then Sat 10 (make-up), 12–16, Mon 19
        assertThatThrownBy(() -> requested.schedule(d(10, 9), d(10, 16), CAL)).hasMessageContaining("2026-10-19");
        CaseStage.HearingScheduled scheduled = requested.schedule(d(10, 9), d(10, 19), CAL);
        assertThatThrownBy(() -> scheduled.hold(d(10, 18), "x")).hasMessageContaining("早于");
        CaseStage.Heard heard = scheduled.hold(d(10, 19), "当事人陈述申辩意见");
        // the hearing period (9–19 Oct, 11 days) is not counted in the 90-day limit
        assertThat(heard.clock().dueOn(d(10, 21))).isEqualTo(d(3, 2).plusDays(90 + 11));
        CaseStage.Decided decided = heard.decide(new CaseStage.Decision("京海市监处罚〔2026〕12号", d(10, 22), "罚款 20 万元", "《广告法》第五十七条", null, null, HEAD));
        CaseStage.Served served = decided.serve(d(10, 23), "直接送达");
        CaseStage.Closed closed = served.close(d(11, 5), "当事人已缴纳罚款");
        assertThat(closed.steps()).containsExactly("revoke");                  // only a revocation can follow
        assertThat(closed.label()).isEqualTo("已结案");
        CaseStage.Revoked revoked = closed.revoke(d(12, 1), "行政复议决定撤销");
        assertThat(revoked.steps()).isEmpty();
        assertThatThrownBy(() -> closed.revoke(d(10, 1), "x")).hasMessageContaining("早于决定日期");
    }

    @Test
    void what_the_types_cannot_express_is_refused_with_a_reason() {
        CaseStage.Verifying v = CaseStage.receive(DOSSIER, d(2, 13));
        assertThatThrownBy(() -> v.file(filing("x", d(3, 2), "dc.case")))
                .hasMessageContaining("两名以上");
        assertThatThrownBy(() -> v.file(filing("x", d(3, 2), "dc.case", "dc.case")))
                .hasMessageContaining("两名以上");
        assertThatThrownBy(() -> v.file(filing("x", d(2, 1), "a", "b")))
                .hasMessageContaining("早于");
        assertThatThrownBy(() -> v.decline(d(2, 20), " ")).hasMessageContaining("理由");
        assertThatThrownBy(() -> new CaseStage.Decision("12号", d(3, 1), "x", "y", null, null, HEAD)).hasMessageContaining("〔2026〕");
        CaseStage.Investigating inv = v.file(filing("x", d(3, 2), "a", "b"));
        assertThat(inv.extendLimit().clock().dueOn(d(3, 2))).isEqualTo(d(3, 2).plusDays(120));
        assertThatThrownBy(() -> inv.extendLimit().extendLimit()).hasMessageContaining("集体讨论");
        CaseStage.NoticeServed noHearing = inv.submitForReview("f").review(review(d(3, 2))).serveNotice("n", d(3, 10), "警告", false, CAL);
        assertThat(noHearing.steps()).containsExactly("decide");
        assertThatThrownBy(() -> noHearing.requestHearing(d(3, 11))).hasMessageContaining("听证范围");
        // a deadline reaching into a year without holiday data is refused, not guessed
        // a deadline that reaches a year without holiday data is provisional: weekends and 元旦 (fixed by law) off
        var provisional = CaseStage.receive(DOSSIER, d(12, 20)).dueOn(CAL, d(12, 20));
        assertThat(provisional.provisional()).isTrue();
        assertThat(provisional.date()).isEqualTo(java.time.LocalDate.of(2027, 1, 11));
    }

    @Test
    void testing_periods_are_not_counted_in_the_handling_limit() {
        CaseStage.Investigating inv = CaseStage.receive(DOSSIER, d(3, 2)).file(filing("x", d(3, 3), "a", "b"));
        CaseStage.Investigating testing = inv.pauseForTesting(d(4, 1), "委托商标权利人鉴定");
        assertThat(testing.steps()).contains("resume-testing").doesNotContain("submit");
        assertThatThrownBy(() -> testing.submitForReview("f")).hasMessageContaining("尚未结束");
        assertThat(testing.clock().dueOn(d(4, 10))).isEqualTo(d(3, 3).plusDays(90 + 10));   // open pause counts to today
        CaseStage.Investigating resumed = testing.resumeAfterTesting(d(4, 20));
        assertThat(resumed.clock().dueOn(d(5, 1))).isEqualTo(d(3, 3).plusDays(90 + 20));
        assertThat(resumed.steps()).contains("submit", "pause-testing");
    }

    @Test
    void a_suspected_crime_goes_to_the_police_within_its_deadlines_and_may_come_back() {
        CaseStage.Investigating inv = CaseStage.receive(DOSSIER, d(3, 2)).file(filing("x", d(3, 3), "a", "b"));
        assertThat(inv.steps()).contains("propose-transfer");
        CaseStage.TransferProposed proposed = inv.proposeCriminalTransfer(d(3, 10), "销售假冒注册商标的商品罪");
        assertThat(proposed.dueOn(CAL, d(3, 10)).date()).isEqualTo(d(3, 13));          // the head decides within 3 days
        assertThat(proposed.reject()).isEqualTo(inv);
        CaseStage.TransferApproved approved = proposed.approve(d(3, 12));
        assertThat(approved.dueOn(CAL, d(3, 12)).date()).isEqualTo(d(3, 13));          // transferred within 24 hours
        assertThatThrownBy(() -> approved.transfer(d(3, 12), " ")).hasMessageContaining("回执");
        CaseStage.TransferredToPolice sent = approved.transfer(d(3, 12), "京公（经）受字〔2026〕18号");
        assertThat(sent.steps()).containsExactly("police-returned");
        assertThat(sent.returnedByPolice()).isInstanceOf(CaseStage.Investigating.class);
        assertThatThrownBy(() -> inv.proposeCriminalTransfer(d(3, 11), "")).hasMessageContaining("罪名");
    }

    @Test
    void stages_are_stored_as_json_and_read_back_as_the_same_type() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        CaseStage stage = CaseStage.receive(DOSSIER, d(2, 13)).file(filing("x", d(3, 2), "a", "b")).submitForReview("f").review(review(d(3, 2))).serveNotice("n", d(3, 10), "罚款", true, CAL).requestHearing(d(3, 11));
        String text = json.writeValueAsString(stage);
        assertThat(text).contains("\"stage\":\"HEARING_REQUESTED\"");
        CaseStage back = json.readValue(text, CaseStage.class);
        assertThat(back).isEqualTo(stage).isInstanceOf(CaseStage.HearingRequested.class);
    }

    @Test
    void duties_are_separated_the_reviewer_and_the_deciding_head_are_none_of_the_case_officers() {
        CaseStage.Verifying v = CaseStage.receive(DOSSIER, d(3, 2));
        assertThatThrownBy(() -> v.file(new CaseStage.Filing("x", d(3, 3), filing("x", d(3, 3), "a", "b").officers(),
                null))).hasMessageContaining("负责人批准");
        // the approving head cannot be one of the officers in charge
        assertThatThrownBy(() -> v.file(new CaseStage.Filing("x", d(3, 3), filing("x", d(3, 3), "dc.head", "b")
                .officers(), HEAD))).hasMessageContaining("不能同时担任本案的办案人员");
        // a deputy head who is also one of the case's officers (filed with another head's approval)
        CaseStage.Investigating inv = v.file(filing("x", d(3, 3), "deputy", "b"));
        CaseStage.UnderReview submitted = inv.submitForReview("调查终结");
        assertThatThrownBy(() -> submitted.review(new CaseStage.LegalReview(new CaseStage.Signatory("b", "乙"), d(3, 9),
                "同意"))).hasMessageContaining("法制审核人员不能是本案的办案人员");
        assertThatThrownBy(() -> submitted.review(new CaseStage.LegalReview(HEAD, d(3, 9), " ")))
                .hasMessageContaining("审核意见");
        assertThatThrownBy(() -> submitted.review(review(d(3, 2)))).hasMessageContaining("早于立案");
        CaseStage.Reviewed reviewed = submitted.review(review(d(3, 9)));
        assertThatThrownBy(() -> reviewed.serveNotice("n", d(3, 8), "警告", false, CAL)).hasMessageContaining("法制审核日期");
        CaseStage.NoticeServed noticed = reviewed.serveNotice("n", d(3, 10), "警告", false, CAL);
        assertThatThrownBy(() -> noticed.decide(new CaseStage.Decision("京海市监处罚〔2026〕1号", d(3, 20), "警告", "x",
                null, null, new CaseStage.Signatory("deputy", "副局长")))).hasMessageContaining("本案的办案人员不能批准");
        assertThatThrownBy(() -> noticed.decide(new CaseStage.Decision("京海市监处罚〔2026〕1号", d(3, 20), "警告", "x",
                null, null, null))).hasMessageContaining("负责人作出");
        assertThat(noticed.decide(new CaseStage.Decision("京海市监处罚〔2026〕1号", d(3, 20), "警告", "x", null, null, HEAD))
                .decision().approvedBy()).isEqualTo(HEAD);
    }

    @Test
    void filings_stored_before_officers_were_named_are_read_with_the_login_as_the_name() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String stored = json.writeValueAsString(CaseStage.receive(DOSSIER, d(3, 2)).file(filing("x", d(3, 3), "a", "b")))
                .replaceAll("\"officers\":\\[.*?\\],\"approvedBy\":\\{.*?\\}", "\"officers\":[\"dc.case\",\"xc.case\"]");
        assertThat(stored).contains("\"officers\":[\"dc.case\",\"xc.case\"]").doesNotContain("approvedBy");
        CaseStage old = json.readValue(stored, CaseStage.class);
        CaseStage.Filing filing = ((CaseStage.Investigating) old).filing();
        assertThat(filing.officers()).containsExactly(new CaseStage.Officer("dc.case", "dc.case", null),
                new CaseStage.Officer("xc.case", "xc.case", null));
        assertThat(filing.approvedBy()).isNull();
        assertThat(filing.hasOfficer("xc.case")).isTrue();
    }

    @Test
    void every_stage_has_a_name_for_the_timeline() {
        java.util.Deque<Class<?>> open = new java.util.ArrayDeque<>(java.util.List.of(CaseStage.class));
        int named = 0;
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isInterface()) {
                open.addAll(java.util.List.of(type.getPermittedSubclasses()));
            } else {
                assertThat(CaseSteps.stageLabel(type.getSimpleName())).as(type.getSimpleName())
                        .isNotEqualTo(type.getSimpleName());
                named++;
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(16);
    }
}
