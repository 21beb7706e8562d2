package org.trustregistry.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of registry a federation connection recognizes: a ToIP (TRQP) trust registry, an EBSI
 * trusted list, or another kind. Events carry the constant; the HTTP API and the read table use the
 * lower-case {@link #wireName()} ({@code toip}, {@code ebsi}, {@code custom}).
 */
public enum RemoteRegistryType {
    TOIP,
    EBSI,
    CUSTOM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RemoteRegistryType> fromWireName(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(RemoteRegistryType::wireName).toList());
    }
}
