package org.trustregistry.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.trustregistry.server.security.AccessPolicy;
import org.trustregistry.server.security.Role;

/**
 * States, per operation, what {@link AccessPolicy} enforces: an operation that needs a key gets a
 * security requirement (the key in X-API-Key or as a bearer token) whose scopes are the roles allowed
 * — OpenAPI 3.1 lets non-OAuth schemes list roles there — and the 401 and 403 answers; the description
 * says it in words ("admin, or the registry_owner of the registry it belongs to": an owner's command is
 * judged by the command side against its registry). Public operations get no requirement, and say so. The rule itself stays
 * in AccessPolicy.
 */
class AccessPolicyDocumentation implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                document(entry.getValue(), AccessPolicy.requirementFor(entry.getKey().name(), path));
            }
        });
    }

    private static void document(Operation operation, AccessPolicy.Requirement requirement) {
        if (!requirement.authenticated()) {
            describe(operation, "Public: no API key needed (a key that is sent must be valid, or the answer is 401).");
            return;
        }
        List<String> roles = requirement.roles().stream().map(Role::value).sorted().toList();
        operation.setSecurity(List.of(
                new SecurityRequirement().addList(OpenApiConfiguration.API_KEY, roles),
                new SecurityRequirement().addList(OpenApiConfiguration.BEARER, roles)));
        ProblemResponse.UNAUTHORIZED.addTo(operation);
        ProblemResponse.FORBIDDEN.addTo(operation);
        describe(operation, "Needs an API key with the role " + requirement.describe() + ".");
    }

    private static void describe(Operation operation, String who) {
        String description = operation.getDescription();
        operation.setDescription(description == null ? who : description + "\n\n" + who);
    }
}
