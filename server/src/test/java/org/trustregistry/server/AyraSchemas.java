package org.trustregistry.server;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of the Ayra TRQP profile's OpenAPI document ({@code spec/ayra-trqp-profile.openapi.yaml},
 * copied into the test resources), to check the profile's answers against the profile itself. The
 * schemas used here are plain JSON Schema (OpenAPI 3.0 adds nothing they rely on).
 */
final class AyraSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private AyraSchemas() {
    }

    /** The violations of {@code document} against {@code components.schemas.<name>}; empty when it conforms. */
    static List<String> violations(String name, JsonNode document) {
        return SCHEMAS.computeIfAbsent(name, AyraSchemas::load).validate(document).stream()
                .map(Error::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static Schema load(String name) {
        try (InputStream in = AyraSchemas.class.getResourceAsStream("/ayra/ayra-trqp-profile.openapi.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) spec.get("components"))
                    .get("schemas");
            if (!schemas.containsKey(name)) {
                throw new IllegalArgumentException("the Ayra profile has no schema " + name);
            }
            ObjectNode schema = (ObjectNode) JSON.valueToTree(schemas.get(name));
            schema.put("$id", "urn:ayra-trqp-profile:" + name);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_PATH).formatAssertionsEnabled(true).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config)).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
