package org.trustregistry.server.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring MVC reads and writes JSON with {@link StrictJson#mapper}. Declaring the converter replaces the
 * one Boot would build on the application's mapper (Boot backs off when this bean exists), so the edge's
 * rules apply to HTTP bodies only.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JacksonJsonHttpMessageConverter jacksonJsonHttpMessageConverter(JsonMapper jsonMapper) {
        return new JacksonJsonHttpMessageConverter(StrictJson.mapper(jsonMapper));
    }
}
