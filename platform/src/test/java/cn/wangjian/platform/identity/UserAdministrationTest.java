package cn.wangjian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;

class UserAdministrationTest extends PlatformTest {

    @Autowired
    MockMvc mvc;

    @Test
    void an_administrator_creates_a_user_whose_generated_password_is_shown_once_and_works() throws Exception {
        var admin = accounts.loadUserByUsername(testUser("ua.admin", "SAMR", "000000", Role.ADMIN));
        String page = mvc.perform(post("/identity/users").with(user(admin)).with(csrf())
                        .param("username", "ua.new").param("displayName", "新同事").param("agencyCode", "CUSTOMS")
                        .param("regionCode", "440300").param("organization", "")
                        .param("roles", "AGENCY_LIAISON"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("<code>([A-Za-z0-9]{16})</code>").matcher(page);
        assertThat(m.find()).as("the generated password is shown").isTrue();
        String me = new cn.wangjian.platform.FormLogin(rest, "ua.new", m.group(1)).getJson("/api/me").getBody();
        assertThat(me).contains("\"agency\":\"CUSTOMS\"", "\"region\":\"440300\"", "AGENCY_LIAISON");
    }

    @Test
    void bad_user_forms_name_the_field() throws Exception {
        var admin = accounts.loadUserByUsername(testUser("ua.admin", "SAMR", "000000", Role.ADMIN));
        mvc.perform(post("/identity/users").with(user(admin)).with(csrf())
                        .param("username", "Bad Name").param("displayName", "x").param("agencyCode", "SAMR")
                        .param("regionCode", "999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名应为3-40位")))
                .andExpect(content().string(containsString("没有该行政区划代码")))
                .andExpect(content().string(containsString("至少选择一个角色")));
        mvc.perform(post("/identity/users").with(user(admin)).with(csrf())
                        .param("username", "ua.admin").param("displayName", "重复").param("agencyCode", "SAMR")
                        .param("regionCode", "110000").param("roles", "CASE_OFFICER"))
                .andExpect(content().string(containsString("用户名已存在")));
    }

    @Test
    void officers_cannot_create_users() throws Exception {
        var officer = accounts.loadUserByUsername(testUser("ua.officer", "SAMR", "110000", Role.CASE_OFFICER));
        mvc.perform(post("/identity/users").with(user(officer)).with(csrf())
                        .param("username", "ua.sneaky").param("displayName", "x").param("agencyCode", "SAMR")
                        .param("regionCode", "110000").param("roles", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("ua.sneaky")).isEmpty();
    }

    @Test
    void a_user_changes_their_password_knowing_the_current_one() throws Exception {
        var u = accounts.loadUserByUsername(testUser("ua.pw", "SAMR", "110000", Role.CREDIT_OFFICER));
        mvc.perform(post("/identity/password").with(user(u)).with(csrf())
                        .param("current", "wrong-password-000").param("replacement", "a-new-password-1")
                        .param("confirmation", "a-new-password-1"))
                .andExpect(content().string(containsString("当前密码不正确")));
        mvc.perform(post("/identity/password").with(user(u)).with(csrf())
                        .param("current", PASSWORD).param("replacement", "a-new-password-1")
                        .param("confirmation", "a-new-password-1"))
                .andExpect(content().string(containsString("密码已修改")));
        assertThat(cn.wangjian.platform.FormLogin.attempt(rest, "ua.pw", "a-new-password-1").succeeded()).isTrue();
        assertThat(cn.wangjian.platform.FormLogin.attempt(rest, "ua.pw", PASSWORD).succeeded()).isFalse();
    }

    @Test
    void a_forbidden_page_is_the_chinese_403_through_the_real_server() {
        testUser("ua.platform", null, "110000", Role.PLATFORM_COMPLIANCE);
        var page = new FormLogin(rest, "ua.platform", PASSWORD).get("/clues");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("403", "无权访问");
    }
}
