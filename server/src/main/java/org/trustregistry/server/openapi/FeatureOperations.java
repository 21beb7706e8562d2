package org.trustregistry.server.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.trustregistry.query.admin.FailClosed;
import org.trustregistry.query.admin.FailClosedGuard;

/**
 * What follows from where an operation's controller lives and what it takes: its feature tag (the
 * controller's package), an operation id ({@code registryCreate}, {@code issuerChangeStatus}), and the
 * problem answers it can give — 400 for a body or input that must parse, 404 for an id in the path or body,
 * 409 for a command (business rules, lifecycle, concurrency), 413 when it takes a body, 429 and 503 for
 * all of them (and the trust reads' position header).
 */
class FeatureOperations implements OperationCustomizer {

    private static final String COMMAND_SIDE = "org.trustregistry.command";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> controller = handler.getBeanType();
        String feature = feature(controller);
        var tag = OpenApiConfiguration.FEATURE_TAGS.get(feature);
        operation.setTags(List.of(tag == null ? feature : tag.getName()));
        operation.setOperationId(lowerFirst(stem(controller)) + upperFirst(handler.getMethod().getName()));

        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(FeatureOperations::canBeMalformed)) {
            ProblemResponse.BAD_REQUEST.addTo(operation);
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn())) || bodyRefersToIds(handler)) {
            ProblemResponse.NOT_FOUND.addTo(operation);
        }
        if (controller.getPackageName().startsWith(COMMAND_SIDE)) {
            ProblemResponse.CONFLICT.addTo(operation);
            for (String success : List.of("200", "201")) {
                ApiResponse ok = operation.getResponses().get(success);
                if (ok != null) {
                    ok.addHeaderObject("X-Stale-Projections", new Header().description("Read-your-writes: the "
                            + "projections that had not processed this write when the answer went out (failing, "
                            + "stopped, rebuilt, or slower than the wait); `*` when that could not be known. Absent: "
                            + "every read right after this answer sees the write").schema(new Schema<String>().type("string")));
                }
            }
        }
        if (body) {
            ProblemResponse.CONTENT_TOO_LARGE.addTo(operation);
        }
        // the database may be unreachable for any of them; trust reads also refuse when their projections are not
        // up to date, and name the position they reflect when they answer
        ProblemResponse.SERVICE_UNAVAILABLE.addTo(operation);
        ProblemResponse.TOO_MANY_REQUESTS.addTo(operation); // every operation is rate limited
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), FailClosed.class)
                || AnnotatedElementUtils.hasAnnotation(controller, FailClosed.class)) {
            ApiResponse ok = operation.getResponses().get("200");
            if (ok != null) {
                ok.addHeaderObject(FailClosedGuard.POSITION_HEADER, new Header().description(
                        "The event-store position (global index) this answer reflects: every event up to it is in it")
                        .schema(new io.swagger.v3.oas.models.media.IntegerSchema().format("int64")));
            }
        }
        for (String created : List.of("201", "202")) {
            ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(created);
            if (response != null) {
                response.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
            }
        }
        return operation;
    }

    /** {@code org.trustregistry.query.issuer.IssuerQueryController} → {@code issuer}. */
    private static String feature(Class<?> controller) {
        String pkg = controller.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** {@code RegistryCommandController} → {@code Registry}, {@code AuditLogController} → {@code AuditLog}. */
    static String stem(Class<?> controller) {
        return controller.getSimpleName().replaceFirst("(Command|Query)?Controller$", "");
    }

    /** Query parameters are checked (filters, paging); a path segment only when it must parse (a UUID). */
    private static boolean canBeMalformed(Parameter parameter) {
        if (!"path".equals(parameter.getIn())) {
            return true;
        }
        Schema<?> schema = parameter.getSchema();
        boolean string = schema != null && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().equals(Set.of("string")));
        return !string || schema.getFormat() != null || schema.getPattern() != null;
    }

    /** A UUID in the body names another resource (a registry, a schema, …), which may not exist. */
    private static boolean bodyRefersToIds(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (isUuidOrUuids(component.getGenericType())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isUuidOrUuids(Type type) {
        if (type == UUID.class) {
            return true;
        }
        return type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && generic.getActualTypeArguments()[0] == UUID.class;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
