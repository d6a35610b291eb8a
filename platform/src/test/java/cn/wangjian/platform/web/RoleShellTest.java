package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.identity.CurrentUser;
import cn.wangjian.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 18, the role-aware shell: the navigation offers what a role may open, and a page a user may not see (or
 * that does not exist) answers a browser with a Chinese HTML page and an API client with a problem detail.
 */
class RoleShellTest extends PlatformTest {

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse page(String path, CurrentUser u, String accept) throws Exception {
        return mvc.perform(get(path).with(user(u)).header("Accept", accept)).andReturn().getResponse();
    }

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void a_liaison_is_offered_only_what_the_liaison_may_open() throws Exception {
        CurrentUser liaison = accounts.loadUserByUsername(testUser("shell.liaison", "MPS", "110000",
                Role.AGENCY_LIAISON));
        // the liaison's landing page is the incoming notifications
        assertThat(page("/", liaison, BROWSER).getRedirectedUrl()).isEqualTo("/clues/notifications");
        String dashboard = page("/clues/notifications", liaison, BROWSER)
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // the liaison's work (incoming notifications) is under 线索; monitoring and brushing are not the liaison's
        assertThat(dashboard).contains("data-area=\"clue\"").doesNotContain("data-area=\"monitoring\"",
                "data-area=\"brushing\"", "data-area=\"identity\"");
        CurrentUser credit = accounts.loadUserByUsername(testUser("shell.credit", "SAMR", "110000",
                Role.CREDIT_OFFICER));
        assertThat(page("/", credit, BROWSER).getRedirectedUrl()).isEqualTo("/publicity");
        String creditPage = page("/publicity", credit, BROWSER)
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(creditPage).contains("data-area=\"credit\"", "data-area=\"publicity\"")
                .doesNotContain("data-area=\"monitoring\"");
    }

    /** A browser's session on the running server: the login form with its CSRF token, then the user's cookie. */
    private java.net.http.HttpClient loggedIn(String username) throws Exception {
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String form = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(m.find()).as("csrf field on the login page").isTrue();
        String body = "username=" + username + "&password=" + PASSWORD + "&_csrf=" + m.group(1);
        var login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    private static java.net.http.HttpResponse<String> fetch(java.net.http.HttpClient client, String url, String accept)
            throws Exception {
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", accept)
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_page_that_may_not_be_seen_or_does_not_exist_is_a_chinese_page_in_a_browser_and_a_problem_for_a_client()
            throws Exception {
        testUser("shell.liaison2", "MPS", "110000", Role.AGENCY_LIAISON);
        var browser = loggedIn("shell.liaison2");
        var denied = fetch(browser, baseUrl() + "/monitoring", BROWSER);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(denied.body()).contains("403 · 无权访问").doesNotContain("title_en");
        var deniedApi = fetch(browser, baseUrl() + "/monitoring", "application/json");
        assertThat(deniedApi.statusCode()).isEqualTo(403);
        assertThat(deniedApi.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        var missing = fetch(browser, baseUrl() + "/no-such-page", BROWSER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(missing.body()).contains("404").doesNotContain("title_en");
        var missingApi = fetch(browser, baseUrl() + "/api/no-such-thing", "application/json");
        assertThat(missingApi.statusCode()).isEqualTo(404);
        assertThat(missingApi.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
