package cn.wangjian.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Capturing pages as evidence: SSRF refusals, bad pages handled with a recorded reason, hostile content kept inert. */
class CaptureTest extends PlatformTest {

    @Autowired
    Capturer capturer;
    @Autowired
    Evidence evidence;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    HttpServer site;
    String base;

    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Charset gbk = Charset.forName("GBK");
        site.createContext("/gbk", ex -> send(ex, 200, "text/html; charset=UTF-8",
                "<html><head><title>店铺</title></head><body><p>全网最佳 高仿名牌包</p></body></html>".getBytes(gbk)));
        site.createContext("/hostile", ex -> send(ex, 200, "text/html; charset=utf-8", ("<html><body>"
                + "<script>fetch('http://169.254.169.254/latest/meta-data/')</script>"
                + "<img src=x onerror=alert(1)><p>顶级复刻 1:1</p></body></html>").getBytes(StandardCharsets.UTF_8)));
        site.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop2");
            send(ex, 302, "text/plain", new byte[0]);
        });
        site.createContext("/loop2", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            send(ex, 302, "text/plain", new byte[0]);
        });
        site.createContext("/to-metadata", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            send(ex, 301, "text/plain", new byte[0]);
        });
        site.createContext("/huge", ex -> send(ex, 200, "text/html", new byte[11 << 20]));
        site.createContext("/binary", ex -> send(ex, 200, "application/octet-stream", new byte[] {0, 1, 2, 3, (byte) 0xff}));
        site.createContext("/broken", ex -> send(ex, 200, "text/html",
                "<html><body><div><p>未闭合<b>最佳<table><tr><td>价格".getBytes(StandardCharsets.UTF_8)));
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body)
            throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private Capturer.Result capture(String path, Set<String> allowed) {
        return capturer.capture(base + path, "tester", "SAMR", "110000", allowed);
    }

    @Test
    void internal_addresses_are_refused_with_the_reason_recorded_unless_the_host_is_allowed() {
        for (String url : new String[] {base.replace("127.0.0.1", "127.0.0.2") + "/gbk", "http://localhost:1/", "http://10.0.0.1/", "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/", "file:///etc/passwd",
                "ftp://example.com/", "http://user:pw@example.com/"}) {
            Capturer.Result r = capturer.capture(url, "tester", "SAMR", "110000", Set.of());
            assertThat(r.captured()).as(url).isFalse();
            assertThat(r.outcome()).as(url).isEqualTo("REFUSED");
            assertThat(jdbc.sql("SELECT reason FROM capture_attempt WHERE url = ? ORDER BY id DESC LIMIT 1").param(url)
                    .query(String.class).single()).as(url).isNotBlank();
        }
        assertThat(AddressPolicy.STRICT.refusal(URI.create("http://[::ffff:127.0.0.1]/"))).isNotNull();
        assertThat(AddressPolicy.STRICT.refusal(URI.create("http://100.64.1.1/"))).contains("NAT");
        // an allowed host is fetched; a redirect from it to an internal address is still refused
        assertThat(capture("/gbk", Set.of("127.0.0.1")).captured()).isTrue();
        Capturer.Result redirected = capture("/to-metadata", Set.of("127.0.0.1"));
        assertThat(redirected.outcome()).isEqualTo("REFUSED");
        assertThat(redirected.reason()).contains("169.254.169.254");
    }

    @Test
    void a_gbk_page_labelled_utf8_is_decoded_and_its_bytes_headers_text_and_screenshot_are_kept() throws Exception {
        Capturer.Result r = capture("/gbk", Set.of("127.0.0.1"));
        assertThat(r.captured()).isTrue();
        Capture c = r.capture();
        byte[] raw = evidence.object(c, c.contentSha256()).orElseThrow();
        assertThat(raw).isEqualTo("<html><head><title>店铺</title></head><body><p>全网最佳 高仿名牌包</p></body></html>"
                .getBytes(Charset.forName("GBK")));
        assertThat(Evidence.sha256(raw)).isEqualTo(c.contentSha256());
        assertThat(new String(evidence.object(c, c.textSha256()).orElseThrow(), StandardCharsets.UTF_8))
                .contains("全网最佳 高仿名牌包");
        assertThat(c.note()).contains("GB18030");
        assertThat(c.httpStatus()).isEqualTo(200);
        assertThat(c.headers()).contains("text/html");
        assertThat(c.screenshotSha256()).as(c.note()).isNotNull();
        byte[] png = evidence.object(c, c.screenshotSha256()).orElseThrow();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(new EvidenceVerifier(dataSource, dataDir()).verify().intact()).isTrue();
    }

    @Test
    void bad_pages_are_recorded_with_their_reason_and_nothing_crashes() {
        assertThat(capture("/loop", Set.of("127.0.0.1")).reason()).contains("重定向");
        assertThat(capture("/huge", Set.of("127.0.0.1")).reason()).contains("超过");
        assertThat(capture("/missing", Set.of("127.0.0.1")).capture().httpStatus()).isEqualTo(404);
        Capturer.Result binary = capture("/binary", Set.of("127.0.0.1"));
        assertThat(binary.captured()).isTrue();
        assertThat(binary.capture().textSha256()).isNull();
        assertThat(binary.capture().note()).contains("二进制");
        Capturer.Result broken = capture("/broken", Set.of("127.0.0.1"));
        assertThat(new String(evidence.object(broken.capture(), broken.capture().textSha256()).orElseThrow(),
                StandardCharsets.UTF_8)).contains("未闭合", "最佳", "价格");
        assertThat(capturer.capture("http://127.0.0.1:1/", "tester", "SAMR", "110000", Set.of()).outcome())
                .isEqualTo("FAILED");
    }

    @Test
    void hostile_markup_is_stored_as_bytes_and_shown_only_as_escaped_text() throws Exception {
        Capture c = capture("/hostile", Set.of("127.0.0.1")).capture();
        String text = new String(evidence.object(c, c.textSha256()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(text).contains("顶级复刻 1:1").doesNotContain("<script");
        var officer = new cn.wangjian.platform.FormLogin(rest, testUser("ev.bj", "SAMR", "110000",
                cn.wangjian.platform.identity.Role.MONITORING_OFFICER), PASSWORD);
        String page = officer.get("/evidence/" + c.seq()).getBody();
        assertThat(page).contains("顶级复刻 1:1").doesNotContain("<script>fetch").doesNotContain("onerror=alert");
        var raw = officer.get("/evidence/" + c.seq() + "/objects/" + c.contentSha256());
        assertThat(raw.getHeaders().getContentType().toString()).startsWith("application/octet-stream");
        assertThat(raw.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(raw.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
        // another region's officer of the same agency does not see it
        var other = new cn.wangjian.platform.FormLogin(rest, testUser("ev.sh", "SAMR", "310000",
                cn.wangjian.platform.identity.Role.MONITORING_OFFICER), PASSWORD);
        assertThat(other.get("/evidence/" + c.seq()).getStatusCode().value()).isEqualTo(404);
        assertThat(Files.exists(dataDir().resolve("evidence/objects").resolve(c.contentSha256().substring(0, 2))
                .resolve(c.contentSha256()))).isTrue();
    }
}
