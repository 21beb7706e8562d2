package org.trustregistry.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trustregistry.database.EmbeddedPostgresServer;
import org.trustregistry.server.Api;
import org.trustregistry.server.IntegrationTest;

/**
 * The api-keys tool, run in this JVM as {@code java -jar … api-keys} runs it (its own Spring context,
 * no web server, no projections) against the test server's database while the server runs.
 */
class ApiKeysCommandLineIntegrationTest extends IntegrationTest {

    @Autowired
    private EmbeddedPostgresServer postgres;

    private record Run(int exit, String out, String err) {
    }

    private Run tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "api-keys";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = CommandLine.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("trust-registry.db.url", postgres.jdbcUrl(), "trust-registry.db.username", "postgres",
                        "trust-registry.data-dir", "target/it-data"));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void an_operator_without_a_working_key_creates_lists_and_revokes_keys_from_the_shell() {
        Run created = tool("create", "--name", "rescue admin", "--role", "admin");
        assertThat(created.exit()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("trk_").doesNotContain("\n");
        assertThat(api.get("/v2/api-keys", key).status()).isEqualTo(200);

        Api.Response listed = api.get("/v2/api-keys?size=500", key);
        String id = null;
        for (var item : listed.json().get("items")) {
            if (key.startsWith(item.get("prefix").asText()) && item.get("name").asText().equals("rescue admin")) {
                id = item.get("id").asText();
                assertThat(item.get("createdBy").asText()).startsWith("command-line:");
            }
        }
        assertThat(id).isNotNull();

        Run list = tool("list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(id).contains("rescue admin").doesNotContain(key);

        Run revoked = tool("revoke", id, "--reason", "recovered");
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(api.get("/v2/api-keys", key).status()).isEqualTo(401);
        assertThat(tool("revoke", id).exit()).as("already revoked").isEqualTo(1);
    }

    @Test
    void wrong_usage_is_refused_with_exit_2_and_writes_nothing() {
        long before = eventsButRefusals();
        assertThat(CommandLine.run(new String[] {"api-keys"}, System.out, System.err)).isEqualTo(2);
        assertThat(tool("create", "--name", "x").exit()).isEqualTo(2);
        assertThat(tool("create", "--name", "x", "--role", "root").exit()).isEqualTo(2);
        assertThat(tool("create", "--name", "x\u0000y", "--role", "auditor").exit()).isEqualTo(2);
        assertThat(tool("create", "--name", "x", "--role", "auditor", "--expires-at", "tomorrow").exit()).isEqualTo(2);
        assertThat(tool("create", "--name", "x", "--role", "auditor", "--bogus", "1").exit()).isEqualTo(2);
        assertThat(tool("revoke", "not-a-uuid").exit()).isEqualTo(2);
        assertThat(tool("create", "--name", "x", "--role", "registry_owner").exit()).as("no registry").isEqualTo(1);
        assertThat(eventsButRefusals()).isEqualTo(before);
    }
}
