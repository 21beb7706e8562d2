package org.trustregistry.query.common;

import org.hibernate.cfg.MappingSettings;
import org.hibernate.type.format.jackson.Jackson3JsonFormatMapper;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The read entities and their repositories live in the query side, wherever the application class is. */
@Configuration(proxyBeanMethods = false)
@EntityScan("org.trustregistry.query")
@EnableJpaRepositories("org.trustregistry.query")
public class QuerySidePersistence {

    /**
     * The read entities' JSON columns go through a mapper of their own that reads decimals as
     * {@code BigDecimal}, as the events carry them, so that what a projection stores reads back exactly:
     * Hibernate's default (Jackson 2, doubles) rounds long fractions and reads 1e400 as infinity. Not the
     * HTTP edge's mapper: what the edge refuses is none of the tables' business. (Their instants: see
     * {@link ExactInstants}.)
     */
    @Bean
    HibernatePropertiesCustomizer exactJsonColumns() {
        JsonMapper columns = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        return properties -> properties.put(MappingSettings.JSON_FORMAT_MAPPER, new Jackson3JsonFormatMapper(columns));
    }
}
