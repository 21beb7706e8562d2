package org.trustregistry.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.trustregistry.database.EmbeddedPostgresServer;

/**
 * The jar's command-line tools, for an operator with shell access: {@code java -jar trust-registry.jar
 * api-keys create|list|revoke …}. A tool runs the command side alone (no web server, no projections, no
 * scheduled work) against the configured database — the same TRUST_REGISTRY_* settings as the server —
 * and sends its commands like any request would, so what it does is an event in the history like the
 * rest (actor {@code command-line:<user>}). With the embedded database: if a server is running on the
 * data directory, the tool connects to that server's PostgreSQL; otherwise it starts it for the run.
 */
public final class CommandLine {

    /** Exit codes: 0 done, 2 wrong usage, 1 refused or failed (the message says why). */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private CommandLine() {
    }

    public static boolean handles(String first) {
        return first.equals(ApiKeysTool.NAME);
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Map.of());
    }

    /** With settings of its own that come before the environment's (tests: the database and data directory). */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> settings) {
        ApiKeysTool.Invocation invocation;
        try {
            invocation = ApiKeysTool.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ApiKeysTool.USAGE);
            return USAGE;
        }
        SpringApplication application = new SpringApplication(CommandLineApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of(
                "trust-registry.command-line", "true",
                "logging.level.root", "WARN",
                "management.endpoint.health.validate-group-membership", "false",
                "logging.level.org.trustregistry.database", "WARN"));
        application.addListeners(event -> {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared && !settings.isEmpty()) {
                prepared.getEnvironment().getPropertySources().addFirst(new MapPropertySource("tool-settings",
                        settings));
            }
        });
        application.addListeners(CommandLine::useTheRunningDatabase);
        try (ConfigurableApplicationContext context = application.run()) {
            return context.getBean(ApiKeysTool.class).execute(invocation, out, err);
        } catch (RuntimeException e) {
            err.println("Failed: " + rootMessage(e));
            return FAILED;
        }
    }

    /**
     * With the embedded database and a server running on the same data directory, its PostgreSQL is the
     * database: starting another one there would stop it under the server.
     */
    private static void useTheRunningDatabase(org.springframework.context.ApplicationEvent event) {
        if (!(event instanceof ApplicationEnvironmentPreparedEvent prepared)) {
            return;
        }
        ConfigurableEnvironment environment = prepared.getEnvironment();
        String url = environment.getProperty("trust-registry.db.url", "");
        if (!url.isBlank()) {
            return;
        }
        Path data = Path.of(environment.getProperty("trust-registry.data-dir", "data")).resolve("postgres");
        OptionalInt port = EmbeddedPostgresServer.runningPort(data);
        if (port.isPresent()) {
            Map<String, Object> running = new LinkedHashMap<>();
            running.put("trust-registry.db.url", "jdbc:postgresql://localhost:" + port.getAsInt() + "/postgres");
            running.put("trust-registry.db.username", "postgres");
            running.put("trust-registry.db.password", "");
            environment.getPropertySources().addFirst(new MapPropertySource("running-embedded-database", running));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
