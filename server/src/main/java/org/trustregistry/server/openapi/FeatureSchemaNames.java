package org.trustregistry.server.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names the request bodies declared inside a controller after the controller's feature:
 * {@code RegistryCommandController.StatusRequest} is {@code RegistryStatusRequest}. swagger-core names a
 * schema by the simple class name, so the five {@code StatusRequest}s of our controllers would otherwise
 * become one schema (with one controller's status values) for all five operations. Any other clash of
 * names is refused: springdoc swallows the exception ("Graceful exception occurred") and leaves that body
 * or response without a schema, which {@code OpenApiIntegrationTest} notices.
 */
class FeatureSchemaNames implements ModelConverter {

    private static final String OURS = "org.trustregistry.";

    private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = type.getType() == null ? Object.class
                : Json.mapper().constructType(type.getType()).getRawClass();
        if (raw.getName().startsWith(OURS) && !raw.isEnum() && raw.getTypeParameters().length == 0
                && (type.getName() == null || type.getName().isBlank())) {
            String name = nameOf(raw);
            Class<?> previous = named.putIfAbsent(name, raw);
            if (previous != null && previous != raw) {
                throw new IllegalStateException("Two types would have the schema name " + name + ": "
                        + previous.getName() + " and " + raw.getName());
            }
            if (!name.equals(raw.getSimpleName())) {
                type.name(name);
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private static String nameOf(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        if (outer == null || !outer.getSimpleName().endsWith("Controller")
                || !type.getSimpleName().endsWith("Request")) {
            return type.getSimpleName();
        }
        String feature = FeatureOperations.stem(outer);
        return type.getSimpleName().startsWith(feature) ? type.getSimpleName() : feature + type.getSimpleName();
    }
}
