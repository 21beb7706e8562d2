package org.trustregistry.server.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.trustregistry.server.security.AccessPolicy;

/**
 * The Idempotency-Key header on every write operation (those {@link AccessPolicy} gives a role): on the
 * command side with what it does — the first answer replayed (marked {@code Idempotent-Replayed}), 422
 * for another request, 400 for a malformed key —, elsewhere (projection rebuilds) as accepted and
 * ignored. Which operations are commands is known per handler, which writes are known per path and
 * method; so handlers are marked first and the document is completed once it is whole (after the other
 * customizers, which must not take the header for a parameter of their own).
 */
class IdempotencyDocumentation implements OperationCustomizer, OpenApiCustomizer {

    static final String PARAMETER = "IdempotencyKey";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final String COMMAND_MARK = "x-trust-registry-command";
    private static final Set<PathItem.HttpMethod> SAFE = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS, PathItem.HttpMethod.TRACE);

    private static final String REPLAYED = """
            An idempotency key (IETF httpapi Idempotency-Key draft): an RFC 8941 string such as \
            `"8e03978e-40d5-43e8-bc93-6894a57f9324"` (an unquoted key is accepted as the same key), 1 to 255 \
            printable ASCII characters. The first successful answer to a request with this key is kept (at \
            least 24 hours) for the caller's API key: sending the same request again with it answers that \
            answer again (header `Idempotent-Replayed: true`) and changes nothing; the same key with another \
            method, path, query or body is refused with 422. The same request is the same body as JSON (member \
            order and white space do not matter). A failed request is not kept: it may be retried with the \
            same key. Concurrent requests with one key wait for the first and get its answer.""";
    private static final String IGNORED = """
            Accepted and ignored: this write is not a command and is not remembered (repeating it does \
            nothing different from doing it once).""";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (handler.getBeanType().getName().startsWith("org.trustregistry.command.")) {
            operation.addExtension(COMMAND_MARK, true);
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents()
                .addParameters(PARAMETER, new Parameter().in("header").name("Idempotency-Key").required(false)
                        .description(REPLAYED).schema(new StringSchema().maxLength(512)))
                .addHeaders(REPLAYED_HEADER, new Header().description(
                                "`true` when this is the recorded answer to an earlier request with the same "
                                        + "Idempotency-Key")
                        .schema(new StringSchema()._enum(List.of("true"))));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                boolean command = operation.getExtensions() != null
                        && operation.getExtensions().remove(COMMAND_MARK) != null;
                if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
                    operation.setExtensions(null);
                }
                if (documented(operation)) {
                    continue; // the document is customised once; this keeps a second pass harmless
                }
                boolean write = !SAFE.contains(entry.getKey())
                        && AccessPolicy.requirementFor(entry.getKey().name(), path).authenticated();
                if (command) {
                    document(operation);
                } else if (write) {
                    operation.addParametersItem(new Parameter().in("header").name("Idempotency-Key")
                            .required(false).description(IGNORED).schema(new StringSchema()));
                }
            }
        });
    }

    private static boolean documented(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p ->
                "Idempotency-Key".equals(p.getName()) || ("#/components/parameters/" + PARAMETER).equals(p.get$ref()));
    }

    private static void document(Operation operation) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + PARAMETER));
        ProblemResponse.BAD_REQUEST.addTo(operation);
        ProblemResponse.UNPROCESSABLE_CONTENT.addTo(operation);
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2") && response.get$ref() == null) {
                response.addHeaderObject(REPLAYED_HEADER, new Header().$ref("#/components/headers/" + REPLAYED_HEADER));
            }
        });
    }
}
