package org.trustregistry.server.idempotency;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * A write request that carries an Idempotency-Key not used before: who sent it, the key, and what the
 * request was. It travels from the HTTP request (an attribute) to the command that answers it (its
 * metadata), where the record is claimed; the metadata never reaches the events.
 */
public record IdempotentRequest(UUID caller, String key, String fingerprint, String method, String target) {

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    public static final String CALLER = "idempotencyCaller";
    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "idempotencyFingerprint";
    public static final String METHOD = "idempotencyMethod";
    public static final String TARGET = "idempotencyTarget";

    public Map<String, Object> toMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(CALLER, caller.toString());
        metadata.put(KEY, key);
        metadata.put(FINGERPRINT, fingerprint);
        metadata.put(METHOD, method);
        metadata.put(TARGET, target);
        return metadata;
    }

    static Optional<IdempotentRequest> fromMetadata(MetaData metadata) {
        if (!(metadata.get(KEY) instanceof String key)) {
            return Optional.empty();
        }
        return Optional.of(new IdempotentRequest(UUID.fromString((String) metadata.get(CALLER)), key,
                (String) metadata.get(FINGERPRINT), (String) metadata.get(METHOD), (String) metadata.get(TARGET)));
    }
}
