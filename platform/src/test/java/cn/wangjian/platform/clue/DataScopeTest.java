package cn.wangjian.platform.clue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A district-A officer must not reach a district-B record by its id, through the pages or the API; the region
 * subtree above both sees both; another agency sees neither until a record is shared with it.
 */
class DataScopeTest extends PlatformTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClueRegister clues;

    long dongchengClue;
    long xichengClue;

    @BeforeEach
    void clues() {
        testUser("scope.dc", "SAMR", "110101", Role.CASE_OFFICER);
        testUser("scope.xc", "SAMR", "110102", Role.CASE_OFFICER);
        testUser("scope.bj", "SAMR", "110000", Role.MONITORING_OFFICER);
        testUser("scope.sh", "SAMR", "310000", Role.MONITORING_OFFICER);
        testUser("scope.police", "MPS", "110000", Role.AGENCY_LIAISON);
        testUser("scope.platform", null, "110000", Role.PLATFORM_COMPLIANCE);
        dongchengClue = register("scope.dc", "东城区的线索");
        xichengClue = register("scope.xc", "西城区的线索");
    }

    private long register(String username, String title) {
        var clue = new NewClue(title, ClueSource.REPORT, "某某公司", null, "测试内容");
        return clues.register(clue, accounts.loadUserByUsername(username)).id();
    }

    private TestRestTemplate as(String username) {
        return withToken(username);
    }

    @Test
    void api_refuses_a_record_of_another_district_by_id() {
        ResponseEntity<String> own = as("scope.dc").getForEntity("/api/clues/" + dongchengClue, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains("东城区的线索");

        ResponseEntity<String> other = as("scope.dc").getForEntity("/api/clues/" + xichengClue, String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(other.getBody()).doesNotContain("西城区的线索");
    }

    @Test
    void ui_refuses_a_record_of_another_district_by_id() throws Exception {
        var dc = accounts.loadUserByUsername("scope.dc");
        mvc.perform(get("/clues/" + dongchengClue).with(user(dc)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("东城区的线索")));
        mvc.perform(get("/clues/" + xichengClue).with(user(dc)))
                .andExpect(status().isNotFound());
    }

    @Test
    void ui_refusal_is_the_chinese_404_page_for_a_real_browser_session() {
        // through the real server, with form login and its session cookie
        var session = new FormLogin(rest, "scope.dc", PASSWORD);
        ResponseEntity<String> page = session.get("/clues/" + xichengClue);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("页面不存在").doesNotContain("西城区的线索");
    }

    @Test
    void lists_hold_only_the_records_in_scope() {
        String dcList = as("scope.dc").getForObject("/api/clues?limit=1000", String.class);
        assertThat(dcList).contains("东城区的线索").doesNotContain("西城区的线索");

        String bjList = as("scope.bj").getForObject("/api/clues?limit=1000", String.class);
        assertThat(bjList).contains("东城区的线索", "西城区的线索");

        String shList = as("scope.sh").getForObject("/api/clues?limit=1000", String.class);
        assertThat(shList).doesNotContain("东城区的线索", "西城区的线索");
    }

    @Test
    void the_parent_region_sees_both_districts() {
        assertThat(as("scope.bj").getForEntity("/api/clues/" + xichengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("scope.bj").getForEntity("/api/clues/" + dongchengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void another_agency_sees_a_record_only_once_it_is_shared_with_it() {
        assertThat(as("scope.police").getForEntity("/api/clues/" + dongchengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> shared = as("scope.dc").postForEntity("/api/clues/" + dongchengClue + "/shares",
                Map.of("agencyCode", "MPS", "regionCode", "110000"), String.class);
        assertThat(shared.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(as("scope.police").getForEntity("/api/clues/" + dongchengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("scope.police").getForEntity("/api/clues/" + xichengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void an_officer_cannot_share_a_record_outside_their_scope() {
        ResponseEntity<String> attempt = as("scope.dc").postForEntity("/api/clues/" + xichengClue + "/shares",
                Map.of("agencyCode", "SAMR", "regionCode", "110101"), String.class);
        assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("scope.dc").getForEntity("/api/clues/" + xichengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_role_without_access_gets_403() throws Exception {
        assertThat(as("scope.platform").getForEntity("/api/clues/" + dongchengClue, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        mvc.perform(get("/clues").with(user(accounts.loadUserByUsername("scope.platform"))))
                .andExpect(status().isForbidden());
        // a liaison may read but not share
        mvc.perform(post("/clues/" + dongchengClue + "/shares").with(csrf())
                        .with(user(accounts.loadUserByUsername("scope.police")))
                        .param("agencyCode", "MPS").param("regionCode", "110000"))
                .andExpect(status().isForbidden());
    }

    @Test
    void registering_and_sharing_are_audited() {
        var entries = as("scope.dc").getForEntity("/api/clues/" + dongchengClue, String.class);
        assertThat(entries.getStatusCode()).isEqualTo(HttpStatus.OK);
        var log = auditFor(dongchengClue);
        assertThat(log).anySatisfy(e -> assertThat(e.action()).isEqualTo("clue.registered"));
    }

    @Autowired
    cn.wangjian.platform.audit.AuditLog audit;

    private java.util.List<cn.wangjian.platform.audit.AuditEntry> auditFor(long id) {
        return audit.forEntity("clue", Long.toString(id));
    }
}
