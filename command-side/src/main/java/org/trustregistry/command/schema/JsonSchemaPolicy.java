package org.trustregistry.command.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.InvalidCommandException.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule for the JSON Schema of a credential schema: it must itself be a valid JSON Schema, so that
 * credentials can later be validated against it. Valid means: its {@code $schema} names a dialect we
 * support (none: draft 2020-12), the dialect's meta-schema accepts it (with {@code format} asserted,
 * so a {@code pattern} must be a valid regular expression), it compiles, every {@code $ref} resolves
 * inside the document, and validating a value of each JSON type terminates. Nothing is ever fetched:
 * only the bundled meta-schemas of json-schema.org may be loaded, never a URL, file or class path
 * resource a schema names.
 */
@Component
public class JsonSchemaPolicy {

    static final String FIELD = "jsonSchema";
    private static final int MAX_REPORTED = 50;

    /** The dialects we accept, by their {@code $schema} URI without a trailing '#'. */
    private static final Map<String, SpecificationVersion> DIALECTS = Arrays.stream(SpecificationVersion.values())
            .collect(Collectors.toMap(v -> withoutEmptyFragment(v.getDialectId()), v -> v, (a, b) -> a,
                    LinkedHashMap::new));

    /** Validating one value of each JSON type exposes {@code $ref} cycles that never consume the instance. */
    private static final List<JsonNode> SAMPLES;

    static {
        JsonMapper json = JsonMapper.builder().build();
        SAMPLES = List.of(json.nullNode(), json.getNodeFactory().booleanNode(true),
                json.getNodeFactory().numberNode(0), json.getNodeFactory().numberNode(1.5),
                json.getNodeFactory().stringNode(""), json.createArrayNode(), json.createObjectNode());
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry metaSchemas = registry(true);

    /** @throws InvalidCommandException listing what is wrong (each as field {@code jsonSchema}) */
    public void requireValid(Map<String, Object> jsonSchema) {
        List<String> problems = problemsOf(jsonSchema);
        if (!problems.isEmpty()) {
            throw new InvalidCommandException("jsonSchema is not a valid JSON Schema: " + problems.get(0),
                    problems.stream().map(p -> new Violation(FIELD, p)).toList());
        }
    }

    /** What is wrong with the schema; empty when it is a valid JSON Schema of a supported dialect. */
    List<String> problemsOf(Map<String, Object> jsonSchema) {
        if (jsonSchema == null) {
            return List.of("a JSON Schema is required");
        }
        JsonNode schema = json.valueToTree(jsonSchema);
        JsonNode declared = schema.get("$schema");
        SpecificationVersion dialect;
        if (declared == null) {
            dialect = SpecificationVersion.DRAFT_2020_12;
        } else if (!declared.isString()) {
            return List.of("$.$schema: must be the URI of a JSON Schema dialect");
        } else {
            dialect = DIALECTS.get(withoutEmptyFragment(declared.asString()));
            if (dialect == null) {
                return List.of("$.$schema: " + abbreviate(declared.asString())
                        + " is not a supported dialect; supported are " + String.join(", ", DIALECTS.keySet()));
            }
        }
        List<Error> errors = metaSchemas.getSchema(SchemaLocation.of(dialect.getDialectId())).validate(schema);
        if (!errors.isEmpty()) {
            return errors.stream().limit(MAX_REPORTED).map(Error::toString).toList();
        }
        return compilationProblems(schema);
    }

    private static List<String> compilationProblems(JsonNode schema) {
        try {
            // a registry of its own: a schema's $id must not resolve against another credential schema
            Schema compiled = registry(false).getSchema(schema);
            compiled.initializeValidators();
            SAMPLES.forEach(compiled::validate);
            return List.of();
        } catch (StackOverflowError e) {
            // deep, but bounded by the request size; the stack unwinds and the thread is fine
            return List.of("$: a $ref cycle never reaches a keyword that consumes the instance");
        } catch (RuntimeException e) {
            return List.of("$: cannot be compiled: " + abbreviate(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Only the meta-schemas bundled with the library (json-schema.org URIs, served from the class path)
     * may be loaded: a schema naming any other URI, file or resource is refused, never fetched.
     */
    private static SchemaRegistry registry(boolean cache) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaCacheEnabled(cache)
                .schemaLoader(loader -> loader.allow(iri -> iri.toString().matches("https?://json-schema\\.org/.*"))));
    }

    private static String withoutEmptyFragment(String uri) {
        return uri.endsWith("#") ? uri.substring(0, uri.length() - 1) : uri;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
