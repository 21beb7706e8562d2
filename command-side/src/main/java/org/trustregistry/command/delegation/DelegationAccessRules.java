package org.trustregistry.command.delegation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.accreditation.Admission;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;
import org.trustregistry.shared.EntityType;

/**
 * A registry's owner grants delegations between its issuers (both ends must be its own) and revokes its
 * delegations (delegation_catalog says whose a delegation is). Lapses and reviews are the registry's own
 * answer to lost authority, never an operator's.
 */
@Component
class DelegationAccessRules implements CommandAccessRules {

    private final Admission issuers;
    private final DelegationCatalog delegations;

    DelegationAccessRules(Admission issuers, DelegationCatalog delegations) {
        this.issuers = issuers;
        this.delegations = delegations;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMayEach(GrantDelegation.class, "grant", c -> List.of(
                        Target.belongingTo("a delegation from issuer " + c.delegatorIssuerId(),
                                issuer(c.delegatorIssuerId())),
                        Target.belongingTo("a delegation to issuer " + c.delegateIssuerId(),
                                issuer(c.delegateIssuerId()))))
                .ownerMay(RevokeDelegation.class, "revoke", this::delegation)
                .systemOnly(LapseDelegation.class, "Only the registry itself lapses a delegation, when its delegator "
                        + "lost the authority it passed on")
                .systemOnly(ReviewDelegations.class, "Only the registry itself reviews the delegations of an issuer "
                        + "that lost authority");
    }

    /** The delegation's registry; for one that does not exist, the registry of the issuer it is addressed through. */
    private Optional<Target> delegation(RevokeDelegation command) {
        Optional<UUID> registry = command.delegationId() == null ? Optional.empty()
                : delegations.registryOf(command.delegationId());
        return registry.isPresent()
                ? Target.belongingTo("delegation " + command.delegationId(), registry)
                : Target.belongingTo("a delegation of issuer " + command.delegatorIssuerId(),
                        issuer(command.delegatorIssuerId()));
    }

    private Optional<UUID> issuer(UUID issuerId) {
        return issuerId == null ? Optional.empty() : issuers.registryOf(EntityType.ISSUER, issuerId);
    }
}
