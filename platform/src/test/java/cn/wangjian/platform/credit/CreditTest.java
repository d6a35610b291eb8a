package cn.wangjian.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.engine.registry.UnifiedSocialCreditCode;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.casework.CaseFiles;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Credit lists and joint punishment: a decided case's party is listed with the approval of the level above, the
 * listing is pushed to a subscriber that fails its first three calls and receives it exactly once, signed; records
 * of three agencies gather in the subject's credit file; expiry and credit repair remove the listing.
 */
class CreditTest extends PlatformTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseFiles cases;
    @Autowired
    ClueRegister clues;
    @Autowired
    CreditLists lists;
    @Autowired
    CreditRepairs repairs;
    @Autowired
    JointPunishment joint;
    @Autowired
    CreditFiles files;

    static String code(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private long decidedCase(CurrentUser officer, String party, String code, String violationType) {
        Bureau b = bureau("cr", "110105");
        long clue = clues.register(new NewClue("刷单炒信", ClueSource.MONITORING, party, code, "大数据监测"), officer).id();
        long id = cases.open(clue, LocalDate.of(2026, 9, 1), officer).id();
        cases.step(id, "file", Map.of("on", "2026-09-02", "officers", b.officers()), b.actorOf("file"));
        cases.step(id, "submit", Map.of("findings", "组织虚假交易 1200 单"), b.actorOf("submit"));
        cases.step(id, "legal-review", Map.of("on", "2026-09-14", "opinion", "事实清楚，证据确凿，适用依据正确，程序合法"), b.reviewer());
        cases.step(id, "serve-notice", Map.of("on", "2026-09-14", "proposedPenalty", "罚款", "hearingRight", "false"),
                b.actorOf("serve-notice"));
        Map<String, String> p = new HashMap<>(Map.of("on", "2026-09-29", "violationType", violationType, "kind.FINE", "on",
                "fineYuan", "300000", "penalty", "罚款人民币叁拾万元", "legalBasis", "《中华人民共和国反不正当竞争法》第二十条"));
        cases.step(id, "decide", p, b.actorOf("decide"));
        return id;
    }

    @Test
    void a_listing_approved_above_is_pushed_exactly_once_to_a_subscriber_that_fails_three_times() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 10, 9, 10, 0));
        Bureau b = bureau("cr", "110105");
        CurrentUser officer = b.officer();
        CurrentUser district = accounts.loadUserByUsername(testUser("cr.district", "SAMR", "110105", Role.CREDIT_OFFICER));
        CurrentUser city = accounts.loadUserByUsername(testUser("cr.city", "SAMR", "110000", Role.CREDIT_OFFICER));
        CurrentUser admin = accounts.loadUserByUsername(testUser("cr.admin", "SAMR", "000000", Role.ADMIN));
        String party = code("91110105MA0CRD001");

        // a department's webhook on loopback: the first three calls fail
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        String[] secret = new String[1];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            int status = n <= 3 ? 500 : 200;
            if (status == 200) {
                String expected = "sha256=" + JointPunishment.sign(secret[0], new String(body, StandardCharsets.UTF_8));
                if (!expected.equals(ex.getRequestHeaders().getFirst("X-Wangjian-Signature"))) {
                    badSignatures.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
                }
                received.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        try {
            JointPunishment.Registered sub = joint.subscribe("NDRC", "发展改革委信用平台",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                    EnumSet.of(ListKind.SERIOUS_VIOLATION), admin.getUsername());
            secret[0] = sub.secret();

            long caseId = decidedCase(officer, "北京刷单测试科技有限公司", party, "ORDER_BRUSHING");
            mvc.perform(post("/credit/lists/propose").with(user(officer)).with(csrf()).param("caseId", Long.toString(caseId))
                    .param("kind", "SERIOUS_VIOLATION").param("reason", "组织刷单 1200 单，情节严重"))
                    .andExpect(status().is3xxRedirection());
            CreditLists.Entry proposed = lists.proposals(city).stream().filter(e -> e.creditCode().equals(party))
                    .findFirst().orElseThrow();
            // the district's own credit officer may not approve a serious-violation listing: the level above does
            assertThatThrownBy(() -> lists.decide(proposed.id(), true, null, district)).hasMessageContaining("上一级");
            CreditLists.Entry listed = lists.decide(proposed.id(), true, "同意", city);
            assertThat(listed.state()).isEqualTo(ListState.LISTED);
            assertThat(listed.expiresOn()).isEqualTo("2029-10-09");
            mvc.perform(get("/api/credit/" + party + "/restrictions").with(user(officer))).andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].measure.code", Matchers.hasItems("PROCUREMENT", "KEY_SUPERVISION")));

            // pushed: fails three times with growing waits, then delivered once
            for (int minute = 0; minute < 60 && received.isEmpty(); minute++) {
                joint.deliverDue();
                clock.fixAt(LocalDateTime.of(2026, 10, 9, 10, 0).plusMinutes(minute + 1));
            }
            assertThat(calls.get()).isEqualTo(4);
            assertThat(received).hasSize(1);
            assertThat(joint.deliverDue()).isZero();                              // nothing due any more
            assertThat(joint.deliveries(sub.subscriber().id())).singleElement()
                    .satisfies(d -> assertThat(d.attempts()).isEqualTo(4));

            // expiry after three years removes it and pushes the removal
            clock.fixAt(LocalDateTime.of(2029, 10, 10, 9, 0));
            lists.removeExpired();
            assertThat(lists.find(listed.id()).orElseThrow().state()).isEqualTo(ListState.REMOVED);
            assertThat(files.restrictions(party)).isEmpty();
            joint.deliverDue();
            assertThat(received).hasSize(2).doesNotHaveDuplicates();
            assertThat(badSignatures).isEmpty();
            // a department that pulls sees both events
            CurrentUser liaison = accounts.loadUserByUsername(testUser("cr.ndrc", "NDRC", "000000", Role.AGENCY_LIAISON));
            mvc.perform(get("/api/credit/feed").with(user(liaison)).param("subscriber", Long.toString(sub.subscriber().id())))
                    .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.entryId == " + listed.id() + ")].kind",
                            Matchers.contains("LISTED", "REMOVED")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_credit_file_gathers_three_agencies_and_imports_are_idempotent_and_checked() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 10, 9, 10, 0));
        Bureau b = bureau("cr", "110105");
        CurrentUser officer = b.officer();
        String party = code("91110105MA0CRD002");
        decidedCase(officer, "北京三部门测试有限公司", party, "FALSE_ADVERTISING");
        CurrentUser cac = accounts.loadUserByUsername(testUser("cr.cac", "CAC", "110000", Role.AGENCY_LIAISON));
        CurrentUser miit = accounts.loadUserByUsername(testUser("cr.miit", "MIIT", "110000", Role.AGENCY_LIAISON));
        String cacRecord = """
                [{"CF_WSH":"京网信罚〔2026〕7号","CF_XDR_MC":"北京三部门测试有限公司","CF_XDR_LB":"法人及非法人组织",
                  "CF_XDR_SHXYM":"%s","CF_WFXW":"发布违法违规信息","CF_SY":"在网站发布虚假信息","CF_YJ":"《网络安全法》第六十八条",
                  "CF_CFLB":"警告;罚款","CF_NR":"警告，罚款十万元","CF_NR_FK":"10","CF_JDRQ":"2026/08/01","CF_CFJG":"北京市互联网信息办公室"}]
                """.formatted(party);
        for (int i = 0; i < 2; i++) {                                        // the same record twice: held once
            mvc.perform(post("/api/credit/penalties").with(user(cac)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content(cacRecord)).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(i == 0 ? 1 : 0));
        }
        mvc.perform(post("/api/credit/penalties").with(user(miit)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(cacRecord.replace("京网信罚〔2026〕7号", "京通信罚〔2026〕3号").replace("北京市互联网信息办公室", "北京市通信管理局")))
                .andExpect(status().isOk());
        // a bad record: the credit code's check character and a kind that is not in the code list, nothing stored
        mvc.perform(post("/api/credit/penalties").with(user(miit)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(cacRecord.replace("京网信罚〔2026〕7号", "京通信罚〔2026〕4号").replace(party, party.substring(0, 17)
                        + (party.charAt(17) == '0' ? '1' : '0')).replace("警告;罚款", "警告;罚钱")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail", Matchers.allOf(Matchers.containsString("第 1 条"),
                        Matchers.containsString("校验位"), Matchers.containsString("罚钱"))));
        // the same agency's records as CSV with the exchange codes as header (GB18030 here)
        String csv = "CF_WSH,CF_XDR_MC,CF_XDR_LB,CF_XDR_SHXYM,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_CFJG\n"
                + "京通信罚〔2026〕5号,北京三部门测试有限公司,法人及非法人组织," + party
                + ",未备案,网站未备案,《非经营性互联网信息服务备案管理办法》第十八条,罚款,罚款一万元,1,2026-08-20,北京市通信管理局\n";
        mvc.perform(post("/api/credit/penalties").with(user(miit)).with(csrf())
                        .contentType(new MediaType("text", "csv")).content(csv.getBytes(java.nio.charset.Charset.forName("GB18030"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
        CreditFiles.CreditFile file = files.of(party, officer);
        assertThat(file.penalties()).hasSize(4);
        assertThat(file.agencies()).isEqualTo(3);
        assertThat(file.penalties()).anySatisfy(p -> assertThat(p.record().fineYuan()).isEqualByComparingTo("100000"))
                .anySatisfy(p -> assertThat(p.record().fineYuan()).isEqualByComparingTo("10000"));
        mvc.perform(get("/credit/" + party).with(user(officer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("来自 <span>3</span> 个部门"),
                        Matchers.containsString("北京市通信管理局"), Matchers.containsString("credit-cases"))));
        // abnormal-operation listings by import, idempotent by document number; the platform compliance user sees no file
        CurrentUser credit = accounts.loadUserByUsername(testUser("cr.city", "SAMR", "110000", Role.CREDIT_OFFICER));
        String abnormal = "[{\"document_no\":\"京朝市监异〔2026〕15号\",\"credit_code\":\"" + party + "\",\"party_name\":"
                + "\"北京三部门测试有限公司\",\"reason\":\"未按期报送年度报告\",\"listed_on\":\"2026-07-01\"}]";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/credit/lists/abnormal-operation").with(user(credit)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(abnormal))
                    .andExpect(jsonPath("$.added").value(i == 0 ? 1 : 0));
        }
        assertThat(lists.inForce(party)).extracting(CreditLists.Entry::kind).containsExactly(ListKind.ABNORMAL_OPERATION);
        // the public query by code shows the listing in force
        mvc.perform(get("/public/credit").param("q", party)).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("public-listing"), Matchers.containsString("未按期报送年度报告"))));
        CurrentUser platform = accounts.loadUserByUsername(testUser("cr.platform", null, "110000", Role.PLATFORM_COMPLIANCE));
        mvc.perform(get("/credit/" + party).with(user(platform))).andExpect(status().isForbidden());
    }

    @Test
    void credit_repair_after_a_year_checks_the_conditions_and_removes_the_listing() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 10, 9, 10, 0));
        Bureau b = bureau("cr", "110105");
        CurrentUser officer = b.officer();
        CurrentUser city = accounts.loadUserByUsername(testUser("cr.city", "SAMR", "110000", Role.CREDIT_OFFICER));
        String party = code("91110105MA0CRD003");
        long caseId = decidedCase(officer, "北京修复测试有限公司", party, "FAKE_REVIEWS");
        CreditLists.Entry listed = lists.decide(lists.propose(caseId, ListKind.BRUSHING_BLACKLIST, "雇佣水军虚假评价",
                officer).id(), true, null, city);
        assertThat(listed.state()).isEqualTo(ListState.LISTED);
        // after four months, the penalty not yet performed: recorded, conditions shown, not grantable
        clock.fixAt(LocalDateTime.of(2027, 2, 9, 10, 0));
        CreditRepairs.Repair early = repairs.apply(listed.id(), "北京修复测试有限公司", "公开承诺守法经营", city);
        assertThat(early.checks()).anySatisfy(c -> assertThat(c).startsWith("✗ 列入满一年"))
                .anySatisfy(c -> assertThat(c).startsWith("✗ 行政处罚尚未履行"));
        assertThatThrownBy(() -> repairs.decide(early.id(), true, null, city)).hasMessageContaining("条件未全部满足");
        repairs.decide(early.id(), false, "列入未满一年", city);
        // the case served and closed, a year on: granted, removed
        cases.step(caseId, "serve", Map.of("on", "2026-10-10", "method", "直接送达"), b.actorOf("serve"));
        cases.step(caseId, "close", Map.of("on", "2026-11-10", "outcome", "已缴纳罚款"), b.actorOf("close"));
        clock.fixAt(LocalDateTime.of(2027, 10, 12, 10, 0));
        CreditRepairs.Repair r = repairs.apply(listed.id(), "北京修复测试有限公司", "公开承诺守法经营", city);
        assertThat(r.conditionsMet()).as(String.join("\n", r.checks())).isTrue();
        assertThat(r.dueOn()).isAfter(LocalDate.of(2027, 10, 12));
        repairs.decide(r.id(), true, null, city);
        assertThat(lists.find(listed.id()).orElseThrow().state()).isEqualTo(ListState.REMOVED);
        assertThat(lists.find(listed.id()).orElseThrow().removalReason()).contains("信用修复");
    }

    @Test
    void a_publication_is_corrected_and_stopped_early_on_a_granted_repair() throws Exception {
        clock.fixAt(LocalDateTime.of(2026, 10, 9, 10, 0));
        Bureau b = bureau("cr", "110105");
        CurrentUser officer = b.officer();
        CurrentUser city = accounts.loadUserByUsername(testUser("cr.city", "SAMR", "110000", Role.CREDIT_OFFICER));
        String party = code("91110105MA0CRD004");
        long caseId = decidedCase(officer, "北京提前停止测试有限公司", party, "FALSE_ADVERTISING");
        var publications = files.of(party, officer).penalties().get(0).publications();
        var cc = publications.stream().filter(p -> p.channel() == cn.wangjian.platform.publicity.Channel.CREDIT_CHINA)
                .findFirst().orElseThrow();
        cn.wangjian.platform.publicity.Publications pubs = applicationContext.getBean(cn.wangjian.platform.publicity.Publications.class);
        var preview = pubs.preview(cc.id(), city.dataScope());
        pubs.publish(cc.id(), preview.publicParty(), preview.publicFacts(), preview.publicContent(), city);
        // a correction masks one more word; rewording stays refused
        String masked = preview.publicFacts().replace("1200", "****");
        assertThat(pubs.correct(cc.id(), preview.publicParty(), masked, preview.publicContent(), "遮盖交易数量", city)
                .publicFacts()).contains("****");
        assertThatThrownBy(() -> pubs.correct(cc.id(), preview.publicParty(), "另写的事实", preview.publicContent(), "x", city))
                .hasMessageContaining("只能以 * 遮盖");
        // early stop: refused while the case is open, granted once it is closed
        CreditRepairs.Repair open = repairs.applyForPublication(cc.id(), "北京提前停止测试有限公司", "公开承诺", city);
        assertThat(open.checks()).anySatisfy(c -> assertThat(c).startsWith("✗ 行政处罚尚未履行"));
        assertThatThrownBy(() -> repairs.decide(open.id(), true, null, city)).hasMessageContaining("条件未全部满足");
        repairs.decide(open.id(), false, "尚未缴纳罚款", city);
        clock.fixAt(LocalDateTime.of(2026, 11, 10, 10, 0));                 // served and closed on their days
        cases.step(caseId, "serve", Map.of("on", "2026-10-10", "method", "直接送达"), b.actorOf("serve"));
        cases.step(caseId, "close", Map.of("on", "2026-11-10", "outcome", "已缴纳罚款"), b.actorOf("close"));
        clock.fixAt(LocalDateTime.of(2027, 4, 12, 10, 0));
        mvc.perform(get("/public/credit").param("q", party)).andExpect(content().string(Matchers.containsString("public-record")));
        CreditRepairs.Repair r = repairs.applyForPublication(cc.id(), "北京提前停止测试有限公司", "公开承诺", city);
        assertThat(r.conditionsMet()).as(String.join("\n", r.checks())).isTrue();
        repairs.decide(r.id(), true, null, city);
        mvc.perform(get("/public/credit").param("q", party)).andExpect(content().string(Matchers.containsString("no-results")));
        assertThat(pubs.events(cc.id())).anySatisfy(e -> assertThat(e.note()).contains("提前停止公示"));
    }

    @Autowired
    org.springframework.context.ApplicationContext applicationContext;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringTasks monitoringTasks;
    @Autowired
    cn.wangjian.platform.monitoring.MonitoringRunner monitoringRunner;

    @Test
    void the_demo_subjects_credit_file_gathers_records_of_three_agencies() throws Exception {
        CurrentUser officer = bureau("cr", "110105").officer();
        String demo = jdbc.sql("SELECT DISTINCT credit_code FROM penalty_record WHERE decision_no LIKE '%演示%'")
                .query(String.class).single();
        CreditFiles.CreditFile file = files.of(demo, officer);
        assertThat(file.agencies()).isGreaterThanOrEqualTo(3);
        assertThat(file.enterprise()).isPresent();
        assertThat(file.shops()).isNotEmpty();
        assertThat(file.findings()).isNotNull();
        mvc.perform(get("/credit/" + demo).with(user(officer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("北京市互联网信息办公室"),
                        Matchers.containsString("北京市通信管理局"), Matchers.containsString("京网信罚〔2026〕演示1号"))));
    }

    @Test
    void a_listed_subjects_shops_are_monitored_by_the_listing_bureaus_credit_task() {
        clock.fixAt(LocalDateTime.of(2026, 10, 9, 10, 0));
        // a demo-market operator with listings (test reads the registry's tables only to choose one)
        String operator = jdbc.sql("""
                SELECT s.operator_credit_code FROM shop s JOIN listing l ON l.platform_code = s.platform_code
                AND l.shop_id = s.shop_id WHERE s.operator_credit_code IS NOT NULL
                GROUP BY s.operator_credit_code ORDER BY count(*) DESC, s.operator_credit_code LIMIT 1""")
                .query(String.class).single();
        long listingsOfOperator = jdbc.sql("""
                SELECT count(*) FROM listing l JOIN shop s ON s.platform_code = l.platform_code AND s.shop_id = l.shop_id
                WHERE s.operator_credit_code = ?""").param(operator).query(Long.class).single();
        Bureau b = bureau("cr", "110105");
        CurrentUser officer = b.officer();
        CurrentUser city = accounts.loadUserByUsername(testUser("cr.city", "SAMR", "110000", Role.CREDIT_OFFICER));
        long caseId = decidedCase(officer, "演示市场刷单主体", operator, "ORDER_BRUSHING");
        lists.decide(lists.propose(caseId, ListKind.BRUSHING_BLACKLIST, "组织刷单", officer).id(), true, null, city);
        var task = monitoringTasks.list(cn.wangjian.platform.identity.DataScope.everything()).stream()
                .filter(t -> t.kind() == cn.wangjian.platform.monitoring.TaskKind.CREDIT && t.ownerRegion().equals("110105"))
                .findFirst().orElseThrow();
        assertThat(task.schedule()).isEqualTo("0 30 1 * * *");
        var run = monitoringRunner.runNow(task, "MANUAL", "test");
        assertThat(run.status()).isEqualTo("SUCCEEDED");
        assertThat(run.listingsScanned()).isEqualTo(listingsOfOperator).isPositive();
        // the subject's credit file lists the findings on its shops that the reader may see
        long onShops = jdbc.sql("""
                SELECT count(*) FROM finding f JOIN shop s ON s.platform_code = f.platform_code AND s.shop_id = f.shop_id
                WHERE s.operator_credit_code = ? AND f.status <> 'DISMISSED' AND f.owner_agency = 'SAMR'
                AND f.owner_region LIKE '110105%'""").param(operator).query(Long.class).single();
        assertThat(files.of(operator, officer).findings()).hasSize((int) Math.min(onShops, 100));
    }
}
