package org.trustregistry.server.cli;

import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The command side without the web server and without the query side: the tools' commands go through
 * the same aggregates, catalogs and event store as the server's, and no projection runs in the tool
 * (the server's projections pick the events up when they next look, within a second).
 */
// not a @SpringBootConfiguration: tests in this package must find the server's application, not this
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@ComponentScan(basePackages = {"org.trustregistry.command", "org.trustregistry.database",
        "org.trustregistry.server.axon", "org.trustregistry.server.keys", "org.trustregistry.server.security",
        "org.trustregistry.server.cli"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "org\\.trustregistry\\.server\\.security\\.ApiKeyAuthenticationFilter"))
class CommandLineApplication {
}
