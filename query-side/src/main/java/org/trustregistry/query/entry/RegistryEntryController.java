package org.trustregistry.query.entry;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.shared.EntityType;

/** Signed registry entries, their verification, and the registries' DID documents with the public keys. */
@RestController
class RegistryEntryController {

    record VerifyRequest(@NotBlank @Size(max = 65536) String entry) {
    }

    /** Whether an entry was signed by a registry key, which, and whether it is still the entity's latest. */
    record Verification(boolean valid, String reason, String kid, UUID registryId, Boolean current,
                        Map<String, Object> payload) {
    }

    private final RegistryEntryRepository entries;
    private final RegistrySigningKeyRepository keys;
    private final RegistryEntrySignatures signatures;

    RegistryEntryController(RegistryEntryRepository entries, RegistrySigningKeyRepository keys,
                            RegistryEntrySignatures signatures) {
        this.entries = entries;
        this.keys = keys;
        this.signatures = signatures;
    }

    @GetMapping("/v2/issuers/{id}/entry")
    @Operation(summary = "The issuer's current registry entry: its state, signed by its registry as a compact JWS")
    RegistryEntryView issuerEntry(@PathVariable UUID id) {
        return latest(EntityType.ISSUER, id);
    }

    @GetMapping("/v2/verifiers/{id}/entry")
    @Operation(summary = "The verifier's current registry entry: its state, signed by its registry as a compact JWS")
    RegistryEntryView verifierEntry(@PathVariable UUID id) {
        return latest(EntityType.VERIFIER, id);
    }

    @GetMapping(value = "/v2/registries/{id}/did.json", produces = {"application/did+json", "application/json"})
    @Operation(summary = "The registry's DID document, with every signing key it has had")
    Map<String, Object> didDocument(@PathVariable UUID id) {
        List<RegistrySigningKeyView> registryKeys = keys.findByRegistryIdOrderByActiveFrom(id);
        if (registryKeys.isEmpty()) {
            throw new NotFoundException("No registry " + id);
        }
        String did = registryKeys.get(0).getEcosystemDid();
        List<Map<String, Object>> methods = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (RegistrySigningKeyView key : registryKeys) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("id", key.getKid());
            method.put("type", "JsonWebKey2020");
            method.put("controller", did);
            method.put("publicKeyJwk", key.getPublicJwk());
            methods.add(method);
            ids.add(key.getKid());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"));
        document.put("id", did);
        document.put("verificationMethod", methods);
        document.put("assertionMethod", ids);
        return document;
    }

    @PostMapping("/v2/entries/verify")
    @Operation(summary = "Checks a signed entry: signature, registry key, and whether it is still the latest")
    Verification verify(@Valid @RequestBody VerifyRequest request) {
        CompactJws.Parts parts;
        try {
            parts = CompactJws.parse(request.entry().trim());
        } catch (RuntimeException e) {
            return new Verification(false, "not a compact JWS: " + e.getMessage(), null, null, null, null);
        }
        if (!"EdDSA".equals(parts.header().get("alg"))) {
            return new Verification(false, "unsupported algorithm " + parts.header().get("alg"), null, null, null,
                    null);
        }
        String kid = String.valueOf(parts.header().get("kid"));
        RegistrySigningKeyView key = keys.findById(kid).orElse(null);
        if (key == null) {
            return new Verification(false, "unknown key " + kid, kid, null, null, null);
        }
        if (!CompactJws.verify(parts, key.getPublicJwk())) {
            return new Verification(false, "the signature does not match the entry", kid, key.getRegistryId(), null,
                    null);
        }
        Boolean current = null;
        Object entityId = parts.payload().get("id");
        Object version = parts.payload().get("version");
        if (entityId instanceof String id && version instanceof Number number) {
            current = entries.findFirstByEntityIdOrderByVersionDesc(UUID.fromString(id))
                    .map(latest -> latest.getVersion() == number.longValue()).orElse(false);
        }
        return new Verification(true, "signed by " + kid, kid, key.getRegistryId(), current, parts.payload());
    }

    private RegistryEntryView latest(EntityType type, UUID id) {
        return entries.findFirstByEntityTypeAndEntityIdOrderByVersionDesc(type.name(), id).map(signatures::signed)
                .orElseThrow(() -> new NotFoundException("No " + type.name().toLowerCase() + " " + id));
    }
}
