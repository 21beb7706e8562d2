package org.trustregistry.query.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs a registry entry when it is first read, and keeps the signature in its row. The projection stores
 * each state with the key in use when it happened but does not sign it: an Ed25519 signature costs about
 * half a millisecond, more than everything else a write costs the projection, and most states are
 * superseded before anyone asks for them. Signing is over canonical JSON and Ed25519 is deterministic, so
 * the entry read is byte for byte the one signing at once would have given (and a rebuild, which empties
 * the table, signs the same bytes again).
 */
@Component
class RegistryEntrySignatures {

    static final String TYPE = "JOSE";

    private final EntrySigner signer;
    private final JdbcClient jdbc;

    RegistryEntrySignatures(EntrySigner signer, JdbcClient jdbc) {
        this.signer = signer;
        this.jdbc = jdbc;
    }

    /** The entry with its compact JWS, signed now (and kept) if it has none yet. */
    RegistryEntryView signed(RegistryEntryView entry) {
        if (entry.getEntry() != null) {
            return entry;
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", entry.getKid());
        header.put("typ", TYPE);
        String jws = CompactJws.sign(header, entry.getPayload(),
                input -> signer.sign(entry.getRegistryId(), entry.getKid(), input));
        // a concurrent reader may have signed it too: the same bytes, whichever is kept
        jdbc.sql("UPDATE registry_entries SET entry_jws = ? WHERE id = ? AND entry_jws IS NULL")
                .params(jws, entry.getId()).update();
        return entry.withEntry(jws);
    }
}
