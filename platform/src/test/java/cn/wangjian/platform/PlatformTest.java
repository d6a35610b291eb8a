package cn.wangjian.platform;

import cn.wangjian.platform.identity.NewAccount;
import cn.wangjian.platform.identity.RegionCode;
import cn.wangjian.platform.identity.Role;
import cn.wangjian.platform.identity.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the platform's integration tests: one real application on a random port with its own embedded
 * PostgreSQL in a fresh data directory, shared by every test class (same configuration, one cached context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(PlatformTest.ClockForTests.class)
public abstract class PlatformTest {

    /** The platform's clock is the tests' {@link TestClock}. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class ClockForTests {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @Autowired
    protected TestClock clock;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The password of every test user. */
    public static final String PASSWORD = "test-password-0123";

    static final Path DATA_DIR;

    static {
        try {
            Files.createDirectories(Path.of("target"));
            removeStaleDataDirectories();
            DATA_DIR = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Earlier runs' data directories (about 200 MB each) are removed when they are over an hour old, so repeated runs
     * on one machine do not fill its disk; a run in progress is never that old.
     */
    private static void removeStaleDataDirectories() throws IOException {
        java.time.Instant hourAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (var dirs = Files.newDirectoryStream(Path.of("target"), "test-data-*")) {
            for (Path dir : dirs) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(hourAgo)) {
                    try (var tree = Files.walk(dir)) {
                        tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("wangjian.data-dir", DATA_DIR::toString);
        registry.add("wangjian.db.url", () -> "");
        // the administrator's allowed hosts: the tests' own local sites (127.0.0.1 only; other loopback names stay
        // refused, which the capture tests check)
        registry.add("wangjian.capture.allowed-hosts", () -> "127.0.0.1");
        // the tests drive joint-punishment pushes and list expiry themselves
        registry.add("wangjian.credit.scheduler", () -> "false");
        registry.add("wangjian.trade.retention-scheduler", () -> "false");
        // the demo transactions are reported by DemoTradeTest alone (about 460,000 rows)
        registry.add("wangjian.bootstrap.demo-trade", () -> "false");
        // the demo cases and the demo's first monitoring run would change what other tests count; the browser test
        // loads them itself (DemoCases.loadIfAbsent) and runs the demo task as its officer would
        registry.add("wangjian.bootstrap.demo-cases", () -> "false");
        registry.add("wangjian.bootstrap.demo-run", () -> "false");
    }

    @Autowired
    protected UserAccounts accounts;

    @LocalServerPort
    protected int port;

    @Autowired
    private org.springframework.boot.web.client.RestTemplateBuilder restTemplateBuilder;

    /** An HTTP client of the running server that, like a test should, does not follow redirects. */
    protected TestRestTemplate rest;

    @BeforeEach
    void httpClient() {
        rest = new TestRestTemplate(restTemplate());
    }

    private org.springframework.boot.web.client.RestTemplateBuilder restTemplate() {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        return restTemplateBuilder.rootUri(baseUrl())
                .requestFactory(() -> new org.springframework.http.client.JdkClientHttpRequestFactory(client));
    }

    @Autowired
    private cn.wangjian.platform.identity.ApiTokens apiTokens;

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** An API token of {@code username} with all the account's roles and every area (issued once, reused). */
    protected String token(String username) {
        String known = TOKENS.get(username);
        if (known != null && apiTokens.accepts(known)) {
            return known;
        }
        var owner = accounts.find(username).orElseThrow();
        String secret = apiTokens.issue(username, "测试", owner.roles(),
                java.util.EnumSet.allOf(cn.wangjian.platform.identity.ApiArea.class), 365, owner).secret();
        TOKENS.put(username, secret);
        return secret;
    }

    /** An HTTP client of the running server that sends {@code username}'s API token on every request. */
    protected TestRestTemplate withToken(String username) {
        return new TestRestTemplate(restTemplate().defaultHeader("Authorization", "Bearer " + token(username)));
    }

    @Autowired
    private org.springframework.test.web.servlet.MockMvc pageMvc;

    /** A page as {@code user} sees it (status 200 expected), through MockMvc. */
    protected String page(String path, cn.wangjian.platform.identity.CurrentUser user) {
        try {
            return pageMvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                    .user(user)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    @Autowired
    private javax.sql.DataSource platformDataSource;

    /**
     * A connection as the schema owner (from the data directory's credentials), for tests that play an attacker with
     * direct database access: the platform's own role cannot alter tables or their triggers.
     */
    protected org.springframework.jdbc.core.simple.JdbcClient asOwner() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(ownerDataSource(null));
    }

    /** One connection as the schema owner, with {@code schema} first on the search path when given. */
    protected org.springframework.jdbc.datasource.SingleConnectionDataSource ownerDataSource(String schema) {
        var credentials = cn.wangjian.platform.database.DatabaseCredentials.read(DATA_DIR).orElseThrow();
        String url = ((com.zaxxer.hikari.HikariDataSource) platformDataSource).getJdbcUrl();
        if (schema != null) {
            url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        }
        return new org.springframework.jdbc.datasource.SingleConnectionDataSource(url,
                cn.wangjian.platform.database.DatabaseCredentials.OWNER, credentials.ownerPassword(), true);
    }

    /**
     * A district bureau for casework: two case officers with enforcement certificates ({@code prefix.c1},
     * {@code prefix.c2}), a legal reviewer and the head (created once, idempotent).
     */
    protected Bureau bureau(String prefix, String region) {
        String c1 = testUser(prefix + ".c1", "SAMR", region, Role.CASE_OFFICER);
        String c2 = testUser(prefix + ".c2", "SAMR", region, Role.CASE_OFFICER);
        accounts.setCertificate(c1, "T" + Integer.toHexString(c1.hashCode()) + "1", "test");
        accounts.setCertificate(c2, "T" + Integer.toHexString(c2.hashCode()) + "2", "test");
        return new Bureau(accounts.loadUserByUsername(c1), accounts.loadUserByUsername(c2),
                accounts.loadUserByUsername(testUser(prefix + ".review", "SAMR", region, Role.LEGAL_REVIEWER)),
                accounts.loadUserByUsername(testUser(prefix + ".head", "SAMR", region, Role.BUREAU_HEAD)));
    }

    /** A bureau's people for casework; {@link #actorOf} is whoever's duty a step is. */
    public record Bureau(cn.wangjian.platform.identity.CurrentUser officer, cn.wangjian.platform.identity.CurrentUser second,
                         cn.wangjian.platform.identity.CurrentUser reviewer,
                         cn.wangjian.platform.identity.CurrentUser head) {

        /** The two officers as the filing form takes them. */
        public String officers() {
            return officer.getUsername() + "," + second.getUsername();
        }

        public cn.wangjian.platform.identity.CurrentUser actorOf(String step) {
            return switch (cn.wangjian.platform.casework.CaseFiles.Duty.of(step)) {
                case HEAD -> head;
                case REVIEWER -> reviewer;
                case OFFICER -> officer;
            };
        }
    }

    /** Creates a test user once (idempotent across test classes) and returns the user name. */
    protected String testUser(String username, String agency, String region, Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new NewAccount(username, "测试用户 " + username, PASSWORD, agency, new RegionCode(region),
                    agency == null ? "测试平台" : null, Set.of(role)), "test");
        }
        return username;
    }
}
