package cn.wangjian.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wangjian.platform.PlatformTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roles script for an external PostgreSQL, run on a fresh database of the embedded server as its administrator
 * would: the migrations then run as the owner, and the application role cannot rewrite the audit log.
 */
class ExternalRolesTest extends PlatformTest {

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void the_script_gives_an_owner_that_migrates_and_an_application_role_that_only_appends_to_the_audit_log()
            throws Exception {
        var credentials = DatabaseCredentials.read(dataDir()).orElseThrow();
        String url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        String admin = url.replace("/" + EmbeddedDatabase.DATABASE_NAME, "/postgres");
        String external = url.replace("/" + EmbeddedDatabase.DATABASE_NAME, "/external_roles_test");
        try (Connection c = DriverManager.getConnection(admin, EmbeddedDatabase.SUPERUSER, credentials.superuserPassword());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS external_roles_test WITH (FORCE)");
            st.execute("CREATE DATABASE external_roles_test");
        }
        try {
            String script = new String(getClass().getResourceAsStream("/db/external/roles.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            try (Connection c = DriverManager.getConnection(external, EmbeddedDatabase.SUPERUSER,
                    credentials.superuserPassword()); Statement st = c.createStatement()) {
                st.execute(script);
            }
            // the migrations, as the owner (what WANGJIAN_DB_OWNER_USER configures)
            var result = Flyway.configure().dataSource(external, DatabaseCredentials.OWNER, credentials.ownerPassword())
                    .locations("classpath:db/migration").load().migrate();
            assertThat(result.migrationsExecuted).isGreaterThan(30);
            try (Connection app = DriverManager.getConnection(external, DatabaseCredentials.APP, credentials.appPassword());
                 Statement st = app.createStatement()) {
                st.execute("SELECT count(*) FROM app_user");
                st.execute("INSERT INTO login_failure (key, at) VALUES ('addr:test', now())");
                assertThatThrownBy(() -> st.execute("UPDATE audit_log SET actor = 'forged'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.execute("ALTER TABLE audit_log DISABLE TRIGGER ALL"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
                assertThatThrownBy(() -> st.execute("CREATE TABLE sneaky (id int)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin, EmbeddedDatabase.SUPERUSER, credentials.superuserPassword());
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS external_roles_test WITH (FORCE)");
            }
        }
    }
}
