package cn.wangjian.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps committed data across a clean restart and across the platform being killed. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void runs_with_durable_settings_whatever_the_library_defaults_to() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dir.resolve("pgdata"))) {
            assertThat(show(db, "fsync")).isEqualTo("on");
            assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            assertThat(show(db, "full_page_writes")).isEqualTo("on");
            assertThat(show(db, "server_version")).startsWith("17.");
        }
    }

    @Test
    void committed_rows_survive_a_restart() throws Exception {
        Path pgData = dir.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.open(pgData)) {
            execute(db, "CREATE TABLE kept (v TEXT)", "INSERT INTO kept VALUES ('数据')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.open(pgData)) {
            assertThat(db.attached()).isFalse();
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("数据");
        }
    }

    @Test
    void committed_rows_survive_a_kill_9_of_the_owning_process() throws Exception {
        Path pgData = dir.resolve("pgdata");
        Process child = startChildPlatform(pgData);
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running
        child.waitFor(30, TimeUnit.SECONDS);
        try (EmbeddedDatabase db = EmbeddedDatabase.open(pgData)) {
            assertThat(db.attached()).as("the orphaned server was replaced, not attached to").isFalse();
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("写入后被强制终止");
        }
    }

    @Test
    void attaches_to_the_server_of_a_running_platform() throws Exception {
        Path pgData = dir.resolve("pgdata");
        Process child = startChildPlatform(pgData);
        try (EmbeddedDatabase db = EmbeddedDatabase.open(pgData)) {
            assertThat(db.attached()).isTrue();
            assertThat(query(db, "SELECT v FROM kept")).isEqualTo("写入后被强制终止");
        } finally {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Starts {@link ChildPlatform} in its own JVM and waits until it has committed its row. */
    private Process startChildPlatform(Path pgData) throws Exception {
        Path ready = dir.resolve("ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildPlatform.class.getName(), pgData.toString(), ready.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(ready) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!Files.exists(ready)) {
            child.destroyForcibly();
            throw new AssertionError("child did not commit its row; see " + dir.resolve("child.log"));
        }
        return child;
    }

    /** Stands in for the platform in its own JVM: opens the database, commits a row, then waits to be killed. */
    public static final class ChildPlatform {
        public static void main(String[] args) throws Exception {
            EmbeddedDatabase db = EmbeddedDatabase.open(Path.of(args[0]));
            execute(db, "CREATE TABLE kept (v TEXT)", "INSERT INTO kept VALUES ('写入后被强制终止')");
            Files.writeString(Path.of(args[1]), "ready");
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    /** As the schema owner (the platform's role creates no tables). */
    static void execute(EmbeddedDatabase db, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUsername(), db.ownerPassword());
             Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    static String query(EmbeddedDatabase db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String show(EmbeddedDatabase db, String setting) throws Exception {
        return query(db, "SHOW " + setting);
    }

}
