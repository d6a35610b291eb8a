package cn.wangjian.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server that keeps the platform's data in {@code <data-dir>/pgdata}.
 *
 * <p>The library starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}, which are fine
 * for throw-away test databases but lose committed data on a crash; this class turns both back on, and
 * {@code full_page_writes} with them. When the data directory is already served by a running platform (another
 * process holds the library's lock file), it attaches to that server instead of starting one, so that
 * command-line tools work whether or not the platform runs. A server left behind by a platform that was killed
 * ({@code kill -9}) is shut down and restarted; PostgreSQL's own crash recovery then replays its WAL.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE_NAME = "wangjian";
    static final String SUPERUSER = "postgres";
    private static final String LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Server settings that make committed transactions survive a crash; the library's defaults turn them off. */
    static final List<String[]> DURABLE_SETTINGS = List.of(
            new String[] {"fsync", "on"},
            new String[] {"synchronous_commit", "on"},
            new String[] {"full_page_writes", "on"},
            new String[] {"listen_addresses", "localhost"},
            new String[] {"timezone", "UTC"},
            new String[] {"max_connections", "100"},
            // bulk reports (millions of orders in one transaction): fewer checkpoints and full-page images while
            // they are written, and room for the indexes in memory; durability is unchanged
            new String[] {"max_wal_size", "4GB"},
            new String[] {"checkpoint_timeout", "15min"},
            new String[] {"wal_compression", "on"},
            new String[] {"shared_buffers", "512MB"});

    private final EmbeddedPostgres server;
    private final int port;
    private final DatabaseCredentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres server, int port, DatabaseCredentials credentials) {
        this.server = server;
        this.port = port;
        this.credentials = credentials;
    }

    /** Starts the server on {@code pgData}, attaches to the platform's running one, or recovers from a crash. */
    public static EmbeddedDatabase open(Path pgData) {
        try {
            Files.createDirectories(pgData);
            DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(pgData.getParent());
            Optional<Integer> runningPort = portOfRunningPlatform(pgData);
            if (runningPort.isPresent()) {
                log.info("Attaching to the running embedded PostgreSQL on port {}", runningPort.get());
                return new EmbeddedDatabase(null, runningPort.get(), credentials);
            }
            stopOrphanedServer(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(pgData.resolveSibling("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(pgData.resolveSibling("postgres.log").toFile()));
            for (String[] setting : DURABLE_SETTINGS) {
                builder.setServerConfig(setting[0], setting[1]);
            }
            // the library's readiness check connects as the superuser: with its password, once connections need one
            builder.setConnectConfig("password", credentials.superuserPassword());
            EmbeddedPostgres server = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(server, server.getPort(), credentials);
            db.createApplicationDatabase();
            db.secure(pgData);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("无法启动内置 PostgreSQL (cannot start embedded PostgreSQL in " + pgData
                    + "; see " + pgData.resolveSibling("postgres.log") + "): " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME;
    }

    /** The application role: no schema of its own, insert-only on the audit and evidence tables. */
    public String username() {
        return DatabaseCredentials.APP;
    }

    public String password() {
        return credentials.appPassword();
    }

    /** The schema owner, which runs the migrations. */
    public String ownerUsername() {
        return DatabaseCredentials.OWNER;
    }

    public String ownerPassword() {
        return credentials.ownerPassword();
    }

    public int port() {
        return port;
    }

    /** True when this process attached to a server that the running platform owns. */
    public boolean attached() {
        return server == null;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                log.warn("Could not stop embedded PostgreSQL cleanly: {}", e.getMessage());
            }
        }
    }

    private void createApplicationDatabase() {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, credentials.superuserPassword());
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE_NAME + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + DATABASE_NAME + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("无法创建数据库 " + DATABASE_NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * Least privilege (issue 13): password (SCRAM) connections only, for every user; the superuser gets a generated
     * password; the schema and every table belong to {@code wangjian_owner}, which runs the migrations; the platform
     * connects as {@code wangjian_app}, which may read and write the tables but only insert into the audit log and the
     * evidence register, and cannot alter tables, disable their triggers, or run server programs. Idempotent: run at
     * every start, so objects created since are covered.
     */
    private void secure(Path pgData) {
        String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME;
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, credentials.superuserPassword());
             var st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + credentials.superuserPassword() + "'");
            for (String[] role : new String[][] {{DatabaseCredentials.OWNER, credentials.ownerPassword()},
                    {DatabaseCredentials.APP, credentials.appPassword()}}) {
                try (var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role[0] + "'")) {
                    if (!rs.next()) {
                        st.execute("CREATE ROLE " + role[0] + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
                    }
                }
                st.execute("ALTER ROLE " + role[0] + " LOGIN PASSWORD '" + role[1] + "'");
            }
            String owner = DatabaseCredentials.OWNER;
            String app = DatabaseCredentials.APP;
            st.execute("ALTER DATABASE " + DATABASE_NAME + " OWNER TO " + owner);
            st.execute("ALTER SCHEMA public OWNER TO " + owner);
            st.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            st.execute("""
                    DO $$ DECLARE r record; BEGIN
                      -- tables first: the sequences of their serial and identity columns follow them
                      FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v', 'm', 'p')
                               AND pg_get_userbyid(c.relowner) <> '%1$s'
                               AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid
                                        AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
                               ORDER BY c.relkind = 'S', c.relname LOOP
                        EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s',
                          CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                               ELSE 'TABLE' END, r.relname);
                      END LOOP;
                      FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                               WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                        EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', r.f);
                      END LOOP;
                    END $$""".formatted(owner));
            st.execute("GRANT CONNECT ON DATABASE " + DATABASE_NAME + " TO " + app);
            st.execute("GRANT USAGE ON SCHEMA public TO " + app);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + app);
            st.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app);
            st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, "
                    + "DELETE ON TABLES TO " + app);
            st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "
                    + app);
            st.execute("""
                    DO $$ BEGIN
                      IF to_regclass('public.audit_log') IS NOT NULL THEN
                        REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_log FROM %1$s; END IF;
                      IF to_regclass('public.evidence_capture') IS NOT NULL THEN
                        REVOKE UPDATE, DELETE, TRUNCATE ON public.evidence_capture FROM %1$s; END IF;
                    END $$""".formatted(app));
            // password connections only, on loopback and the socket
            Path hba = pgData.resolve("pg_hba.conf");
            String wanted = """
                    # written by wangjian: password (SCRAM) connections only (issue 13)
                    local   all   all                 scram-sha-256
                    host    all   all   127.0.0.1/32  scram-sha-256
                    host    all   all   ::1/128       scram-sha-256
                    """;
            if (!Files.exists(hba) || !Files.readString(hba).equals(wanted)) {
                Files.writeString(hba, wanted);
                st.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("无法设置数据库的访问权限 (cannot secure the embedded database): " + e.getMessage(), e);
        }
    }

    /** The port of the server, when another live process holds the library's lock on this data directory. */
    private static Optional<Integer> portOfRunningPlatform(Path pgData) throws IOException {
        Path lockFile = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        boolean heldElsewhere;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            heldElsewhere = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            heldElsewhere = true;
        }
        if (!heldElsewhere) {
            return Optional.empty();
        }
        return PostmasterPid.read(pgData).filter(PostmasterPid::alive).map(PostmasterPid::port);
    }

    /** A server whose platform died without stopping it still holds the data directory: shut it down. */
    private static void stopOrphanedServer(Path pgData) {
        Optional<PostmasterPid> pid = PostmasterPid.read(pgData).filter(PostmasterPid::alive);
        if (pid.isEmpty()) {
            return;
        }
        log.warn("Stopping the PostgreSQL server (pid {}) left running by a platform that did not shut down",
                pid.get().pid());
        ProcessHandle.of(pid.get().pid()).ifPresent(p -> {
            p.destroy(); // SIGTERM: smart shutdown, its clients are gone with the dead platform
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    /** The first lines of PostgreSQL's {@code postmaster.pid}: process id, data directory, start time, port. */
    record PostmasterPid(long pid, int port, Path dataDirectory) {

        static Optional<PostmasterPid> read(Path pgData) {
            Path file = pgData.resolve("postmaster.pid");
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() < 4) {
                    return Optional.empty();
                }
                return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()),
                        Integer.parseInt(lines.get(3).trim()), Path.of(lines.get(1).trim())));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Alive and really a PostgreSQL server (a recycled pid of another program does not count). */
        boolean alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(p -> p.info().command())
                    .map(cmd -> cmd.endsWith("postgres"))
                    .orElse(false);
        }
    }
}
