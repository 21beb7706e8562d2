package org.trustregistry.command.registry;

import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;

/**
 * Who may change a registry. Its owner keeps its profile and its signing key. Creating registries, their
 * status and their trust framework are the operator's: the status is how the operator suspends or retires
 * a registry (an owner could otherwise lift its own suspension), and a link to a framework is a claim that
 * the registry is governed by it, which is for the operator to vouch for, not the registry itself.
 */
@Component
class RegistryAccessRules implements CommandAccessRules {

    @Override
    public void addTo(AccessRules rules) {
        rules.adminOnly(CreateTrustRegistry.class, "Only an admin may create registries")
                .adminOnly(ChangeTrustRegistryStatus.class, "Only an admin may change the status of a registry; its "
                        + "registry_owner may not suspend, reinstate or retire it")
                .adminOnly(LinkTrustRegistryFramework.class, "Only an admin may link a registry to a trust framework")
                .adminOnly(UnlinkTrustRegistryFramework.class,
                        "Only an admin may unlink a registry from its trust framework")
                .ownerMay(UpdateTrustRegistry.class, "change", c -> Target.registry(c.registryId()))
                .ownerMay(RotateRegistrySigningKey.class, "rotate the signing key of",
                        c -> Target.registry(c.registryId()));
    }
}
