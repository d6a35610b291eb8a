package cn.wangjian.platform.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A decided case is published on both clocks (across the 2026 National Day holiday, on the stored calendar), with
 * personal data redacted, found by the public query while published, withdrawn when the decision is revoked; what is
 * not published never shows publicly.
 */
class PublicationTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;
    @Autowired
    Publications publications;

    CurrentUser officer;
    Bureau b;
    CurrentUser credit;

    static String code(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static final String BEIJING = code("91110105MA0PUB001");
    static final String SHANGHAI = code("91310115MA0PUB002");

    @BeforeEach
    void users() {
        b = bureau("pub", "110105");
        officer = b.officer();
        credit = accounts.loadUserByUsername(testUser("pub.credit", "SAMR", "110000", Role.CREDIT_OFFICER));
    }

    /** A case of the Chaoyang bureau decided on Tuesday 29 September 2026. */
    private long decide(String party, String code, String facts, Map<String, String> sanction) {
        long clue = clues.register(new NewClue("网店违法", ClueSource.MONITORING, party, code, "监测发现"), officer).id();
        long id = cases.open(clue, LocalDate.of(2026, 9, 1), officer).id();
        cases.step(id, "file", Map.of("on", "2026-09-02", "officers", b.officers()), b.actorOf("file"));
        cases.step(id, "submit", Map.of("findings", facts), b.actorOf("submit"));
        cases.step(id, "legal-review", Map.of("on", "2026-09-14", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
        cases.step(id, "serve-notice", Map.of("on", "2026-09-14", "proposedPenalty", "拟罚款", "hearingRight", "false"),
                b.actorOf("serve-notice"));
        Map<String, String> p = new HashMap<>(sanction);
        p.put("on", "2026-09-29");
        p.putIfAbsent("legalBasis", "《中华人民共和国广告法》第五十七条");
        p.putIfAbsent("violationType", "ILLEGAL_ADVERTISING");
        cases.step(id, "decide", p, b.actorOf("decide"));
        return id;
    }

    private List<Publications.Publication> of(long caseId) {
        return publications.list(cn.wangjian.platform.identity.DataScope.everything(), 1000).stream()
                .filter(p -> Long.valueOf(caseId).equals(p.record().caseId())).toList();
    }

    private static Publications.Publication channel(List<Publications.Publication> ps, Channel c) {
        return ps.stream().filter(p -> p.channel() == c).findFirst().orElseThrow();
    }

    @Test
    void a_decision_is_published_on_both_clocks_redacted_found_publicly_and_withdrawn_when_revoked() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 9, 29, 16, 0));
        long id = decide("北京公示测试商贸有限公司", BEIJING,
                "当事人在网店首页使用“国家级产品”字样，客服电话13800138000，负责人身份证号110101199003071234",
                Map.of("kind.FINE", "on", "fineYuan", "50000", "penalty", "罚款人民币伍万元"));
        List<Publications.Publication> ps = of(id);
        // Credit China: 7 working days over National Day (1–7 Oct off, Saturday 10 Oct worked) → 14 Oct
        assertThat(channel(ps, Channel.CREDIT_CHINA).dueOn()).isEqualTo("2026-10-14");
        // gsxt, party registered in Beijing: 20 working days → 2 Nov
        assertThat(channel(ps, Channel.GSXT).dueOn()).isEqualTo("2026-11-02");
        assertThat(ps).allSatisfy(p -> assertThat(p.state()).isEqualTo(PublicationState.PENDING));

        // the worklist: due within 2 working days on 13 Oct, overdue on 15 Oct
        clock.fixAt(LocalDateTime.of(2026, 10, 13, 9, 0));
        long cc = channel(ps, Channel.CREDIT_CHINA).id();
        mvc.perform(get("/publicity").with(user(credit))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-due=\"soon\"")));
        clock.fixAt(LocalDateTime.of(2026, 10, 15, 9, 0));
        mvc.perform(get("/publicity").with(user(credit)))
                .andExpect(content().string(Matchers.containsString("data-due=\"overdue\"")));

        // the preview masks the phone and the ID number; rewording and unmasked personal data are refused
        Publications.Publication preview = publications.preview(cc, credit.dataScope());
        assertThat(preview.publicFacts()).doesNotContain("13800138000", "110101199003071234").contains("***********");
        assertThatThrownBy(() -> publications.publish(cc, preview.publicParty(), preview.publicFacts(), "罚款五万元", credit))
                .isInstanceOf(PublicationRefusedException.class).hasMessageContaining("只能以 * 遮盖");
        assertThatThrownBy(() -> publications.publish(cc, preview.publicParty(), preview.record().facts(),
                preview.publicContent(), credit)).hasMessageContaining("身份证号");
        // an unpublished record is not on the public page
        mvc.perform(get("/public/credit").param("q", "北京公示测试商贸"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("no-results")));
        Publications.Publication published = publications.publish(cc, preview.publicParty(), preview.publicFacts(),
                preview.publicContent(), credit);
        assertThat(published.state()).isEqualTo(PublicationState.PUBLISHED);
        assertThat(published.displayUntil()).isEqualTo("2029-10-15");           // 3 years
        assertThat(publications.events(cc)).anySatisfy(e -> assertThat(e.note()).contains("逾期 1 个工作日"));

        // the public query, without login, by name and by code: the redacted text only
        mvc.perform(get("/public/credit").param("q", "北京公示测试商贸")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("public-record"),
                        Matchers.containsString("国家级产品"), Matchers.not(Matchers.containsString("13800138000")),
                        Matchers.not(Matchers.containsString("110101199003071234")))));
        mvc.perform(get("/public/credit").param("q", BEIJING))
                .andExpect(content().string(Matchers.containsString("罚款人民币伍万元")));
        // the Credit China export: 万元 with six decimals, the standard's columns
        mvc.perform(get("/api/publicity/exports/credit-china.csv").with(user(credit))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("行政相对人名称,行政相对人类别"),
                        Matchers.containsString("5.000000"), Matchers.containsString("2026/09/29"))));

        byte[] xlsx = mvc.perform(get("/api/publicity/exports/credit-china.xlsx").with(user(credit)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行政相对人名称");
            assertThat(sheet.getRow(0).getLastCellNum()).isEqualTo((short) 30);
            boolean found = false;
            for (var row : sheet) {
                found |= row.getCell(13).getStringCellValue().equals(published.record().decisionNo())
                        && row.getCell(19).getStringCellValue().equals("5.000000");
            }
            assertThat(found).isTrue();
        }

        // revoked by reconsideration on 20 October: the published record is withdrawn, the pending one cancelled
        clock.fixAt(java.time.LocalDateTime.of(2026, 10, 20, 10, 0));
        cases.step(id, "revoke", Map.of("on", "2026-10-20", "reason", "京政复〔2026〕88号行政复议决定撤销"), b.actorOf("revoke"));
        ps = of(id);
        assertThat(channel(ps, Channel.CREDIT_CHINA).state()).isEqualTo(PublicationState.WITHDRAWN);
        assertThat(channel(ps, Channel.CREDIT_CHINA).withdrawReason()).contains("京政复");
        assertThat(channel(ps, Channel.GSXT).state()).isEqualTo(PublicationState.CANCELLED);
        mvc.perform(get("/public/credit").param("q", "北京公示测试商贸"))
                .andExpect(content().string(Matchers.containsString("no-results")));
    }

    @Test
    void a_warning_alone_is_not_published_and_another_provinces_party_is_pushed_there() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 9, 29, 16, 0));
        long warned = decide("警告测试公司", code("91110105MA0PUB003"), "首次轻微违法",
                Map.of("kind.WARNING", "on", "penalty", "警告"));
        assertThat(of(warned)).isEmpty();
        assertThat(publications.recordsOf(code("91110105MA0PUB003"), officer.dataScope()))
                .singleElement().satisfies(r -> assertThat(r.notPublished()).contains("警告"));

        long id = decide("上海异地公示测试有限公司", SHANGHAI, "虚构原价",
                Map.of("kind.FINE", "on", "fineYuan", "8000.50", "penalty", "罚款人民币捌仟元伍角",
                        "violationType", "PRICE_FRAUD", "legalBasis", "《明码标价和禁止价格欺诈规定》第十九条"));
        Publications.Publication gsxt = channel(of(id), Channel.GSXT);
        // registered in Shanghai: pushed within 10 working days → 19 Oct
        assertThat(gsxt.dueOn()).isEqualTo("2026-10-19");
        assertThatThrownBy(() -> publications.publish(gsxt.id(), "上海异地公示测试有限公司", "虚构原价", "罚款人民币捌仟元伍角",
                credit)).hasMessageContaining("先推送");
        clock.fixAt(LocalDateTime.of(2026, 10, 12, 9, 0));
        publications.push(gsxt.id(), credit);
        // the Shanghai bureau now holds it, due 10 working days after receipt; Beijing no longer sees it
        CurrentUser shanghai = accounts.loadUserByUsername(testUser("pub.sh", "SAMR", "310000", Role.CREDIT_OFFICER));
        assertThat(publications.find(gsxt.id(), credit.dataScope())).isEmpty();
        Publications.Publication pushed = publications.find(gsxt.id(), shanghai.dataScope()).orElseThrow();
        assertThat(pushed.state()).isEqualTo(PublicationState.PUSHED);
        assertThat(pushed.dueOn()).isEqualTo("2026-10-26");
        Publications.Publication p = publications.preview(gsxt.id(), shanghai.dataScope());
        assertThat(publications.publish(gsxt.id(), p.publicParty(), p.publicFacts(), p.publicContent(), shanghai).state())
                .isEqualTo(PublicationState.PUBLISHED);
        mvc.perform(get("/public/credit").param("q", "上海异地公示测试")).andExpect(content().string(
                Matchers.containsString("国家企业信用信息公示系统")));
    }

    @Test
    void a_revocation_after_the_display_period_is_still_recorded_and_says_so() {
        clock.fixAt(LocalDateTime.of(2026, 9, 29, 16, 0));
        long id = decide("北京期满撤回测试有限公司", code("91110105MA0PUB004"), "通报批评事项",
                Map.of("kind.CRITICISM", "on", "penalty", "通报批评"));
        Publications.Publication cc = channel(of(id), Channel.CREDIT_CHINA);
        Publications.Publication p = publications.preview(cc.id(), credit.dataScope());
        // 通报批评 alone: shown for 3 months
        assertThat(publications.publish(cc.id(), p.publicParty(), p.publicFacts(), p.publicContent(), credit)
                .displayUntil()).isEqualTo("2026-12-29");
        clock.fixAt(LocalDateTime.of(2027, 3, 1, 9, 0));
        cases.step(id, "revoke", Map.of("on", "2027-03-01", "reason", "行政诉讼判决撤销"), b.actorOf("revoke"));
        assertThat(channel(of(id), Channel.CREDIT_CHINA).state()).isEqualTo(PublicationState.WITHDRAWN);
        assertThat(publications.events(cc.id())).anySatisfy(e -> assertThat(e.note()).contains("公示期已于 2026-12-29 届满"));
    }

    @Test
    void the_public_query_needs_no_login_limits_each_address_and_shows_nothing_for_a_short_query() throws Exception {
        mvc.perform(get("/public/credit")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("public-search")));
        mvc.perform(get("/public/credit").param("q", "北")).andExpect(content().string(
                Matchers.containsString("至少两个字")));
        for (int i = 0; i < cn.wangjian.platform.credit.PublicCreditController.PER_MINUTE; i++) {
            mvc.perform(get("/public/credit").param("q", "任意").with(r -> {
                r.setRemoteAddr("203.0.113.9");
                return r;
            })).andExpect(status().isOk());
        }
        mvc.perform(get("/public/credit").param("q", "任意").with(r -> {
            r.setRemoteAddr("203.0.113.9");
            return r;
        })).andExpect(status().isTooManyRequests());
        // the worklist needs a login
        mvc.perform(get("/publicity")).andExpect(status().is3xxRedirection());
    }
}
