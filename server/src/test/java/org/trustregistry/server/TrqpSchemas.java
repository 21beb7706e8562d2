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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The normative TRQP v2 JSON Schemas (copied from spec/trqp-v2 into the test resources), with format
 * assertions on, so that every request the tests send and every answer they get is checked against them.
 */
final class TrqpSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private TrqpSchemas() {
    }

    /** The violations of {@code document} against {@code trqp_<name>.schema.json}; empty when it conforms. */
    static List<String> violations(String name, JsonNode document) {
        Schema schema = SCHEMAS.computeIfAbsent(name, TrqpSchemas::load);
        List<Error> errors = schema.validate(document);
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema load(String name) {
        String resource = "/trqp-v2/trqp_" + name + ".schema.json";
        try (InputStream in = TrqpSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_PATH).formatAssertionsEnabled(true).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(config));
            // the spec's $ids are bare names ("trqp-authorization-request"); give them a base to resolve against
            tools.jackson.databind.node.ObjectNode schema = (tools.jackson.databind.node.ObjectNode) JSON.readTree(in);
            schema.put("$id", "urn:trqp-v2:" + schema.get("$id").asString());
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
