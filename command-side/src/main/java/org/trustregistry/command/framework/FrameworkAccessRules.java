package org.trustregistry.command.framework;

import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.CommandAccessRules;

/** Trust frameworks belong to no registry (many registries may be governed by one): the operator's alone. */
@Component
class FrameworkAccessRules implements CommandAccessRules {

    @Override
    public void addTo(AccessRules rules) {
        rules.adminOnly(CreateTrustFramework.class, "Only an admin may create trust frameworks")
                .adminOnly(UpdateTrustFramework.class, "Only an admin may change a trust framework")
                .adminOnly(ChangeTrustFrameworkStatus.class, "Only an admin may change the status of a trust framework");
    }
}
