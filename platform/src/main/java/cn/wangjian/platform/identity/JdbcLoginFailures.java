package cn.wangjian.platform.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Login failures in the database: a restart does not clear them, and every instance sees the same ones. */
final class JdbcLoginFailures implements LoginThrottle.Failures {

    private final JdbcClient jdbc;
    private final Duration keep;

    JdbcLoginFailures(JdbcClient jdbc, Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    public LoginThrottle.Window since(String key, Instant since) {
        return jdbc.sql("SELECT count(*), max(at) FROM login_failure WHERE key = ? AND at > ?")
                .params(key, Timestamp.from(since))
                .query((rs, n) -> new LoginThrottle.Window(rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant())).single();
    }

    @Override
    public void add(String key, Instant at) {
        jdbc.sql("INSERT INTO login_failure (key, at) VALUES (?, ?)").params(key, Timestamp.from(at)).update();
        // old failures go as new ones come: the table holds about one window of them
        jdbc.sql("DELETE FROM login_failure WHERE key = ? AND at < ?").params(key, Timestamp.from(at.minus(keep))).update();
    }

    @Override
    public void clear(String key) {
        jdbc.sql("DELETE FROM login_failure WHERE key = ?").param(key).update();
    }
}
