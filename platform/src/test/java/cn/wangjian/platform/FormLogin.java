package cn.wangjian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A browser-like session: fetches the login page's CSRF token, posts the form, keeps the session cookie. */
public final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The answer to a posted login form and the session cookie that goes with it. */
    public record Attempt(ResponseEntity<String> response, String cookie) {
        public boolean succeeded() {
            return response.getHeaders().getLocation() != null
                    && !response.getHeaders().getLocation().toString().contains("error");
        }
    }

    private final TestRestTemplate rest;
    private final String cookie;

    public FormLogin(TestRestTemplate rest, String username, String password) {
        this.rest = rest;
        Attempt attempt = attempt(rest, username, password);
        assertThat(attempt.succeeded()).as("login of %s", username).isTrue();
        this.cookie = attempt.cookie();
    }

    /** Posts the login form from a fresh anonymous session, as a browser does. */
    public static Attempt attempt(TestRestTemplate rest, String username, String password) {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        String anonymous = sessionCookie(page.getHeaders(), null);
        Matcher m = CSRF.matcher(page.getBody());
        assertThat(m.find()).as("login page carries a CSRF token").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, anonymous);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", username);
        form.add("password", password);
        form.add("_csrf", m.group(1));
        ResponseEntity<String> login = rest.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        return new Attempt(login, sessionCookie(login.getHeaders(), anonymous));
    }

    public ResponseEntity<String> get(String path) {
        return get(rest, cookie, path);
    }

    public static ResponseEntity<String> get(TestRestTemplate rest, String cookie, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        headers.setAccept(java.util.List.of(MediaType.TEXT_HTML));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The session cookie ({@code NAME=value}) to send with further requests. */
    public String cookie() {
        return cookie;
    }

    /** A JSON API call with this session. */
    public ResponseEntity<String> getJson(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String sessionCookie(HttpHeaders headers, String fallback) {
        return headers.getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=") || c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .or(() -> java.util.Optional.ofNullable(fallback))
                .orElseThrow(() -> new AssertionError("no session cookie in " + headers));
    }
}
