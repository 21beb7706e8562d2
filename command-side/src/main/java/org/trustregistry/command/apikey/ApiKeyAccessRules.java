package org.trustregistry.command.apikey;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.access.AccessRules;
import org.trustregistry.command.common.access.Actor;
import org.trustregistry.command.common.access.CommandAccessRules;
import org.trustregistry.command.common.access.Target;

/**
 * A registry's owner manages the registry_owner keys of its own registry — issues, rotates and revokes
 * them (a governance authority gives its staff keys, and takes a leaked one back) — and nothing else: an
 * admin or auditor key belongs to no registry, so no owner may issue, rotate or revoke one. Only the
 * registry itself records an expiry.
 */
@Component
class ApiKeyAccessRules implements CommandAccessRules {

    private final ApiKeyCatalog keys;

    ApiKeyAccessRules(ApiKeyCatalog keys) {
        this.keys = keys;
    }

    @Override
    public void addTo(AccessRules rules) {
        rules.ownerMay(IssueApiKey.class, "issue", ApiKeyAccessRules::issued)
                .ownerMay(RotateApiKey.class, "rotate", c -> existing(c.keyId()))
                .ownerMay(RevokeApiKey.class, "revoke", c -> existing(c.keyId()))
                .systemOnly(ExpireApiKey.class, "Only the registry itself records that an API key expired");
    }

    private static Optional<Target> issued(IssueApiKey command) {
        if (Actor.Role.REGISTRY_OWNER.value().equals(command.role())) {
            return Target.newIn("a registry_owner key", command.registryId());
        }
        return Optional.of(new Target("an " + command.role() + " key", Set.of()));
    }

    private Optional<Target> existing(UUID keyId) {
        return keys.scopeOf(keyId).map(scope -> scope.registryId() == null
                ? new Target("the " + scope.role() + " key " + keyId, Set.of())
                : new Target("API key " + keyId + ", which belongs to registry " + scope.registryId(),
                        Set.of(scope.registryId())));
    }
}
