package org.trustregistry.server.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.apikey.ApiKeySecrets;
import org.trustregistry.command.apikey.ApiKeyState;
import org.trustregistry.command.apikey.IssueApiKey;
import org.trustregistry.command.apikey.RevokeApiKey;
import org.trustregistry.server.security.Role;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.Rfc3339Time;
import org.trustregistry.shared.Text;
import org.trustregistry.shared.Timestamptz;

/**
 * {@code api-keys create --name N --role admin|registry_owner|auditor [--registry-id ID] [--expires-at T]}
 * prints the new key's secret (alone on standard output, so a script can take it; the rest goes to
 * standard error); {@code api-keys list} the keys (never a secret); {@code api-keys revoke ID [--reason R]}
 * revokes one at once. For an operator who has shell access but no working key.
 */
@Component
class ApiKeysTool {

    static final String NAME = "api-keys";
    static final String USAGE = """
            usage: java -jar trust-registry.jar api-keys create --name NAME --role admin|registry_owner|auditor \
            [--registry-id UUID] [--expires-at 2027-01-01T00:00:00Z]
                   java -jar trust-registry.jar api-keys list
                   java -jar trust-registry.jar api-keys revoke KEY-ID [--reason TEXT]""";

    /** What was asked: the action and its options. */
    record Invocation(String action, String keyId, Map<String, String> options) {
    }

    private final CommandGateway commands;
    private final ApiKeySecrets secrets;
    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeysTool(CommandGateway commands, ApiKeySecrets secrets, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static Invocation parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("api-keys: say create, list or revoke");
        }
        String action = args[0];
        int next = 1;
        String keyId = null;
        List<String> allowed = switch (action) {
            case "create" -> List.of("--name", "--role", "--registry-id", "--expires-at");
            case "list" -> List.of();
            case "revoke" -> List.of("--reason");
            default -> throw new IllegalArgumentException("api-keys: unknown action " + printable(action));
        };
        if (action.equals("revoke")) {
            if (args.length < 2 || args[1].startsWith("--")) {
                throw new IllegalArgumentException("api-keys revoke: which key (its id)?");
            }
            keyId = args[1];
            next = 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = next; i < args.length; i += 2) {
            String option = args[i];
            if (!allowed.contains(option)) {
                throw new IllegalArgumentException("api-keys " + action + ": unknown option " + printable(option));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("api-keys " + action + ": " + option + " needs a value");
            }
            if (options.put(option, args[i + 1]) != null) {
                throw new IllegalArgumentException("api-keys " + action + ": " + option + " given twice");
            }
        }
        if (action.equals("create")) {
            check(options);
        }
        if (keyId != null) {
            uuid("key id", keyId);
        }
        String reason = options.get("--reason");
        if (reason != null && (reason.length() > 2000 || !Text.isValid(reason, Text.Kind.FREE))) {
            throw new IllegalArgumentException("--reason: at most 2000 characters, no control characters");
        }
        return new Invocation(action, keyId, options);
    }

    /** Everything wrong with the options is said before anything starts (no database for a typo). */
    private static void check(Map<String, String> options) {
        if (!options.containsKey("--name") || !options.containsKey("--role")) {
            throw new IllegalArgumentException("api-keys create: --name and --role are required");
        }
        String name = options.get("--name");
        if (name.isBlank() || name.length() > 200 || !Text.isValid(name, Text.Kind.SINGLE_LINE)) {
            throw new IllegalArgumentException("--name: 1 to 200 characters, no control characters");
        }
        if (Role.of(options.get("--role")).isEmpty()) {
            throw new IllegalArgumentException("--role: one of admin, registry_owner, auditor");
        }
        if (options.containsKey("--registry-id")) {
            uuid("--registry-id", options.get("--registry-id"));
        }
        if (options.containsKey("--expires-at") && Rfc3339Time.parse(options.get("--expires-at")).isEmpty()) {
            throw new IllegalArgumentException("--expires-at: " + Rfc3339Time.RULE);
        }
    }

    int execute(Invocation invocation, PrintStream out, PrintStream err) {
        try {
            return switch (invocation.action()) {
                case "create" -> create(invocation.options(), out, err);
                case "list" -> list(out);
                case "revoke" -> revoke(invocation.keyId(), invocation.options(), out);
                default -> CommandLine.USAGE;
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return CommandLine.USAGE;
        } catch (RuntimeException e) {
            err.println("Refused: " + e.getMessage());
            return CommandLine.FAILED;
        }
    }

    private int create(Map<String, String> options, PrintStream out, PrintStream err) {
        String name = options.get("--name");
        String role = options.get("--role");
        UUID registryId = options.containsKey("--registry-id") ? UUID.fromString(options.get("--registry-id")) : null;
        Instant expiresAt = options.containsKey("--expires-at") ? Instant.parse(options.get("--expires-at")) : null;
        UUID id = UUID.randomUUID();
        String secret = secrets.newSecret();
        ApiKeyState state = commands.sendAndWait(as(new IssueApiKey(id, name, role, registryId, expiresAt,
                ApiKeySecrets.prefixOf(secret), secrets.hash(secret))));
        err.println("Issued API key " + state.id() + " (" + role + (registryId == null ? "" : " of registry "
                + registryId) + "); its secret, on standard output, is shown only now");
        out.println(secret);
        return CommandLine.OK;
    }

    private int list(PrintStream out) {
        Instant now = clock.instant();
        out.printf("%-36s  %-14s  %-36s  %-12s  %-7s  %-20s  %s%n", "id", "role", "registry", "prefix", "status",
                "last used", "name");
        jdbc.sql("SELECT id, role, registry_id, key_prefix, expires_at, revoked_at, last_used_at, name FROM api_keys "
                        + "ORDER BY created_at, id")
                .query((rs, row) -> {
                    UUID registry = rs.getObject(3, UUID.class);
                    Instant lastUsed = Timestamptz.read(rs, 7);
                    out.printf("%-36s  %-14s  %-36s  %-12s  %-7s  %-20s  %s%n", rs.getObject(1, UUID.class),
                            rs.getString(2), registry == null ? "-" : registry, rs.getString(4),
                            ApiKeyState.status(now, Timestamptz.read(rs, 5), Timestamptz.read(rs, 6)),
                            lastUsed == null ? "never" : lastUsed.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                            printable(rs.getString(8)));
                    return row;
                })
                .list();
        return CommandLine.OK;
    }

    private int revoke(String keyId, Map<String, String> options, PrintStream out) {
        ApiKeyState state = commands.sendAndWait(as(new RevokeApiKey(UUID.fromString(keyId), options.get("--reason"))));
        out.println("Revoked API key " + state.id() + " at " + state.revokedAt());
        return CommandLine.OK;
    }

    /** Sent with the system's authority, on behalf of the operator at the shell. */
    private static Object as(Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData
                .with(MessageMetadata.ACTOR_ID, "command-line:" + System.getProperty("user.name", "unknown"))
                .and(MessageMetadata.ACTOR_ROLE, MessageMetadata.SYSTEM_ACTOR));
    }

    private static UUID uuid(String what, String value) {
        if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException(what + ": not a UUID");
        }
        return UUID.fromString(value);
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
