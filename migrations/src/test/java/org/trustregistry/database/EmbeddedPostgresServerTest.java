package org.trustregistry.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL as the server uses it: durable, and its data kept across restarts. */
class EmbeddedPostgresServerTest {

    private static final DatabaseProperties.Embedded DURABLE = new DatabaseProperties.Embedded(0, true, false);

    @TempDir
    Path dataDir;

    @Test
    void data_survives_a_restart_and_the_server_is_durable() throws Exception {
        Path data = dataDir.resolve("postgres");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, DURABLE);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE kept (value TEXT)");
            sql.execute("INSERT INTO kept VALUES ('still here')");
            assertThat(setting(sql, "fsync")).isEqualTo("on");
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, DURABLE);
             Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void a_data_directory_that_cannot_be_used_gives_a_message_that_says_what_to_do() throws Exception {
        Path notADirectory = dataDir.resolve("file");
        java.nio.file.Files.writeString(notADirectory, "x");
        try {
            EmbeddedPostgresServer.start(notADirectory.resolve("postgres"), DURABLE).close();
            org.junit.jupiter.api.Assertions.fail("started on a path below a file");
        } catch (EmbeddedDatabaseStartException e) {
            assertThat(e.getMessage()).contains("TRUST_REGISTRY_DB_URL").contains(notADirectory.toString());
        }
    }

    private static String setting(Statement sql, String name) throws Exception {
        try (ResultSet rows = sql.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
