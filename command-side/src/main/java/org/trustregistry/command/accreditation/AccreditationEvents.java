package org.trustregistry.command.accreditation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.events.accreditation.CredentialTypeAuthorized;
import org.trustregistry.events.accreditation.CredentialTypeWithdrawn;
import org.trustregistry.events.accreditation.EntityActivated;
import org.trustregistry.events.accreditation.EntityExpired;
import org.trustregistry.events.accreditation.EntityProfileUpdated;
import org.trustregistry.events.accreditation.EntityRegistered;
import org.trustregistry.events.accreditation.EntityReinstated;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.events.accreditation.EntityRevoked;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.events.accreditation.EntitySuspended;
import org.trustregistry.events.issuer.IssuerActivated;
import org.trustregistry.events.issuer.IssuerCredentialTypeAuthorized;
import org.trustregistry.events.issuer.IssuerCredentialTypeWithdrawn;
import org.trustregistry.events.issuer.IssuerExpired;
import org.trustregistry.events.issuer.IssuerProfileUpdated;
import org.trustregistry.events.issuer.IssuerRegistered;
import org.trustregistry.events.issuer.IssuerReinstated;
import org.trustregistry.events.issuer.IssuerRenewed;
import org.trustregistry.events.issuer.IssuerRevoked;
import org.trustregistry.events.issuer.IssuerSuspended;
import org.trustregistry.events.verifier.VerifierActivated;
import org.trustregistry.events.verifier.VerifierCredentialTypeAuthorized;
import org.trustregistry.events.verifier.VerifierCredentialTypeWithdrawn;
import org.trustregistry.events.verifier.VerifierExpired;
import org.trustregistry.events.verifier.VerifierProfileUpdated;
import org.trustregistry.events.verifier.VerifierRegistered;
import org.trustregistry.events.verifier.VerifierReinstated;
import org.trustregistry.events.verifier.VerifierRenewed;
import org.trustregistry.events.verifier.VerifierRevoked;
import org.trustregistry.events.verifier.VerifierSuspended;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;

/**
 * The events each kind of accredited entity records its facts with. Issuers and verifiers record the
 * same facts, each under its own event classes (their names are the stored payload types), so the rules
 * in {@link AccreditedEntity} name the fact and this the event. Each fact takes the constructor of its own
 * shared interface: a suspension cannot be recorded as a revocation. The components are those
 * constructors; the methods below make the events from an entity's state.
 */
public record AccreditationEvents(EntityType entityType, ProfileFact<? extends EntityRegistered> registered,
                                  ProfileFact<? extends EntityProfileUpdated> profileUpdated,
                                  StatusFact<? extends EntityActivated> activated,
                                  StatusFact<? extends EntitySuspended> suspended,
                                  StatusFact<? extends EntityReinstated> reinstated,
                                  StatusFact<? extends EntityRevoked> revoked,
                                  StatusFact<? extends EntityExpired> expired, RenewalFact renewed,
                                  AuthorizationFact authorized, WithdrawalFact withdrawn) {

    public static final AccreditationEvents ISSUER = new AccreditationEvents(EntityType.ISSUER,
            IssuerRegistered::new, IssuerProfileUpdated::new, IssuerActivated::new, IssuerSuspended::new,
            IssuerReinstated::new, IssuerRevoked::new, IssuerExpired::new, IssuerRenewed::new,
            IssuerCredentialTypeAuthorized::new, IssuerCredentialTypeWithdrawn::new);

    public static final AccreditationEvents VERIFIER = new AccreditationEvents(EntityType.VERIFIER,
            VerifierRegistered::new, VerifierProfileUpdated::new, VerifierActivated::new, VerifierSuspended::new,
            VerifierReinstated::new, VerifierRevoked::new, VerifierExpired::new, VerifierRenewed::new,
            VerifierCredentialTypeAuthorized::new, VerifierCredentialTypeWithdrawn::new);

    /** A registration or a profile update: the whole profile. */
    @FunctionalInterface
    public interface ProfileFact<E> {
        E of(UUID entityId, String did, UUID registryId, String name, UUID trustFrameworkId,
             List<String> jurisdictions, List<String> contexts, String accreditationLevel, Instant validFrom,
             Instant validUntil, String endpoint, Map<String, Object> metadata, String actor, Instant at);
    }

    /** A transition of the lifecycle but renewal. */
    @FunctionalInterface
    public interface StatusFact<E extends EntityStatusChanged> {
        E of(UUID entityId, String did, UUID registryId, EntityStatus previousStatus, EntityStatus newStatus,
             String reason, String actor, Instant effectiveAt);
    }

    /** A renewal: a transition with the new validUntil. */
    @FunctionalInterface
    public interface RenewalFact {
        EntityRenewed of(UUID entityId, String did, UUID registryId, EntityStatus previousStatus,
                         EntityStatus newStatus, String reason, Instant validUntil, String actor, Instant effectiveAt);
    }

    @FunctionalInterface
    public interface AuthorizationFact {
        CredentialTypeAuthorized of(UUID entityId, String did, UUID registryId, UUID schemaId, String credentialType,
                                    String actor, Instant effectiveAt);
    }

    @FunctionalInterface
    public interface WithdrawalFact {
        CredentialTypeWithdrawn of(UUID entityId, String did, UUID registryId, UUID schemaId, String credentialType,
                                   String reason, String actor, Instant effectiveAt);
    }

    public static AccreditationEvents of(EntityType type) {
        return switch (type) {
            case ISSUER -> ISSUER;
            case VERIFIER -> VERIFIER;
        };
    }

    public EntityRegistered registered(UUID entityId, String did, UUID registryId, EntityProfile p, String actor,
                                       Instant at) {
        return withProfile(registered, entityId, did, registryId, p, actor, at);
    }

    public EntityProfileUpdated profileUpdated(UUID entityId, String did, UUID registryId, EntityProfile p,
                                               String actor, Instant at) {
        return withProfile(profileUpdated, entityId, did, registryId, p, actor, at);
    }

    /** The event of {@code transition} from {@code previous}; {@code renewedUntil} only for a renewal. */
    public EntityStatusChanged statusChanged(LifecycleTransition transition, UUID entityId, String did,
                                             UUID registryId, EntityStatus previous, String reason,
                                             Instant renewedUntil, String actor, Instant at) {
        EntityStatus next = transition.target();
        return switch (transition) {
            case ACTIVATE -> activated.of(entityId, did, registryId, previous, next, reason, actor, at);
            case SUSPEND -> suspended.of(entityId, did, registryId, previous, next, reason, actor, at);
            case REINSTATE -> reinstated.of(entityId, did, registryId, previous, next, reason, actor, at);
            case REVOKE -> revoked.of(entityId, did, registryId, previous, next, reason, actor, at);
            case EXPIRE -> expired.of(entityId, did, registryId, previous, next, reason, actor, at);
            case RENEW -> renewed.of(entityId, did, registryId, previous, next, reason, renewedUntil, actor, at);
        };
    }

    public CredentialTypeAuthorized authorized(UUID entityId, String did, UUID registryId, CredentialTypeRef type,
                                               String actor, Instant at) {
        return authorized.of(entityId, did, registryId, type.schemaId(), type.credentialType(), actor, at);
    }

    public CredentialTypeWithdrawn withdrawn(UUID entityId, String did, UUID registryId, CredentialTypeRef type,
                                             String reason, String actor, Instant at) {
        return withdrawn.of(entityId, did, registryId, type.schemaId(), type.credentialType(), reason, actor, at);
    }

    private static <E> E withProfile(ProfileFact<E> fact, UUID entityId, String did, UUID registryId,
                                     EntityProfile p, String actor, Instant at) {
        return fact.of(entityId, did, registryId, p.name(), p.trustFrameworkId(), p.jurisdictions(), p.contexts(),
                p.accreditationLevel(), p.validFrom(), p.validUntil(), p.endpoint(), p.metadata(), actor, at);
    }
}
