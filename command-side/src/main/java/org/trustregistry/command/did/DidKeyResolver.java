package org.trustregistry.command.did;

import java.util.List;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.shared.Did;

/**
 * did:key: the DID is its public key ({@code did:key:<multibase multicodec key>}), so it resolves
 * locally, without I/O, to one verification method {@code did:key:<id>#<id>}.
 */
@Component
class DidKeyResolver {

    static final String SOURCE = "did:key";

    Resolution resolve(Did did) {
        String id = did.value().substring("did:key:".length());
        try {
            return new Resolution(List.of(Multikey.toJwk(id, did.value() + "#" + id)), SOURCE);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommandException("did", "not a did:key this registry can decode: " + e.getMessage());
        }
    }
}
