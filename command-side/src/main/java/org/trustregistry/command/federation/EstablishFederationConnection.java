package org.trustregistry.command.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.trustregistry.command.common.Validation;
import org.trustregistry.shared.RecognitionScope;
import org.trustregistry.shared.RemoteRegistryType;

/**
 * Let a registry recognize another registry (by its DID) for some action + resource scopes; at most
 * one connection per remote DID that is not terminated.
 */
public record EstablishFederationConnection(UUID connectionId, UUID registryId, String remoteRegistryDid,
                                            String remoteRegistryName, String remoteRegistryEndpoint,
                                            RemoteRegistryType remoteRegistryType, String trustLevel,
                                            String federationAgreementUrl, List<RecognitionScope> recognitions,
                                            Instant validFrom, Instant validUntil) {

    public EstablishFederationConnection {
        // a copy that may hold nulls: the aggregate names the offending entry rather than failing here
        recognitions = recognitions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(recognitions));
        validFrom = Validation.toMicros(validFrom);
        validUntil = Validation.toMicros(validUntil);
    }
}
