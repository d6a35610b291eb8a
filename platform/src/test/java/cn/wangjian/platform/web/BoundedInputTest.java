package cn.wangjian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.PlatformTest;
import cn.wangjian.platform.evidence.EvidencePackages;
import cn.wangjian.platform.identity.Role;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every body has a limit, refused early with 413 and a problem body; a ZIP bomb is refused before it inflates. */
class BoundedInputTest extends PlatformTest {

    @Autowired
    EvidencePackages packages;

    private HttpResponse<String> post(String path, String user, HttpRequest.BodyPublisher body, String type)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", type).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An endless-looking body of one line, produced as it is sent (never held whole by the test either). */
    private static InputStream oneLine(long bytes) {
        return new InputStream() {
            long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }

    @Test
    void a_declared_or_chunked_body_over_its_limit_is_refused_with_413_and_a_problem() throws Exception {
        String officer = testUser("limit.mon", "SAMR", "110000", Role.MONITORING_OFFICER);
        String platform = testUser("limit.platform", null, "110000", Role.PLATFORM_COMPLIANCE);
        // declared: 9 MB to an endpoint of the default 8 MB
        HttpResponse<String> declared = post("/api/monitoring/tasks", officer,
                HttpRequest.BodyPublishers.ofByteArray(new byte[9 << 20]), "application/json");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(declared.body()).contains("请求过大", "8 MB", "Payload too large");
        // a 300 MB single line of listings from a platform user, three at once: refused at the 32 MB limit before
        // anything is read, so the heap does not grow with them
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return post("/api/platform-reports/listings", platform, HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> oneLine(300L << 20)), 300L << 20),
                            "application/x-ndjson");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var f : posts) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("32 MB");
        }
        long after = rt.totalMemory() - rt.freeMemory();
        assertThat(after - before).as("heap growth in bytes").isLessThan(256L << 20);
        // the platform still answers
        assertThat(rest.getForObject("/actuator/health", String.class)).contains("UP");
    }

    @Test
    void a_zip_bomb_is_refused_before_it_inflates() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[16 << 20];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 8; i++) {                       // 128 MB of zeros in about 130 KB
                zip.putNextEntry(new ZipEntry("objects/" + "0".repeat(63) + i));
                zip.write(zeros);
                zip.closeEntry();
            }
        }
        assertThat(bytes.size()).isLessThan(1 << 20);
        EvidencePackages.ImportReport report = packages.verifyAndImport(bytes.toByteArray(), "test", "SAMR", "110000");
        assertThat(report.imported()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("ZIP bomb"));
    }
}
