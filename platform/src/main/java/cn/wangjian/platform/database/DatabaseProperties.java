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
        db = db == null ? new Db(null, null, null) : db;
    }

    public record Db(String url, String user, String password) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }
}
