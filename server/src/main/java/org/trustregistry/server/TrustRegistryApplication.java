package org.trustregistry.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The trust registry: command side and query side in one process, over one PostgreSQL. */
@SpringBootApplication(scanBasePackages = "org.trustregistry")
@EnableScheduling
public class TrustRegistryApplication {

    public static void main(String[] args) {
        // Axon 4.12+ reports usage to AxonIQ unless this is set before it starts (STACK-NOTES trap 10);
        // there is no Spring property for it.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(TrustRegistryApplication.class, args);
    }
}
