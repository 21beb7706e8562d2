package org.trustregistry.query.publicapi;

import org.trustregistry.query.admin.FailClosed;
import org.trustregistry.query.registry.TrustRegistryProjection;
import org.trustregistry.query.schema.CredentialSchemaProjection;
import org.trustregistry.query.issuer.IssuerProjection;
import org.trustregistry.query.verifier.VerifierProjection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.accreditation.AccreditedEntityView;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.issuer.IssuerCredentialTypeRepository;
import org.trustregistry.query.issuer.IssuerCredentialTypeView;
import org.trustregistry.query.issuer.IssuerRepository;
import org.trustregistry.query.issuer.IssuerView;
import org.trustregistry.query.registry.TrustRegistryRepository;
import org.trustregistry.query.registry.TrustRegistryView;
import org.trustregistry.query.verifier.VerifierCredentialTypeRepository;
import org.trustregistry.query.verifier.VerifierCredentialTypeView;
import org.trustregistry.query.verifier.VerifierRepository;
import org.trustregistry.query.verifier.VerifierView;

/**
 * "Where is this DID registered as issuer (verifier)?": every registration, whatever its status or its
 * registry's. The DID is a path segment, decoded once: a DID with a percent-encoded octet
 * ({@code did:web:host%3A8443}) must be sent with its {@code %} encoded ({@code did:web:host%253A8443}).
 */
@FailClosed({TrustRegistryProjection.NAME, CredentialSchemaProjection.NAME, IssuerProjection.NAME,
        VerifierProjection.NAME})
@RestController
@RequestMapping("/v2/public/lookup")
class PublicLookupController {

    private final TrustRegistryRepository registries;
    private final PublicEntityTables<IssuerView, IssuerCredentialTypeView> issuers;
    private final PublicEntityTables<VerifierView, VerifierCredentialTypeView> verifiers;
    private final PublicCaching caching;

    PublicLookupController(TrustRegistryRepository registries,
                           IssuerRepository issuers, IssuerCredentialTypeRepository issuerTypes,
                           VerifierRepository verifiers, VerifierCredentialTypeRepository verifierTypes,
                           PublicCaching caching) {
        this.registries = registries;
        this.issuers = new PublicEntityTables<>(issuers, issuerTypes, IssuerCredentialTypeView.class);
        this.verifiers = new PublicEntityTables<>(verifiers, verifierTypes, VerifierCredentialTypeView.class);
        this.caching = caching;
    }

    @GetMapping("/issuer/{did}")
    ResponseEntity<PublicLookup> issuer(@PathVariable String did) {
        return caching.ok(lookup("issuer", issuers, did));
    }

    @GetMapping("/verifier/{did}")
    ResponseEntity<PublicLookup> verifier(@PathVariable String did) {
        return caching.ok(lookup("verifier", verifiers, did));
    }

    private <V extends AccreditedEntityView> PublicLookup lookup(String role, PublicEntityTables<V, ?> tables,
                                                                 String did) {
        Filters.did("did", did);
        List<V> found = tables.findByDid(did);
        if (found.isEmpty()) {
            throw new NotFoundException(did + " is registered as " + role + " in no registry");
        }
        Map<UUID, TrustRegistryView> registry = registries
                .findAllById(found.stream().map(V::getRegistryId).distinct().toList()).stream()
                .collect(Collectors.toMap(TrustRegistryView::getId, Function.identity()));
        Map<UUID, List<PublicCredentialType>> types = tables.credentialTypes(found);
        return new PublicLookup(did, role, found.stream()
                .map(v -> PublicLookup.Registration.of(v, types.getOrDefault(v.getId(), List.of()),
                        PublicLookup.Registry.of(v.getRegistryId(), registry.get(v.getRegistryId()))))
                .toList());
    }
}
