package org.trustregistry.command.delegation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.AccreditedEntityState;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.command.common.Validation;
import org.trustregistry.command.issuer.Issuer;
import org.trustregistry.command.schema.SchemaCatalog;
import org.trustregistry.events.delegation.DelegationGranted;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.SchemaStatus;

/**
 * The rules of a delegation, each of which needs more than the delegation itself:
 * <ul>
 *   <li>the delegator is ACTIVE (and inside its validity window), the delegate is another issuer of
 *       the same registry and is not revoked;</li>
 *   <li>the delegator holds every delegated type at that moment (itself or by delegation), and the
 *       type's schema is not deprecated;</li>
 *   <li>a delegate never gets more than its delegator: jurisdictions and contexts within the
 *       delegator's, the window ending no later than the delegator's authority for those types;</li>
 *   <li>no cycles, and the chain from a root issuer is at most {@code trust-registry.delegation.max-depth}
 *       delegations long (default 3).</li>
 * </ul>
 * Grants within one registry are serialised (an advisory lock), so concurrent grants cannot close a cycle.
 */
@Component
class DelegationGranting {

    private final Configuration axon;
    private final DelegationCatalog delegations;
    private final SchemaCatalog schemas;
    private final Clock clock;
    private final int maxDepth;

    DelegationGranting(Configuration axon, DelegationCatalog delegations, SchemaCatalog schemas, Clock clock,
                       @Value("${trust-registry.delegation.max-depth:3}") int maxDepth) {
        this.axon = axon;
        this.delegations = delegations;
        this.schemas = schemas;
        this.clock = clock;
        this.maxDepth = maxDepth;
    }

    @CommandHandler
    DelegationState handle(GrantDelegation command, @MetaDataValue(MessageMetadata.ACTOR_ID) String actor)
            throws Exception {
        Instant now = clock.instant();
        Set<UUID> schemaIds = new LinkedHashSet<>(command.schemaIds() == null ? List.of() : command.schemaIds());
        if (schemaIds.isEmpty() || schemaIds.contains(null)) {
            throw new InvalidCommandException("credentialTypes", "name at least one credential type (schema id)");
        }
        Instant validFrom = Validation.toMicros(command.validFrom());
        Instant requestedUntil = Validation.toMicros(command.validUntil());
        Validation.requireWindow(validFrom, requestedUntil);

        AccreditedEntityState delegator = issuer(command.delegatorIssuerId());
        AccreditedEntityState delegate = issuer(command.delegateIssuerId());
        delegations.lockRegistry(delegator.registryId());

        if (delegator.status() != EntityStatus.ACTIVE) {
            throw new RuleViolationException("Issuer " + delegator.id() + " is " + delegator.status()
                    + "; only an active issuer delegates");
        }
        if (delegate.id().equals(delegator.id())) {
            throw new RuleViolationException("An issuer cannot delegate to itself");
        }
        if (!delegate.registryId().equals(delegator.registryId())) {
            throw new RuleViolationException("Issuer " + delegate.id() + " is not registered in registry "
                    + delegator.registryId());
        }
        if (delegate.status() == EntityStatus.REVOKED) {
            throw new RuleViolationException("Issuer " + delegate.id() + " is revoked");
        }

        Holdings holdings = Holdings.of(delegator, delegations.receivedBy(delegator.id()), now);
        List<CredentialTypeRef> types = new ArrayList<>();
        Instant authorityUntil = delegator.validUntil();
        int depth = 1;
        for (UUID schemaId : schemaIds) {
            if (!holdings.holds(schemaId)) {
                throw new RuleViolationException("Issuer " + delegator.id()
                        + " does not hold the credential type of schema " + schemaId + " and cannot delegate it");
            }
            Holdings.Source source = holdings.source(schemaId);
            if (!source.direct()) {
                // held by delegation: the delegate gets no longer than the longest link that backs it
                Instant longest = Instant.MIN;
                for (DelegationCatalog.Link link : source.links()) {
                    longest = link.validUntil() == null || longest == null ? null : max(longest, link.validUntil());
                    depth = Math.max(depth, link.depth() + 1);
                }
                authorityUntil = min(authorityUntil, longest);
            }
            SchemaCatalog.Entry schema = schemas.find(schemaId).orElseThrow();
            if (schema.status() != SchemaStatus.ACTIVE) {
                throw new RuleViolationException("Schema " + schemaId + " is " + schema.status()
                        + " and cannot be newly authorized, by delegation either");
            }
            types.add(new CredentialTypeRef(schemaId, schema.credentialType()));
        }
        if (depth > maxDepth) {
            throw new RuleViolationException("This delegation would be " + depth + " links from a root issuer; "
                    + "at most " + maxDepth + " are allowed");
        }
        if (delegations.ancestorsOf(delegator.id()).contains(delegate.id())) {
            throw new RuleViolationException("Issuer " + delegate.id() + " already delegates (directly or through "
                    + "others) to issuer " + delegator.id() + "; a delegation back would be a cycle");
        }
        Instant validUntil = requestedUntil == null ? authorityUntil : requestedUntil;
        if (authorityUntil != null && validUntil.isAfter(authorityUntil)) {
            throw new RuleViolationException("A delegate never gets more than its delegator: the delegator's "
                    + "authority for these types ends at " + authorityUntil);
        }
        if (validUntil != null && !validUntil.isAfter(now)) {
            throw new InvalidCommandException("validUntil", "the delegation would end before it starts");
        }
        List<String> jurisdictions = within("jurisdictions", command.jurisdictions(), delegator.jurisdictions());
        List<String> contexts = within("contexts", command.contexts(), delegator.contexts());

        DelegationGranted granted = new DelegationGranted(command.delegationId(), delegator.registryId(),
                delegator.id(), delegator.did(), delegate.id(), delegate.did(), List.copyOf(types), jurisdictions,
                contexts, validFrom, validUntil, command.proof() == null ? Map.of() : command.proof(), depth,
                Validation.actorOrSystem(actor), now);
        return axon.repository(Delegation.class).newInstance(() -> new Delegation(granted))
                .invoke(Delegation::state);
    }

    private AccreditedEntityState issuer(UUID issuerId) {
        if (issuerId == null) {
            throw new InvalidCommandException("delegateIssuerId", "the delegate issuer is required");
        }
        return axon.repository(Issuer.class).load(issuerId.toString()).invoke(Issuer::state);
    }

    /** The delegate's scope within the delegator's: none given means the delegator's own. */
    private static List<String> within(String field, List<String> requested, List<String> delegators) {
        if (requested == null || requested.isEmpty()) {
            return delegators == null ? List.of() : List.copyOf(delegators);
        }
        if (delegators != null && !delegators.isEmpty() && !delegators.containsAll(requested)) {
            throw new RuleViolationException("A delegate never gets more than its delegator: " + field + " "
                    + requested + " are not all within " + delegators);
        }
        return List.copyOf(requested);
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
