package org.trustregistry.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.trustregistry.server.cli.CommandLine;

/**
 * The trust registry: command side and query side in one process, over one PostgreSQL. With a first
 * argument naming a tool ({@code api-keys …}) it runs that tool instead (see {@link CommandLine}).
 */
@SpringBootApplication(scanBasePackages = "org.trustregistry")
public class TrustRegistryApplication {

    public static void main(String[] args) {
        // Axon 4.12+ reports usage to AxonIQ unless this is set before it starts (STACK-NOTES trap 10);
        // there is no Spring property for it.
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (args.length > 0 && CommandLine.handles(args[0])) {
            System.exit(CommandLine.run(args));
        }
        SpringApplication.run(TrustRegistryApplication.class, args);
    }
}
