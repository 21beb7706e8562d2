package org.trustregistry.server.edge;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring MVC reads and writes JSON with {@link StrictJson#mapper}. Boot sets its JSON converter, on the
 * application's mapper, in a customizer of order 0; this one runs after it and replaces it. (A converter
 * bean would not do: Boot puts converter beans before its String and byte[] converters, and the OpenAPI
 * document, a String, would come out as one JSON string.)
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    @Order(1)
    ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(StrictJson.mapper(jsonMapper));
        return builder -> builder.withJsonConverter(converter);
    }
}
