package org.trustregistry.query.publicapi;

import org.trustregistry.query.admin.FailClosed;
import org.trustregistry.query.trqp.AuthorityHistory;
import org.trustregistry.query.trqp.AuthorityHistoryProjection;
import org.trustregistry.query.registry.TrustRegistryProjection;
import org.trustregistry.query.schema.CredentialSchemaProjection;
import org.trustregistry.query.issuer.IssuerProjection;
import org.trustregistry.query.verifier.VerifierProjection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trustregistry.query.accreditation.AccreditedEntityView;
import org.trustregistry.query.common.Filters;
import org.trustregistry.query.common.PageResponse;
import org.trustregistry.query.common.Paging;
import org.trustregistry.query.issuer.IssuerCredentialTypeRepository;
import org.trustregistry.query.issuer.IssuerCredentialTypeView;
import org.trustregistry.query.issuer.IssuerRepository;
import org.trustregistry.query.issuer.IssuerView;
import org.trustregistry.query.registry.TrustRegistryRepository;
import org.trustregistry.query.registry.TrustRegistryView;
import org.trustregistry.query.schema.CredentialSchemaRepository;
import org.trustregistry.query.schema.CredentialSchemaView;
import org.trustregistry.query.verifier.VerifierCredentialTypeRepository;
import org.trustregistry.query.verifier.VerifierCredentialTypeView;
import org.trustregistry.query.verifier.VerifierRepository;
import org.trustregistry.query.verifier.VerifierView;
import org.trustregistry.shared.RegistryStatus;
import org.trustregistry.shared.SchemaStatus;

/**
 * What a wallet may trust right now: the active registries, and the active schemas, issuers and verifiers
 * of active registries.
 */
@FailClosed({TrustRegistryProjection.NAME, CredentialSchemaProjection.NAME, IssuerProjection.NAME,
        VerifierProjection.NAME})
@RestController
@RequestMapping("/v2/public")
class PublicListController {

    private final TrustRegistryRepository registries;
    private final CredentialSchemaRepository schemas;
    private final PublicEntityTables<IssuerView, IssuerCredentialTypeView> issuers;
    private final PublicEntityTables<VerifierView, VerifierCredentialTypeView> verifiers;
    private final PublicCaching caching;
    private final Clock clock;
    private final AuthorityHistory history;
    private final EntityManager entityManager;

    PublicListController(TrustRegistryRepository registries, CredentialSchemaRepository schemas,
                         IssuerRepository issuers, IssuerCredentialTypeRepository issuerTypes,
                         VerifierRepository verifiers, VerifierCredentialTypeRepository verifierTypes,
                         PublicCaching caching, Clock clock, AuthorityHistory history, EntityManager entityManager) {
        this.history = history;
        this.entityManager = entityManager;
        this.registries = registries;
        this.schemas = schemas;
        this.issuers = new PublicEntityTables<>(issuers, issuerTypes, IssuerCredentialTypeView.class);
        this.verifiers = new PublicEntityTables<>(verifiers, verifierTypes, VerifierCredentialTypeView.class);
        this.caching = caching;
        this.clock = clock;
    }

    @GetMapping("/registries")
    ResponseEntity<PageResponse<PublicRegistry>> registries(@RequestParam(required = false) String ecosystemDid,
                                                            @RequestParam(required = false) String trustFrameworkId,
                                                            @RequestParam(required = false) String q,
                                                            @RequestParam(required = false) Integer page,
                                                            @RequestParam(required = false) Integer size) {
        Specification<TrustRegistryView> filter = Filters.all(
                Filters.equal("status", RegistryStatus.ACTIVE.name()),
                Filters.equal("ecosystemDid", Filters.did("ecosystemDid", ecosystemDid)),
                Filters.equal("trustFrameworkId", Filters.uuid("trustFrameworkId", trustFrameworkId)),
                Filters.nameMatches(q));
        return caching.ok(PageResponse.of(registries.findAll(filter, Paging.of(page, size, Sort.by("name", "id"))),
                PublicRegistry::of));
    }

    @GetMapping("/schemas")
    ResponseEntity<PageResponse<PublicSchema>> schemas(@RequestParam(required = false) String registryId,
                                                       @RequestParam(required = false) String type,
                                                       @RequestParam(required = false) String q,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        Specification<CredentialSchemaView> filter = Filters.all(
                Filters.equal("status", SchemaStatus.ACTIVE.name()),
                PublicFilters.inActiveRegistry(),
                Filters.equal("registryId", Filters.uuid("registryId", registryId)),
                Filters.equal("type", type),
                Filters.nameMatches(q));
        return caching.ok(PageResponse.of(schemas.findAll(filter, Paging.of(page, size, Sort.by("name", "id"))),
                PublicSchema::of));
    }

    @GetMapping("/issuers")
    @FailClosed({TrustRegistryProjection.NAME, IssuerProjection.NAME, AuthorityHistoryProjection.NAME})
    ResponseEntity<PageResponse<PublicEntity>> issuers(@RequestParam(required = false) String registryId,
                                                       @RequestParam(required = false) String did,
                                                       @RequestParam(required = false) String credentialType,
                                                       @RequestParam(required = false) String q,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        return caching.ok(entities(issuers, IssuerView.class, registryId, did, credentialType, q, page, size));
    }

    @GetMapping("/verifiers")
    @FailClosed({TrustRegistryProjection.NAME, VerifierProjection.NAME, AuthorityHistoryProjection.NAME})
    ResponseEntity<PageResponse<PublicEntity>> verifiers(@RequestParam(required = false) String registryId,
                                                         @RequestParam(required = false) String did,
                                                         @RequestParam(required = false) String credentialType,
                                                         @RequestParam(required = false) String q,
                                                         @RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size) {
        return caching.ok(entities(verifiers, VerifierView.class, registryId, did, credentialType, q, page, size));
    }

    /**
     * The issuers or verifiers in good standing now, in an ACTIVE registry — decided by the authority history, the
     * one evaluator of standing ({@link AuthorityHistory}) — among those the descriptive filters (registry, DID,
     * credential type held, name) select in the read table, by name then id, one page of them.
     */
    private <V extends AccreditedEntityView> PageResponse<PublicEntity> entities(
            PublicEntityTables<V, ?> tables, Class<V> type, String registryId, String did, String credentialType,
            String q, Integer page, Integer size) {
        PageRequest pageable = Paging.of(page, size, Sort.by("name", "id"));
        Specification<V> filter = Filters.all(
                Filters.equal("registryId", Filters.uuid("registryId", registryId)),
                Filters.equal("did", Filters.did("did", did)),
                tables.holdsCredentialType(credentialType),
                Filters.nameMatches(q));
        List<UUID> standing = history.standing(tables.ids(entityManager, type, filter), clock.instant());
        int from = (int) Math.min(standing.size(), pageable.getOffset());
        List<V> rows = tables.inOrder(standing.subList(from, Math.min(standing.size(), from + pageable.getPageSize())));
        Page<V> found = new PageImpl<>(rows, pageable, standing.size());
        Map<UUID, List<PublicCredentialType>> types = tables.credentialTypes(found.getContent());
        return PageResponse.of(found, v -> PublicEntity.of(v, types.getOrDefault(v.getId(), List.of())));
    }
}
