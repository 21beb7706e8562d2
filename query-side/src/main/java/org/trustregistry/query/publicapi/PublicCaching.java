package org.trustregistry.query.publicapi;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the public API: {@code Cache-Control: public, max-age=…} on every successful answer
 * ({@code trust-registry.public-api.max-age}), a strong ETag computed from the response body, and
 * {@code 304 Not Modified} without a body when {@code If-None-Match} matches it.
 * <p>
 * Why Spring's {@link ShallowEtagHeaderFilter} (ETag = hash of the body) and not an ETag derived from the
 * projections' positions: an answer here changes without any new event — an issuer drops out of the
 * lists the moment its {@code validUntil} passes, before the expiry event is written — and it joins
 * several projections that advance independently (entities, credential types, registries). Only the
 * content itself changes exactly when the answer does. The price is that a 304 still runs the query;
 * what it saves is the transfer and the client's work. Pages are bounded (size ≤ 500), so buffering a
 * body to hash it is cheap.
 */
@Configuration(proxyBeanMethods = false)
public class PublicCaching {

    private final String cacheControl;

    PublicCaching(@Value("${trust-registry.public-api.max-age:60s}") Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("trust-registry.public-api.max-age must not be negative");
        }
        // written out rather than with CacheControl, which orders it "max-age=60, public"
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    /**
     * Registered for {@code /v2/public/*} (a servlet pattern: every path below) and nowhere else. Declared
     * as a plain filter bean, Spring Boot would put it in front of every path, writes and problem answers
     * of the whole API included. It runs innermost (lowest precedence), after the API-key check, and
     * only 2xx answers to GET/HEAD get an ETag.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicApiETags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.setName("publicApiETags");
        registration.addUrlPatterns("/v2/public/*");
        return registration;
    }

    /** A 200 answer with the public cache headers (the ETag is added by the filter). */
    <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, cacheControl).body(body);
    }
}
