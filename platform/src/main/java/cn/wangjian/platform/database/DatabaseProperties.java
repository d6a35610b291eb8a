package cn.wangjian.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives: {@code wangjian.data-dir} (embedded PostgreSQL in {@code pgdata/} below it, and the
 * platform's files), or an external PostgreSQL given by {@code wangjian.db.url}.
 */
@ConfigurationProperties(prefix = "wangjian")
public record DatabaseProperties(Path dataDir, Db db) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        db = db == null ? new Db(null, null, null, null, null) : db;
    }

    /**
     * An external database: the platform serves as {@code user}; migrations run as {@code ownerUser} when one is
     * given (the two roles of {@code db/external/roles.sql}), else as {@code user} too.
     */
    public record Db(String url, String user, String password, String ownerUser, String ownerPassword) {
        public boolean external() {
            return url != null && !url.isBlank();
        }

        public boolean separateOwner() {
            return ownerUser != null && !ownerUser.isBlank();
        }
    }
}
