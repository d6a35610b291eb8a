package cn.wangjian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

class SecurityTest extends PlatformTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void pages_need_a_login_and_redirect_to_it() {
        ResponseEntity<String> page = rest.getForEntity("/clues", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void the_api_answers_401_with_a_problem_detail() {
        ResponseEntity<String> api = rest.getForEntity("/api/clues", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(api.getBody()).contains("需要登录", "Authentication required");
    }

    @Test
    void the_openapi_description_needs_a_login_too() {
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.FOUND);
    }

    @Test
    void health_and_the_login_page_are_public() {
        assertThat(rest.getForObject("/actuator/health", String.class)).contains("UP");
        // the probes are public too; the start-up work has finished, so the platform is ready
        assertThat(rest.getForObject("/actuator/health/readiness", String.class)).contains("UP");
        assertThat(rest.getForObject("/actuator/health/liveness", String.class)).contains("UP");
        assertThat(rest.getForObject("/login", String.class)).contains("用户名", "密码", "登录");
    }

    @Test
    void passwords_are_stored_as_argon2_hashes() {
        testUser("sec.hash", "SAMR", "110000", Role.MONITORING_OFFICER);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'sec.hash'").query(String.class).single();
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void a_wrong_password_gets_a_clear_message() {
        testUser("sec.wrong", "SAMR", "110000", Role.MONITORING_OFFICER);
        String message = loginAndFollow("sec.wrong", "not-the-password");
        assertThat(message).contains("用户名或密码错误");
    }

    @Test
    void repeated_failures_lock_the_login_even_with_the_right_password() {
        testUser("sec.throttle", "SAMR", "110000", Role.MONITORING_OFFICER);
        for (int i = 0; i < 5; i++) {
            assertThat(loginAndFollow("sec.throttle", "wrong-" + i)).contains("用户名或密码错误");
        }
        assertThat(loginAndFollow("sec.throttle", PASSWORD)).contains("登录失败次数过多");
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    org.springframework.security.authentication.AuthenticationManager authenticationManager;

    @Test
    void made_up_names_from_one_address_do_not_stop_the_administrators_correct_login() throws Exception {
        testUser("sec.admin", "SAMR", "000000", Role.ADMIN);
        org.springframework.test.web.servlet.request.RequestPostProcessor from = r -> {
            r.setRemoteAddr("203.0.113.50");
            return r;
        };
        for (int i = 0; i < 20; i++) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                            .param("username", "nobody-" + i).param("password", "guess").with(from)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers
                            .unauthenticated());
        }
        // the address is throttled: a wrong password is answered as throttled, and a guessed API token with 429
        // and Retry-After
        var attempt = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .unauthenticated("sec.admin", "wrong-password");
        attempt.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails("203.0.113.50", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> authenticationManager.authenticate(attempt))
                .isInstanceOf(LoginThrottledException.class);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/me")
                        .header("Authorization", "Bearer wjt_guessed-token").with(from))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("Retry-After"));
        // but the administrator's correct login from the same address succeeds
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                        .param("username", "sec.admin").param("password", PASSWORD).with(from)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers
                        .authenticated().withUsername("sec.admin"));
    }

    @Test
    void failed_logins_are_kept_in_the_database_so_a_restart_or_another_instance_sees_them() {
        java.time.Clock at = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T08:00:00Z"), java.time.ZoneOffset.UTC);
        LoginThrottle first = new LoginThrottle(3, 20, java.time.Duration.ofMinutes(15), at,
                new JdbcLoginFailures(jdbc, java.time.Duration.ofMinutes(15)));
        for (int i = 0; i < 3; i++) {
            first.failed("sec.shared", "198.51.100.7");
        }
        // a second instance (or the same after a restart) over the same database sees the lock
        LoginThrottle second = new LoginThrottle(3, 20, java.time.Duration.ofMinutes(15), at,
                new JdbcLoginFailures(jdbc, java.time.Duration.ofMinutes(15)));
        assertThat(second.blockedFor("SEC.SHARED")).hasValue(java.time.Duration.ofMinutes(15));
        second.succeeded("sec.shared");
        assertThat(first.blockedFor("sec.shared")).isEmpty();
    }

    @Test
    void a_session_with_a_token_header_is_refused_before_either_is_used() {
        testUser("sec.mixed", "SAMR", "110101", Role.CASE_OFFICER);
        // a real browser session
        FormLogin.Attempt login = FormLogin.attempt(rest, "sec.mixed", PASSWORD);
        assertThat(login.succeeded()).isTrue();
        String session = login.cookie();
        // the session plus a wrong token, without a CSRF token: 401, nothing created
        HttpHeaders mixed = new HttpHeaders();
        mixed.add(HttpHeaders.COOKIE, session);
        mixed.setBearerAuth("wjt_not-a-real-token");
        mixed.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> post = rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(mixed), String.class);
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post.getBody()).contains("凭据冲突");
        // the session alone still works
        HttpHeaders alone = new HttpHeaders();
        alone.add(HttpHeaders.COOKIE, session);
        assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(alone), String.class).getBody())
                .contains("sec.mixed");
    }

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void sessions_are_kept_in_the_database_so_another_instance_or_a_restart_keeps_the_login() {
        testUser("sec.session", "SAMR", "110101", Role.CASE_OFFICER);
        FormLogin login = new FormLogin(rest, "sec.session", PASSWORD);
        String cookie = login.cookie();
        assertThat(cookie).startsWith("SESSION=");
        String id = new String(java.util.Base64.getDecoder().decode(cookie.substring("SESSION=".length())),
                java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?").param(id)
                .query(String.class).single()).isEqualTo("sec.session");
        // a second instance over the same database (a fresh repository, nothing in memory) finds the login
        var other = new org.springframework.session.jdbc.JdbcIndexedSessionRepository(
                new org.springframework.jdbc.core.JdbcTemplate(dataSource),
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.support.JdbcTransactionManager(dataSource)));
        org.springframework.session.Session session = other.findById(id);
        assertThat(session).isNotNull();
        org.springframework.security.core.context.SecurityContext context = session.getAttribute(
                org.springframework.security.web.context.HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((CurrentUser) context.getAuthentication().getPrincipal()).region().value()).isEqualTo("110101");
        assertThat(login.getJson("/api/me").getBody()).contains("sec.session");
    }

    @Test
    void a_form_post_without_csrf_token_is_refused() {
        testUser("sec.csrf", "SAMR", "110101", Role.CASE_OFFICER);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", "sec.csrf");
        form.add("password", PASSWORD);
        ResponseEntity<String> login = rest.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void api_me_reports_the_bureau_and_scope() {
        testUser("sec.me", "SAMR", "110101", Role.CASE_OFFICER);
        String me = withToken("sec.me").getForObject("/api/me", String.class);
        assertThat(me).contains("\"agency\":\"SAMR\"", "\"region\":\"110101\"", "东城区", "\"scope\":\"SAMR:110101*\"");
    }

    @Test
    void pages_send_a_strict_content_security_policy() {
        String csp = rest.getForEntity("/login", String.class).getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
    }

    /** Posts the login form with a fresh session and returns the page the browser lands on. */
    private String loginAndFollow(String username, String password) {
        FormLogin.Attempt attempt = FormLogin.attempt(rest, username, password);
        assertThat(attempt.response().getStatusCode()).isEqualTo(HttpStatus.FOUND);
        if (attempt.succeeded()) {
            return "logged in";
        }
        return FormLogin.get(rest, attempt.cookie(), attempt.response().getHeaders().getLocation().toString()).getBody();
    }
}
