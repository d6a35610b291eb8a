package cn.wangjian.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded server's generated passwords (superuser, schema owner, application role), kept owner-only in the
 * data directory ({@code db-credentials.properties}), created once.
 */
public record DatabaseCredentials(String superuserPassword, String ownerPassword, String appPassword) {

    public static final String FILE = "db-credentials.properties";
    public static final String OWNER = "wangjian_owner";
    public static final String APP = "wangjian_app";

    static DatabaseCredentials loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Properties p = new Properties();
                p.setProperty("superuser", secret());
                p.setProperty("owner", secret());
                p.setProperty("app", secret());
                java.io.StringWriter text = new java.io.StringWriter();
                p.store(text, "wangjian embedded PostgreSQL passwords: keep owner-only, never commit");
                OwnerOnlyFile.createIfAbsent(file, text.toString());
            }
            return read(dataDir).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读写数据库口令文件 " + file + " (cannot read or write the credentials)", e);
        }
    }

    /** The credentials of a data directory, if it has them (a server from before they existed has none). */
    public static java.util.Optional<DatabaseCredentials> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
        return java.util.Optional.of(new DatabaseCredentials(p.getProperty("superuser"), p.getProperty("owner"),
                p.getProperty("app")));
    }

    private static String secret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
