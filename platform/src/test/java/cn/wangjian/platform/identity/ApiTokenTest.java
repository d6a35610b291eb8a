package cn.wangjian.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wangjian.platform.FormLogin;
import cn.wangjian.platform.PlatformTest;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class ApiTokenTest extends PlatformTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private CurrentUser twoRoles(String username) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new NewAccount(username, "两个角色", PASSWORD, "SAMR", new RegionCode("110000"), null,
                    Set.of(Role.CASE_OFFICER, Role.MONITORING_OFFICER)), "test");
        }
        return accounts.loadUserByUsername(username);
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        return rest.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    @Test
    void a_token_is_shown_once_stored_as_a_hash_and_acts_as_its_owner() throws Exception {
        CurrentUser u = twoRoles("tok.owner");
        String page = mvc.perform(post("/identity/tokens").with(user(u)).with(csrf())
                        .param("name", "监测系统对接").param("roles", "CASE_OFFICER").param("areas", "CLUES")
                        .param("days", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"issued-token\"[^>]*>(wjt_[A-Za-z0-9_-]{43})<").matcher(page);
        assertThat(m.find()).as("the token is shown on the page that issues it").isTrue();
        String secret = m.group(1);
        // stored only as its SHA-256; the list never shows it again
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = ?").param(ApiTokens.sha256(secret))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = ? OR prefix = ?")
                .params(secret, secret).query(Integer.class).single()).isZero();
        String list = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/identity/tokens").with(user(u)))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("监测系统对接", secret.substring(0, 12)).doesNotContain(secret);
        // it acts as the owner, narrowed to its one role
        ResponseEntity<String> me = call(HttpMethod.GET, "/api/me", secret);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).contains("\"tok.owner\"", "CASE_OFFICER").doesNotContain("MONITORING_OFFICER");
        assertThat(call(HttpMethod.GET, "/api/clues", secret).getStatusCode()).isEqualTo(HttpStatus.OK);
        // and only in its area
        ResponseEntity<String> outside = call(HttpMethod.GET, "/api/monitoring/tasks", secret);
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outside.getBody()).contains("令牌无权访问");
        // its use is recorded, and so is its issue
        assertThat(tokens.visibleTo(u).get(0).lastUsedAt()).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'api-token.issued' AND actor = 'tok.owner'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void roles_are_narrowed_so_a_token_without_the_role_is_forbidden() {
        CurrentUser u = twoRoles("tok.narrow");
        String secret = tokens.issue("tok.narrow", "只读监测", EnumSet.of(Role.MONITORING_OFFICER),
                EnumSet.of(ApiArea.CLUES, ApiArea.CREDIT), 10, u).secret();
        // monitoring officers read clues but do not decide credit lists
        assertThat(call(HttpMethod.GET, "/api/clues", secret).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> tokens.issue("tok.narrow", "越权", EnumSet.of(Role.ADMIN), EnumSet.of(ApiArea.CLUES), 10, u))
                .isInstanceOf(TokenRefusedException.class).hasMessageContaining("字段 roles");
        assertThatThrownBy(() -> tokens.issue("tok.narrow", "太久", EnumSet.of(Role.CASE_OFFICER),
                EnumSet.of(ApiArea.CLUES), 366, u)).hasMessageContaining("字段 days");
        // only an administrator issues for another account
        CurrentUser other = accounts.loadUserByUsername(testUser("tok.other", "SAMR", "110000", Role.CASE_OFFICER));
        assertThatThrownBy(() -> tokens.issue("tok.narrow", "代签", EnumSet.of(Role.CASE_OFFICER),
                EnumSet.of(ApiArea.CLUES), 10, other)).hasMessageContaining("只能为自己签发");
        CurrentUser admin = accounts.loadUserByUsername(testUser("tok.admin", "SAMR", "000000", Role.ADMIN));
        ApiToken.Issued system = tokens.issue("tok.narrow", "系统账号", EnumSet.of(Role.CASE_OFFICER),
                EnumSet.of(ApiArea.CLUES), 10, admin);
        assertThat(system.token().createdBy()).isEqualTo("tok.admin");
        assertThat(tokens.visibleTo(other)).noneMatch(t -> t.owner().equals("tok.narrow"));
        assertThat(tokens.visibleTo(admin)).anyMatch(t -> t.id() == system.token().id());
    }

    @Test
    void a_revoked_or_expired_token_or_a_disabled_owner_is_refused_on_the_next_request() {
        CurrentUser u = twoRoles("tok.revoke");
        ApiToken.Issued issued = tokens.issue("tok.revoke", "临时", EnumSet.of(Role.CASE_OFFICER),
                EnumSet.of(ApiArea.CLUES), 2, u);
        assertThat(call(HttpMethod.GET, "/api/clues", issued.secret()).getStatusCode()).isEqualTo(HttpStatus.OK);
        // two days later it has expired
        clock.fixAt(LocalDateTime.now(clock).plusDays(2).plusMinutes(1));
        ResponseEntity<String> expired = call(HttpMethod.GET, "/api/clues", issued.secret());
        assertThat(expired.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(expired.getBody()).contains("令牌无效", "Invalid token");
        clock.reset();
        // revoked: refused at once, and revoking twice is refused
        ApiToken.Issued second = tokens.issue("tok.revoke", "第二个", EnumSet.of(Role.CASE_OFFICER),
                EnumSet.of(ApiArea.CLUES), 30, u);
        tokens.revoke(second.token().id(), u);
        assertThat(call(HttpMethod.GET, "/api/clues", second.secret()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThatThrownBy(() -> tokens.revoke(second.token().id(), u)).hasMessageContaining("已于");
        assertThat(tokens.visibleTo(u)).filteredOn(t -> t.id() == second.token().id())
                .allMatch(t -> t.state(clock.instant()) == ApiToken.State.REVOKED);
        // a disabled owner's tokens stop working
        ApiToken.Issued third = tokens.issue("tok.revoke", "第三个", EnumSet.of(Role.CASE_OFFICER),
                EnumSet.of(ApiArea.CLUES), 30, u);
        jdbc.sql("UPDATE app_user SET enabled = false WHERE username = 'tok.revoke'").update();
        try {
            assertThat(call(HttpMethod.GET, "/api/clues", third.secret()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            jdbc.sql("UPDATE app_user SET enabled = true WHERE username = 'tok.revoke'").update();
        }
    }

    @Test
    void tokens_cannot_issue_tokens_open_pages_or_be_replaced_by_http_basic() {
        String secret = token(testUser("tok.limits", "SAMR", "110000", Role.CASE_OFFICER));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(secret);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> issue = rest.exchange("/api/identity/tokens", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"x\",\"roles\":[\"CASE_OFFICER\"],\"areas\":[\"CLUES\"],\"days\":5}", headers), String.class);
        assertThat(issue.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(issue.getBody()).contains("令牌不能签发令牌");
        // not for pages
        assertThat(call(HttpMethod.GET, "/clues", secret).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // HTTP Basic is not accepted at all (a password hash per request is what issue 13 measured)
        HttpHeaders basic = new HttpHeaders();
        basic.setBasicAuth("tok.limits", PASSWORD);
        assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(basic), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_logged_in_user_issues_a_token_over_the_api_and_it_is_in_the_answer_once() {
        testUser("tok.api", "SAMR", "110000", Role.CASE_OFFICER);
        FormLogin login = new FormLogin(rest, "tok.api", PASSWORD);
        ResponseEntity<String> page = login.get("/identity/tokens");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, login.cookie());
        headers.add("X-CSRF-TOKEN", csrf.group(1));
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> issued = rest.exchange("/api/identity/tokens", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"脚本\",\"roles\":[\"CASE_OFFICER\"],\"areas\":[\"CLUES\"],\"days\":5}", headers), String.class);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Matcher token = Pattern.compile("\"token\":\"(wjt_[^\"]+)\"").matcher(issued.getBody());
        assertThat(token.find()).isTrue();
        assertThat(call(HttpMethod.GET, "/api/clues", token.group(1)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> listed = rest.exchange("/api/identity/tokens", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(listed.getBody()).contains("脚本").doesNotContain(token.group(1));
        ResponseEntity<String> refused = rest.exchange("/api/identity/tokens", HttpMethod.POST, new HttpEntity<>(
                "{\"name\":\"脚本\",\"roles\":[\"ADMIN\"],\"areas\":[\"CLUES\"],\"days\":5}", headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).contains("字段 roles");
    }

    @Autowired
    LoginThrottle throttle;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Test
    void token_requests_beyond_the_concurrent_limit_wait_their_turn_then_get_503() throws Exception {
        String secret = token(testUser("tok.busy", "SAMR", "110000", Role.CASE_OFFICER));
        ApiTokenFilter filter = new ApiTokenFilter(tokens, throttle, new ApiAuthenticationEntryPoint(json), 1,
                java.time.Duration.ofMillis(200));
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Supplier<org.springframework.mock.web.MockHttpServletRequest> request = () -> {
            var r = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/clues");
            r.addHeader("Authorization", "Bearer " + secret);
            return r;
        };
        // the first request holds the only slot
        var first = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                filter.doFilter(request.get(), new org.springframework.mock.web.MockHttpServletResponse(),
                        (req, res) -> {
                            inside.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // the second waits 200 ms, then is told to come back
        var busy = new org.springframework.mock.web.MockHttpServletResponse();
        filter.doFilter(request.get(), busy, (req, res) -> { });
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("接口繁忙");
        release.countDown();
        first.get(5, java.util.concurrent.TimeUnit.SECONDS);
        // the slot is free again
        var ok = new org.springframework.mock.web.MockHttpServletResponse();
        boolean[] ran = {false};
        filter.doFilter(request.get(), ok, (req, res) -> ran[0] = true);
        assertThat(ran[0]).isTrue();
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_api_path_belongs_to_an_area_a_token_can_be_scoped_to() {
        var paths = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/api/") && !p.equals("/api/me") && !p.startsWith("/api/**"))
                .toList();
        assertThat(paths).isNotEmpty();
        assertThat(paths).allSatisfy(p -> assertThat(ApiArea.ofPath(p)).as(p).isPresent());
    }
}
