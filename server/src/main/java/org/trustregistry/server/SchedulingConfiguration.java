package org.trustregistry.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The scheduled work (expiry, idempotency clean-up) runs in the server, not in a command-line tool's run. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "trust-registry.command-line", havingValue = "false", matchIfMissing = true)
class SchedulingConfiguration {
}
