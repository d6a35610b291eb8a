package cn.wangjian.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's one DataSource: embedded PostgreSQL by default, an external one by configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("wangjian");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(10_000);
        if (properties.db().external()) {
            config.setJdbcUrl(properties.db().url());
            config.setUsername(properties.db().user());
            config.setPassword(properties.db().password());
            return new HikariDataSource(config);
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.open(properties.dataDir().resolve("pgdata").toAbsolutePath());
        config.setJdbcUrl(embedded.jdbcUrl());
        config.setUsername(embedded.username());
        return new EmbeddedHikariDataSource(config, embedded);
    }

    /** Stops the embedded server after the pool is closed. */
    static final class EmbeddedHikariDataSource extends HikariDataSource {
        private final EmbeddedDatabase embedded;

        EmbeddedHikariDataSource(HikariConfig config, EmbeddedDatabase embedded) {
            super(config);
            this.embedded = embedded;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                embedded.close();
            }
        }
    }
}
