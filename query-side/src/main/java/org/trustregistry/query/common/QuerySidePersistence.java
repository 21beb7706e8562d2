package org.trustregistry.query.common;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The read entities and their repositories live in the query side, wherever the application class is. */
@Configuration(proxyBeanMethods = false)
@EntityScan("org.trustregistry.query")
@EnableJpaRepositories("org.trustregistry.query")
public class QuerySidePersistence {
}
