package org.trustregistry.command.common.access;

/**
 * The access rules of one feature package's commands. Every package that handles commands declares one
 * Spring bean of this type next to its commands; {@link CommandAccess} collects them all at start-up and
 * {@link CommandAccessCheck} applies them to every command on the bus, whichever path sent it.
 * <p>
 * How a package adds its rules — one line per command type, e.g. for API keys:
 * <pre>{@code
 * @Component
 * class ApiKeyAccessRules implements CommandAccessRules {
 *
 *     private final ApiKeyCatalog keys;   // a command-side table kept in the events' transaction
 *
 *     ApiKeyAccessRules(ApiKeyCatalog keys) {
 *         this.keys = keys;
 *     }
 *
 *     @Override
 *     public void addTo(AccessRules rules) {
 *         rules.adminOnly(IssueApiKey.class, "Only an admin may issue API keys")
 *              .ownerMay(RevokeApiKey.class, "revoke",
 *                      c -> Target.belongingTo("API key " + c.keyId(), keys.registryOf(c.keyId())))
 *              .systemOnly(ExpireApiKey.class, "Only the registry itself expires an API key");
 *     }
 * }
 * }</pre>
 * A command type with no rule is admin-only (deny by default), and {@code CommandAccessCoverageIntegrationTest}
 * in the server fails until every command type handled anywhere has a rule of its own: decide, then write
 * it down here. Resolve the target from command-side tables written in the same transaction as the events
 * (never from projections, which lag), or from the command itself for a creation; an empty target means
 * "no such thing", which the handler must then refuse (its 404).
 */
public interface CommandAccessRules {

    void addTo(AccessRules rules);
}
