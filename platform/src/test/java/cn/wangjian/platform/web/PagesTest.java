package cn.wangjian.platform.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class PagesTest extends PlatformTest {

    @Autowired
    MockMvc mvc;

    CurrentUser officer;
    CurrentUser admin;

    @BeforeEach
    void users() {
        officer = accounts.loadUserByUsername(testUser("pages.officer", "SAMR", "440300", Role.CASE_OFFICER));
        admin = accounts.loadUserByUsername(testUser("pages.admin", "SAMR", "000000", Role.ADMIN));
    }

    @Test
    void the_dashboard_shows_every_area_in_the_navigation() throws Exception {
        mvc.perform(get("/").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("工作台"), containsString("主体库"),
                        containsString("网络监测"), containsString("电子证据"), containsString("线索"),
                        containsString("案件办理"), containsString("信用监管"), containsString("抽查检查"),
                        containsString("专项行动"), containsString("统计报表"), containsString("信息公示"),
                        containsString("公众服务"), containsString("深圳市"))))
                // administration is not offered to an officer
                .andExpect(content().string(not(containsString("审计日志"))));
    }

    @Test
    void the_former_placeholders_lead_to_what_was_built() throws Exception {
        // every area is built now: the public side's officers' page is the last former placeholder
        mvc.perform(get("/portal").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("建设中"))));
        // the campaign's field records and reports were built: their old addresses lead there
        mvc.perform(get("/inspection").with(user(officer))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/report").with(user(officer))).andExpect(status().is3xxRedirection());
    }

    @Test
    void an_unknown_page_is_the_chinese_404() throws Exception {
        mvc.perform(get("/no/such/page").with(user(officer)).accept("text/html"))
                .andExpect(status().isNotFound());
    }

    @Test
    void an_unknown_page_renders_the_chinese_404_through_the_real_server() {
        var page = new cn.wangjian.platform.FormLogin(rest, "pages.officer", PASSWORD).get("/no/such/page");
        org.assertj.core.api.Assertions.assertThat(page.getStatusCode().value()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.getBody()).contains("404", "页面不存在", "返回工作台");
    }

    @Test
    void administration_pages_are_forbidden_to_officers() throws Exception {
        mvc.perform(get("/audit").with(user(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/identity/users").with(user(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("user.created")));
        mvc.perform(post("/audit/verify").with(user(admin)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("审计链完整")));
    }

    @Test
    void registering_a_clue_through_the_form_redirects_to_it_and_escapes_hostile_text() throws Exception {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var result = mvc.perform(post("/clues").with(user(officer)).with(csrf())
                        .param("title", "表单登记 " + hostile).param("source", "COMPLAINT")
                        .param("subjectName", "某公司").param("subjectCreditCode", "")
                        .param("description", hostile))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/clues/")))
                .andReturn();
        String location = result.getResponse().getHeader("Location");
        mvc.perform(get(location).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                        not(containsString("<script>alert")), not(containsString("<img src=x")))));
    }

    @Test
    void form_errors_are_shown_next_to_the_fields() throws Exception {
        mvc.perform(post("/clues").with(user(officer)).with(csrf())
                        .param("title", "").param("source", "COMPLAINT").param("subjectName", "某公司")
                        .param("subjectCreditCode", "123").param("description", "内容"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("线索标题不能为空"), containsString("18位"))));
    }
}
