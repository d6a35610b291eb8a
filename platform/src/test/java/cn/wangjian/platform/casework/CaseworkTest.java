package cn.wangjian.platform.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.audit.AuditLog;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.util.NoSuchElementException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A clue becomes a case and walks the procedure; steps out of order and foreign readers are refused and recorded. */
@org.junit.jupiter.api.Tag("dates")
class CaseworkTest extends PlatformTest {

    /** The party's unified social credit code, entered at the decision (the clue had none). */
    static final String CODE = "91110101MA0CWT001" + cn.wangjian.engine.registry.UnifiedSocialCreditCode
            .checkCharacter("91110101MA0CWT001");

    @Autowired
    MockMvc mvc;
    @Autowired
    ClueRegister clues;
    @Autowired
    CaseFiles cases;
    @Autowired
    AuditLog audit;
    @Autowired
    Assistance assistance;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void step(CurrentUser who, long id, String step, String... params) throws Exception {
        var request = post("/casework/" + id + "/steps/" + step).with(user(who)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", Matchers.startsWith("已完成")));
    }

    @Test
    void a_clue_walks_from_verification_to_closing_and_out_of_order_steps_are_refused() throws Exception {
        Bureau b = bureau("cw", "110101");
        CurrentUser officer = b.officer();
        long clueId = clues.register(new NewClue("商品标题使用绝对化用语", ClueSource.MONITORING, "北京某某数码有限公司",
                null, "监测发现"), officer).id();
        String location = mvc.perform(post("/casework").with(user(officer)).with(csrf())
                        .param("clueId", Long.toString(clueId)).param("receivedOn", "2026-09-01"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(cases.find(id, officer.dataScope()).orElseThrow().dueOn()).isEqualTo("2026-09-21"); // Sun 20 Sep is a make-up workday

        CurrentUser head = b.head();
        // a decision before filing is not a step of verification: refused, recorded in the timeline
        mvc.perform(post("/casework/" + id + "/steps/decide").with(user(head)).with(csrf())
                        .param("on", "2026-09-02").param("penalty", "罚款").param("legalBasis", "x"))
                .andExpect(flash().attribute("error", Matchers.containsString("不能执行")));
        // filing is the head's approval, not the officer's
        mvc.perform(post("/casework/" + id + "/steps/file").with(user(officer)).with(csrf())
                        .param("on", "2026-09-02").param("officers", b.officers()))
                .andExpect(flash().attribute("error", Matchers.containsString("须由本局负责人办理")));
        mvc.perform(post("/casework/" + id + "/steps/file").with(user(head)).with(csrf())
                        .param("on", "2026-09-02").param("officers", "cw.c1"))
                .andExpect(flash().attribute("error", Matchers.allOf(Matchers.containsString("两名以上"),
                        Matchers.not(Matchers.containsString("at least")))));       // no English tail for people
        // officers of the bureau with a certificate only: another district's officer joins by assistance, not here
        testUser("cw.xc1", "SAMR", "110102", Role.CASE_OFFICER);
        accounts.setCertificate("cw.xc1", "CW-XC-0001", "test");
        mvc.perform(post("/casework/" + id + "/steps/file").with(user(head)).with(csrf())
                        .param("on", "2026-09-02").param("officers", "cw.c1, cw.xc1"))
                .andExpect(flash().attribute("error", Matchers.containsString("不是本局的执法人员")));
        testUser("cw.nocert", "SAMR", "110101", Role.CASE_OFFICER);
        mvc.perform(post("/casework/" + id + "/steps/file").with(user(head)).with(csrf())
                        .param("on", "2026-09-02").param("officers", "cw.c1, cw.nocert"))
                .andExpect(flash().attribute("error", Matchers.containsString("未登记执法证号")));
        // no act is dated after today
        mvc.perform(post("/casework/" + id + "/steps/file").with(user(head)).with(csrf())
                        .param("on", clock.today().plusDays(1).toString()).param("officer.cw.c1", "on")
                        .param("officer.cw.c2", "on"))
                .andExpect(flash().attribute("error", Matchers.containsString("晚于今天")));
        // the filing form offers the bureau's certified officers by name and certificate
        mvc.perform(get("/casework/" + id).with(user(head))).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("officer.cw.c1"), Matchers.not(Matchers.containsString("officer.cw.nocert")),
                        Matchers.not(Matchers.containsString("officer.cw.xc1")))));

        mvc.perform(post("/casework/" + id + "/steps/file").with(user(head)).with(csrf())
                        .param("on", "2026-09-02").param("officer.cw.c1", "on").param("officer.cw.c2", "on"))
                .andExpect(flash().attribute("message", Matchers.startsWith("已完成")));
        CaseFiles.CaseView filed = cases.find(id, officer.dataScope()).orElseThrow();
        assertThat(filed.caseNo()).matches("京东市监立〔2026〕\\d+号");
        assertThat(filed.dueOn()).isEqualTo("2026-12-01");                       // 90 days after filing
        CaseStage.Filing filing = ((CaseStage.Filed) filed.stage()).filing();
        assertThat(filing.officers()).extracting(CaseStage.Officer::certificateNo).doesNotContainNull().hasSize(2);
        assertThat(filing.approvedBy().username()).isEqualTo("cw.head");
        step(officer, id, "submit", "findings", "使用“全网最佳”，违反广告法第九条第（三）项");
        // the legal review comes before the notice, by the bureau's reviewer, not by an officer of the case
        mvc.perform(post("/casework/" + id + "/steps/serve-notice").with(user(officer)).with(csrf())
                        .param("on", "2026-09-28").param("proposedPenalty", "罚款").param("hearingRight", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("不能执行")));
        mvc.perform(post("/casework/" + id + "/steps/legal-review").with(user(officer)).with(csrf())
                        .param("on", "2026-09-25").param("opinion", "同意"))
                .andExpect(flash().attribute("error", Matchers.containsString("本局法制审核人员")));
        step(b.reviewer(), id, "legal-review", "on", "2026-09-25", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法");
        step(officer, id, "serve-notice", "on", "2026-09-28", "proposedPenalty", "罚款二十万元", "hearingRight", "true");
        assertThat(cases.find(id, officer.dataScope()).orElseThrow().dueOn()).isEqualTo("2026-12-01");
        // the officers in charge do not decide their own case
        mvc.perform(post("/casework/" + id + "/steps/decide").with(user(officer)).with(csrf())
                        .param("on", "2026-10-12").param("penalty", "罚款二十万元").param("legalBasis", "《广告法》第五十七条")
                        .param("violationType", "ILLEGAL_ADVERTISING").param("kind.FINE", "on").param("fineYuan", "200000")
                        .param("creditCode", CODE))
                .andExpect(flash().attribute("error", Matchers.containsString("须由本局负责人办理")));
        mvc.perform(post("/casework/" + id + "/steps/decide").with(user(head)).with(csrf())
                        .param("on", "2026-10-09").param("penalty", "罚款二十万元").param("legalBasis", "《广告法》第五十七条")
                        .param("violationType", "ILLEGAL_ADVERTISING").param("kind.FINE", "on").param("fineYuan", "200000")
                        .param("creditCode", CODE))
                .andExpect(flash().attribute("error", Matchers.containsString("2026-10-10")));
        // what a decision imposes is data: an amount that is not yuan is refused naming the field
        mvc.perform(post("/casework/" + id + "/steps/decide").with(user(head)).with(csrf())
                        .param("on", "2026-10-12").param("penalty", "罚款二十万元").param("legalBasis", "《广告法》第五十七条")
                        .param("violationType", "ILLEGAL_ADVERTISING").param("kind.FINE", "on").param("fineYuan", "二十万")
                        .param("creditCode", CODE))
                .andExpect(flash().attribute("error", Matchers.containsString("fineYuan")));
        step(head, id, "decide", "on", "2026-10-12", "penalty", "罚款二十万元", "legalBasis", "《广告法》第五十七条",
                "violationType", "ILLEGAL_ADVERTISING", "kind.FINE", "on", "fineYuan", "200000", "creditCode", CODE,
                "defence", "当事人称系员工误操作，经查不能成立，不予采纳", "discretion", "首次违法，依裁量基准从轻处罚");
        CaseFiles.CaseView decided = cases.find(id, officer.dataScope()).orElseThrow();
        assertThat(((CaseStage.Decided) decided.stage()).decision().approvedBy().username()).isEqualTo("cw.head");
        // the refused decision above drew no number: the counter holds exactly the numbers issued
        String issued = ((CaseStage.Decided) decided.stage()).decision().decisionNo();
        int n = Integer.parseInt(issued.replaceAll(".*〔2026〕(\\d+)号", "$1"));
        assertThat(jdbc.sql("SELECT last_value FROM document_number_counter WHERE agency_code = 'SAMR'"
                + " AND region_code = '110101' AND year = 2026 AND kind = '处罚'").query(Integer.class).single()).isEqualTo(n);
        assertThat(((CaseStage.Decided) decided.stage()).decision().decisionNo()).matches("京东市监处罚〔2026〕\\d+号");
        // the decision as a PDF with an embedded Chinese font, carrying its number and the remedies
        byte[] pdf = mvc.perform(get("/casework/" + id + "/documents/decision.pdf").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String decisionNo = ((CaseStage.Decided) decided.stage()).decision().decisionNo();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "decision.pdf"), pdf);
        String text = pdfText(pdf);
        assertThat(text).contains("行政处罚决定书", decisionNo, "北京市东城区市场监督管理局", "北京某某数码有限公司",
                "六十日内", "罚款二十万元");
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("NotoSerifCJK");
        // the elements the format requires: officers by name and certificate, where to seek review, how to pay
        assertThat(text).contains("不予采纳", "裁量理由：首次违法", "主体资格证照名称：《营业执照》", "执法证号" + filing.officers().get(0).certificateNo(), "测试用户cw.c1", "人民政府申请行政复议", "人民法院", "电子支付系统",
                "罚款200000元", "国家企业信用信息公示系统");
        // fixed when decided: the bytes served are the bytes stored, with their SHA-256
        CaseFiles.FixedDocument fixed = cases.fixedDocument(id, "decision").orElseThrow();
        assertThat(pdf).isEqualTo(fixed.content());
        assertThat(fixed.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(pdfText(mvc.perform(get("/casework/" + id + "/documents/notice.pdf").with(user(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))
                .contains("行政处罚告知书", "市监罚告〔2026〕", "五个工作日内");
        mvc.perform(get("/casework/" + id).with(user(officer))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("decision.pdf")));
        step(officer, id, "serve", "on", "2026-10-13", "method", "直接送达");
        step(officer, id, "close", "on", "2026-11-02", "outcome", "当事人已缴纳罚款");
        assertThat(cases.find(id, officer.dataScope()).orElseThrow().stage()).isInstanceOf(CaseStage.Closed.class);
        // the clue is dealt with once its case is closed
        assertThat(clues.find(clueId, officer.dataScope()).orElseThrow().status())
                .isEqualTo(cn.wangjian.platform.clue.ClueStatus.CLOSED);
        assertThat(cases.events(id)).filteredOn(CaseFiles.Event::refused).hasSize(11);
        assertThat(cases.events(id)).filteredOn(e -> !e.refused()).extracting(CaseFiles.Event::step)
                .containsExactly("open", "file", "submit", "legal-review", "serve-notice", "decide", "serve", "close");
        // the timeline reads as sentences with names, not codes
        assertThat(cases.events(id)).filteredOn(e -> !e.refused()).extracting(CaseFiles.Event::sentence)
                .anySatisfy(line -> assertThat(line).contains("测试用户 cw.head 批准立案：立案号 京东市监立〔2026〕",
                        "测试用户 cw.c1（执法证号", "（核查 → 调查取证）").doesNotContain("Verifying"));
        assertThat(cases.events(id)).filteredOn(CaseFiles.Event::refused).extracting(CaseFiles.Event::sentence)
                .anySatisfy(line -> assertThat(line).contains("被拒绝：立案须指定两名以上执法人员").doesNotContain("at least"));
        mvc.perform(get("/casework/" + id).with(user(officer))).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(Matchers.allOf(
                        Matchers.containsString("法制审核通过"), Matchers.not(Matchers.containsString("Investigating")),
                        Matchers.not(Matchers.containsString("serve-notice<")))));

        // another district's officer and another agency's liaison cannot reach it; the attempt is audited
        CurrentUser other = accounts.loadUserByUsername(testUser("cw.xc", "SAMR", "110102", Role.CASE_OFFICER));
        mvc.perform(get("/casework/" + id).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/casework/" + id + "/steps/close").with(user(other)).with(csrf())).andExpect(status().isNotFound());
        assertThat(audit.forEntity("case", Long.toString(id))).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("case.access-refused");
            assertThat(e.actor()).isEqualTo("cw.xc");
        });
        CurrentUser police = accounts.loadUserByUsername(testUser("cw.police", "MPS", "110000", Role.AGENCY_LIAISON));
        mvc.perform(get("/casework/" + id).with(user(police))).andExpect(status().isForbidden());
        // worklists: my cases lists the case for its officers, not for another officer of the bureau
        CurrentUser colleague = accounts.loadUserByUsername(testUser("cw.c3", "SAMR", "110101", Role.CASE_OFFICER));
        mvc.perform(get("/casework?mine=true").with(user(officer))).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString(filed.caseNo())));
        mvc.perform(get("/casework?mine=true").with(user(colleague))).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.not(Matchers.containsString(filed.caseNo()))));
        mvc.perform(get("/clues?mine=true").with(user(officer))).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("商品标题使用绝对化用语")));
        // the city bureau above sees its district's case
        CurrentUser city = accounts.loadUserByUsername(testUser("cw.bj", "SAMR", "110000", Role.CASE_OFFICER));
        mvc.perform(get("/casework/" + id).with(user(city))).andExpect(status().isOk());
        // … reads it, but acts in the district's name on nothing: no step, no typical mark, no assistance request
        mvc.perform(post("/casework/" + id + "/steps/close").with(user(city)).with(csrf()).param("on", "2026-11-02")
                        .param("outcome", "x"))
                .andExpect(flash().attribute("error", Matchers.containsString("只有办理本案的本局人员")));
        mvc.perform(post("/casework/" + id + "/typical").with(user(city)).with(csrf()).param("typical", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("本局执法人员或负责人")));
        mvc.perform(post("/casework/" + id + "/assistance").with(user(city)).with(csrf()).param("toAgency", "SAMR")
                        .param("toRegion", "110102").param("request", "核查").param("workingDays", "10"))
                .andExpect(flash().attribute("error", Matchers.containsString("只有本案的办案人员或本局负责人")));
    }

    static String pdfText(byte[] pdf) throws Exception {
        var reader = new com.lowagie.text.pdf.PdfReader(pdf);
        StringBuilder b = new StringBuilder();
        var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            b.append(extractor.getTextFromPage(i));
        }
        return b.toString().replaceAll("\\s+", "");
    }

    @Test
    void a_suspected_crime_is_transferred_to_the_police_and_may_come_back() throws Exception {
        Bureau b = bureau("cw", "110101");
        CurrentUser officer = b.officer();
        long clueId = clues.register(new NewClue("大量销售假冒商品", ClueSource.MONITORING, "某贸易公司", null, "涉嫌犯罪"),
                officer).id();
        long id = cases.open(clueId, java.time.LocalDate.of(2026, 6, 1), officer).id();
        step(b.head(), id, "file", "on", "2026-06-02", "officers", b.officers());
        step(officer, id, "propose-transfer", "on", "2026-06-10", "offence", "销售假冒注册商标的商品罪，涉案金额约三十万元");
        assertThat(cases.find(id, officer.dataScope()).orElseThrow().dueOn()).isEqualTo("2026-06-13");
        step(b.head(), id, "approve-transfer", "on", "2026-06-11");
        mvc.perform(post("/casework/" + id + "/steps/transfer").with(user(officer)).with(csrf()).param("on", "2026-06-11"))
                .andExpect(flash().attribute("error", Matchers.containsString("回执")));
        step(officer, id, "transfer", "on", "2026-06-11", "receipt", "京公（经）受字〔2026〕18号");
        assertThat(cases.find(id, officer.dataScope()).orElseThrow().stage())
                .isInstanceOf(CaseStage.TransferredToPolice.class);
        step(officer, id, "police-returned");

        // joint investigation: another region's bureau answers an assistance request; it sees the request, not the case
        CurrentUser shanghai = accounts.loadUserByUsername(testUser("cw.sh", "SAMR", "310000", Role.CASE_OFFICER));
        mvc.perform(post("/casework/" + id + "/assistance").with(user(officer)).with(csrf()).param("toAgency", "SAMR")
                        .param("toRegion", "310000").param("request", "核查上海某仓库的发货记录").param("workingDays", "10"))
                .andExpect(flash().attribute("message", Matchers.containsString("回复期限")));
        var incoming = assistance.incoming(shanghai);
        assertThat(incoming).anySatisfy(r -> assertThat(r.caseId()).isEqualTo(id));
        long rid = incoming.stream().filter(r -> r.caseId() == id).findFirst().orElseThrow().id();
        assertThat(incoming.stream().filter(r -> r.id() == rid).findFirst().orElseThrow().dueOn())
                .isEqualTo(cn.wangjian.engine.calendar.WorkingDayCalendar.builtIn().deadline(clock.today(), 10).date());
        mvc.perform(get("/casework/" + id).with(user(shanghai))).andExpect(status().isNotFound());
        assertThatThrownBy(() -> assistance.answer(rid, false, "x", officer)).isInstanceOf(NoSuchElementException.class);
        mvc.perform(post("/casework/assistance/" + rid + "/answer").with(user(shanghai)).with(csrf())
                .param("response", "发货记录 12 份，已随函附送")).andExpect(flash().attribute("message", "已回复"));
        assertThat(assistance.ofCase(id).get(0).status()).isEqualTo("ANSWERED");
        assertThat(assistance.ofCase(id).get(0).answeredBy()).isEqualTo("cw.sh");
        assertThat(cases.find(id, officer.dataScope()).orElseThrow().stage()).isInstanceOf(CaseStage.Investigating.class);
    }

    @Test
    void a_deadline_in_a_year_without_holiday_data_is_provisional() throws Exception {
        clock.fixAt(java.time.LocalDateTime.of(2026, 12, 21, 10, 0));          // received today, not in the future
        CurrentUser officer = bureau("cw", "110101").officer();
        long clueId = clues.register(new NewClue("年底线索", ClueSource.REPORT, "某公司", null, "举报"), officer).id();
        CaseFiles.CaseView c = cases.open(clueId, java.time.LocalDate.of(2026, 12, 21), officer);
        // 15 working days: 22–25, 28–31 Dec 2026 (8, on the 2026 calendar), then 2027 provisionally (weekends and
        // 元旦 off): 4–8, 11, 12 Jan
        assertThat(c.dueOn()).isEqualTo("2027-01-12");
        assertThat(c.dueProvisional()).isTrue();
        assertThat(c.dueNote()).contains("暂定", "2027");
        // an open case due within three days shows on the officer's dashboard
        long soon = clues.register(new NewClue("近期线索", ClueSource.REPORT, "临期公司", null, "举报"), officer).id();
        cases.open(soon, cases.today().minusDays(30), officer);
        mvc.perform(get("/").with(user(officer))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("临期公司")));
        mvc.perform(get("/casework").with(user(officer))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("2027")));
    }
}
