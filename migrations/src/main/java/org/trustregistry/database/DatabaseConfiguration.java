package org.trustregistry.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource of the application: an external PostgreSQL when TRUST_REGISTRY_DB_URL is set,
 * otherwise the embedded one, whose data survives restarts in the data directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    private static final String EMBEDDED = "'${trust-registry.db.url:}'.isBlank()";
    private static final String EXTERNAL = "!'${trust-registry.db.url:}'.isBlank()";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        return EmbeddedPostgresServer.start(properties.embeddedDataDirectory(), properties.db().embedded());
    }

    /** Taking the server as a parameter makes Spring close the pool before it stops PostgreSQL. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EMBEDDED)
    DataSource embeddedDataSource(DatabaseProperties properties, EmbeddedPostgresServer server) {
        return pool(properties, server.jdbcUrl(), "postgres", null);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EXTERNAL)
    DataSource externalDataSource(DatabaseProperties properties) {
        DatabaseProperties.Db db = properties.db();
        return pool(properties, db.url(), db.username(), db.password());
    }

    private static DataSource pool(DatabaseProperties properties, String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("trust-registry");
        config.setMaximumPoolSize(properties.db().maxPoolSize());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        // A database that is gone or frozen must not hang requests: waiting for a connection, connecting,
        // and every statement's answer are bounded, so a request fails (503) within a few seconds.
        DatabaseProperties.Db db = properties.db();
        long socketSeconds = Math.max(1, db.socketTimeout().toSeconds());
        config.setConnectionTimeout(Math.max(250, db.connectionTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(1000, db.connectionTimeout().toMillis() - 100)));
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.min(2, socketSeconds)));
        config.addDataSourceProperty("loginTimeout", Long.toString(Math.min(2, socketSeconds)));
        config.addDataSourceProperty("socketTimeout", Long.toString(socketSeconds));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }
}
