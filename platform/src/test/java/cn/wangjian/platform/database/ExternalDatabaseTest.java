package cn.wangjian.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wangjian.platform.WangjianApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With --wangjian.db.url the platform uses that PostgreSQL and starts no embedded one. */
class ExternalDatabaseTest {

    @Test
    void the_platform_runs_on_an_external_postgresql(@TempDir Path serverDir, @TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.open(serverDir.resolve("pgdata"))) {
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WangjianApplication.class).run(
                    "--server.port=0", "--wangjian.data-dir=" + dataDir,
                    "--wangjian.db.url=" + external.jdbcUrl(), "--wangjian.db.user=" + external.ownerUsername(),
                    "--wangjian.db.password=" + external.ownerPassword())) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).contains("UP");
                assertThat(dataDir.resolve("pgdata")).doesNotExist();
                assertThat(EmbeddedDatabaseTest.query(external, "SELECT count(*) FROM app_user")).isNotEqualTo("0");
                assertThat(EmbeddedDatabaseTest.query(external, "SELECT max(version) FROM flyway_schema_history"))
                        .isNotNull();
            }
        }
    }
}
