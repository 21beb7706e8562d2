package org.trustregistry.server.cors;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which browser origins may call the API (CORS). {@code public-origins} for what anyone may call without a
 * key — TRQP, {@code /v2/query}, the Ayra reads, {@code /v2/public/**}, the plain public reads — by default
 * every origin; {@code write-origins} for everything that needs a key (the writes, and the reads for
 * auditors), by default none. Entries are origins ({@code https://admin.example}) or patterns
 * ({@code https://*.example.com}, {@code *}). Changeable while running (tests); {@link #reset()} restores the
 * configured ones.
 */
@Component
public class CorsSettings {

    /** The origins of one kind of route, and how long a browser may keep a preflight's answer. */
    public record Origins(List<String> publicOrigins, List<String> writeOrigins, Duration maxAge) {
    }

    private final Origins configured;
    private volatile Origins current;

    CorsSettings(@Value("${trust-registry.cors.public-origins:*}") List<String> publicOrigins,
                 @Value("${trust-registry.cors.write-origins:}") List<String> writeOrigins,
                 @Value("${trust-registry.cors.max-age:PT1H}") Duration maxAge) {
        this.configured = new Origins(clean(publicOrigins), clean(writeOrigins), maxAge);
        this.current = configured;
    }

    public Origins current() {
        return current;
    }

    public void allow(List<String> publicOrigins, List<String> writeOrigins) {
        current = new Origins(clean(publicOrigins), clean(writeOrigins), configured.maxAge());
    }

    public void reset() {
        current = configured;
    }

    private static List<String> clean(List<String> origins) {
        return origins == null ? List.of() : origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }
}
