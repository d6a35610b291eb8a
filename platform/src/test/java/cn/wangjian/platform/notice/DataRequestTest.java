package cn.wangjian.platform.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.clue.ClueRegister;
import cn.wangjian.platform.clue.ClueSource;
import cn.wangjian.platform.clue.NewClue;
import cn.wangjian.platform.evidence.Evidence;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Data requests: the platform named answers with files that are fixed as evidence on the clue; no other platform. */
class DataRequestTest extends PlatformTest {

    @Autowired
    DataRequests requests;
    @Autowired
    ClueRegister clues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private CurrentUser account(String name, String agency, String region, String organisation, Role role) {
        if (accounts.find(name).isEmpty()) {
            accounts.create(new NewAccount(name, "测试用户 " + name, PASSWORD, agency, new RegionCode(region),
                    organisation, Set.of(role)), "test");
        }
        return accounts.loadUserByUsername(name);
    }

    @Test
    void a_request_is_answered_by_its_platform_with_files_fixed_as_evidence_and_by_no_other() throws Exception {
        CurrentUser officer = account("dq.officer", "SAMR", "110105", null, Role.CASE_OFFICER);
        CurrentUser demoMall = account("dq.demo-mall", null, "110000", "demo-mall", Role.PLATFORM_COMPLIANCE);
        String otherCode = jdbc.sql("SELECT code FROM platform WHERE code <> 'demo-mall' ORDER BY code LIMIT 1")
                .query(String.class).single();
        CurrentUser other = account("dq.other", null, "110000", otherCode, Role.PLATFORM_COMPLIANCE);
        long clue = clues.register(new NewClue("刷单线索", ClueSource.MONITORING, "某网店", null, "监测发现"), officer).id();
        assertThatThrownBy(() -> requests.send(new DataRequests.NewRequest("clue", clue, "demo-mall",
                DataRequests.SubjectKind.ORDERS, "O-1, O-2", "《中华人民共和国电子商务法》第二十五条", "订单、支付、物流记录", 0),
                officer)).hasMessageContaining("字段 dueDays");
        assertThatThrownBy(() -> requests.send(new DataRequests.NewRequest("clue", 999_999_999L, "demo-mall",
                DataRequests.SubjectKind.ORDERS, "O-1", "依据", "范围", 7), officer)).hasMessageContaining("no such clue");
        DataRequests.Request r = requests.send(new DataRequests.NewRequest("clue", clue, "demo-mall",
                DataRequests.SubjectKind.ORDERS, "O-1, O-2", "《中华人民共和国电子商务法》第二十五条",
                "2026年11月订单、支付、物流记录", 7), officer);

        // another platform: not in its list, 404 by id for the page and the answer, refused by the service
        assertThat(requests.ofPlatform(other)).noneMatch(x -> x.id() == r.id());
        mvc.perform(get("/platform/requests/" + r.id()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(multipart("/platform/requests/" + r.id() + "/answer")
                .file(new MockMultipartFile("files", "x.csv", "text/csv", "a".getBytes())).with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> requests.answer(r.id(), "x", List.of(new DataRequests.File("x.csv", "a".getBytes())),
                other)).hasMessageContaining("no such request");
        assertThatThrownBy(() -> requests.answer(r.id(), "空", List.of(), demoMall)).hasMessageContaining("字段 files");

        // its platform answers through its page; the file is evidence with its hash, attached to the clue
        byte[] csv = "order_no,paid_at,amount\nO-1,2026-11-11 10:00,99.00\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/platform/requests/" + r.id() + "/answer")
                .file(new MockMultipartFile("files", "orders.csv", "text/csv", csv)).param("note", "按通知提供")
                .with(user(demoMall)).with(csrf())).andExpect(status().is3xxRedirection());
        List<DataRequests.AnswerFile> files = requests.files(r.id());
        assertThat(files).hasSize(1);
        assertThat(files.get(0).sha256()).isEqualTo(Evidence.sha256(csv));
        assertThat(clues.evidence(clue)).extracting(ClueRegister.AttachedEvidence::evidenceSeq)
                .contains(files.get(0).evidenceSeq());
        assertThatThrownBy(() -> requests.answer(r.id(), "再答", List.of(new DataRequests.File("y.csv", csv)), demoMall))
                .hasMessageContaining("already answered");
        assertThat(requests.find(r.id(), officer.dataScope()).orElseThrow().answer().answeredBy())
                .isEqualTo("dq.demo-mall");
        assertThat(page("/notices/requests/" + r.id(), officer)).contains("orders.csv", "已答复");
    }
}
