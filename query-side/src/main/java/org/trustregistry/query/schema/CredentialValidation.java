package org.trustregistry.query.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.trustregistry.query.common.NotFoundException;
import org.trustregistry.query.common.UnusableRecordException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a credential against the JSON Schema of a credential schema (as projected into
 * credential_schemas). The command side only stores schemas its JsonSchemaPolicy accepts; this side
 * reads them with the same library, configured the same way: the dialect from {@code $schema}
 * (default 2020-12), {@code format} asserted, nothing fetched. Every error is reported, not only the first.
 */
@Component
public class CredentialValidation {

    /** The answer: valid, or every place where the credential breaks the schema. */
    public record Result(boolean valid, List<Violation> errors) {
    }

    /** {@code path} is a JSON path into the credential, e.g. {@code $.credentialSubject.degree}. */
    public record Violation(String path, String message) {
    }

    private final CredentialSchemaRepository schemas;
    private final JsonMapper json = JsonMapper.builder().build();

    CredentialValidation(CredentialSchemaRepository schemas) {
        this.schemas = schemas;
    }

    public Result validate(UUID schemaId, JsonNode credential) {
        CredentialSchemaView view = schemas.findById(schemaId)
                .orElseThrow(() -> new NotFoundException("No schema " + schemaId));
        try {
            List<Error> errors = compile(view).validate(credential);
            return new Result(errors.isEmpty(), errors.stream()
                    .map(e -> new Violation(e.getInstanceLocation().toString(), e.getMessage()))
                    .toList());
        } catch (StackOverflowError e) {
            // a $ref cycle that only this credential reaches; the stack has unwound, the thread is fine
            throw new UnusableRecordException("The JSON Schema of schema " + schemaId
                    + " loops on this credential (a $ref cycle that never consumes it)");
        }
    }

    private Schema compile(CredentialSchemaView view) {
        try {
            // a registry per schema: one schema's $id must never resolve to another schema's document
            Schema schema = registry().getSchema(json.valueToTree(view.getJsonSchema()));
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new UnusableRecordException("The JSON Schema of schema " + view.getId()
                    + " cannot be used for validation: " + e.getMessage());
        }
    }

    /** Only the bundled json-schema.org meta-schemas may be loaded; any other URI a schema names is refused. */
    private static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaCacheEnabled(false)
                .schemaLoader(loader -> loader.allow(iri -> iri.toString().matches("https?://json-schema\\.org/.*"))));
    }
}
