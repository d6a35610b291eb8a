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
        config.setPassword(embedded.password());
        return new EmbeddedHikariDataSource(config, embedded);
    }

    /** With the embedded server, migrations run as the schema owner; the platform itself as the application role. */
    @Bean
    org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer ownerRunsMigrations(DataSource dataSource,
                                                                                              DatabaseProperties properties) {
        return configuration -> {
            if (dataSource instanceof EmbeddedHikariDataSource e) {
                configuration.dataSource(e.getJdbcUrl(), e.embedded.ownerUsername(), e.embedded.ownerPassword());
            } else if (properties.db().external() && properties.db().separateOwner()) {
                configuration.dataSource(properties.db().url(), properties.db().ownerUser(), properties.db().ownerPassword());
            }
        };
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
