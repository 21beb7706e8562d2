package org.trustregistry.command.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustregistry.command.common.InvalidCommandException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class JsonSchemaPolicyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonSchemaPolicy policy = new JsonSchemaPolicy();

    private static Map<String, Object> schema(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
        });
    }

    private List<String> problems(String json) {
        return policy.problemsOf(schema(json));
    }

    @Test
    void a_schema_without_schema_keyword_is_read_as_draft_2020_12() {
        assertThat(problems("{}")).isEmpty();
        assertThat(problems("""
                {"type":"object","required":["credentialSubject"],"$defs":{"name":{"type":"string"}},
                 "properties":{"credentialSubject":{"type":"object","properties":{"name":{"$ref":"#/$defs/name"}}}},
                 "unevaluatedProperties":false}""")).isEmpty();
    }

    @Test
    void draft_2020_12_draft_2019_09_draft_07_06_and_04_are_supported_with_or_without_the_empty_fragment() {
        for (String dialect : List.of("https://json-schema.org/draft/2020-12/schema",
                "https://json-schema.org/draft/2020-12/schema#", "https://json-schema.org/draft/2019-09/schema",
                "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema",
                "http://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-04/schema#")) {
            assertThat(problems("{\"$schema\":\"" + dialect + "\",\"type\":\"object\"}")).as(dialect).isEmpty();
        }
    }

    @Test
    void draft_07_keywords_are_checked_by_the_draft_07_meta_schema() {
        assertThat(problems("""
                {"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"a":{"type":1}}}"""))
                .anyMatch(p -> p.startsWith("$.definitions.a.type"));
    }

    @Test
    void every_meta_schema_violation_is_reported_with_its_path() {
        List<String> problems = problems("""
                {"type":"objekt","required":"name","properties":{"age":{"minimum":"zero","minLength":-1}}}""");
        assertThat(problems).anyMatch(p -> p.startsWith("$.type:"))
                .anyMatch(p -> p.startsWith("$.required:"))
                .anyMatch(p -> p.startsWith("$.properties.age.minimum:"))
                .anyMatch(p -> p.startsWith("$.properties.age.minLength:"));
    }

    @Test
    void an_unknown_or_malformed_dialect_is_refused() {
        assertThat(problems("{\"$schema\":\"https://example.com/my-dialect\"}")).singleElement()
                .asString().contains("not a supported dialect");
        assertThat(problems("{\"$schema\":7}")).singleElement().asString().startsWith("$.$schema");
    }

    @Test
    void a_pattern_must_be_a_valid_regular_expression() {
        assertThat(problems("{\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"[a-\"}}}"))
                .anyMatch(p -> p.startsWith("$.properties.id.pattern"));
    }

    @Test
    void references_must_resolve_inside_the_document_and_are_never_fetched() {
        assertThat(problems("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}")).isNotEmpty();
        assertThat(problems("{\"$ref\":\"https://example.com/remote.json\"}")).singleElement().asString()
                .contains("not allowed to be loaded");
        assertThat(problems("{\"$ref\":\"classpath:application.yml\"}")).isNotEmpty();
        assertThat(problems("{\"$ref\":\"file:///etc/passwd\"}")).isNotEmpty();
        assertThat(problems("""
                {"$id":"https://example.com/degree.json","$defs":{"a":{"type":"string"}},
                 "properties":{"a":{"$ref":"https://example.com/degree.json#/$defs/a"}}}""")).isEmpty();
    }

    @Test
    void a_reference_cycle_that_never_consumes_the_instance_is_refused() {
        assertThat(problems("{\"$ref\":\"#\"}")).singleElement().asString().contains("cycle");
        assertThat(problems("{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},"
                + "\"$ref\":\"#/$defs/a\"}")).singleElement().asString().contains("cycle");
        assertThat(problems("{\"type\":\"object\",\"properties\":{\"child\":{\"$ref\":\"#\"}}}"))
                .as("recursion through a property is fine").isEmpty();
    }

    @Test
    void the_rejection_names_the_json_schema_field_for_every_violation() {
        assertThatThrownBy(() -> policy.requireValid(schema("{\"type\":\"objekt\",\"required\":\"x\"}")))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> {
                    assertThat(e.violations()).hasSizeGreaterThanOrEqualTo(2)
                            .allMatch(v -> v.field().equals("jsonSchema"));
                    assertThat(e.getMessage()).startsWith("jsonSchema is not a valid JSON Schema");
                });
        assertThatThrownBy(() -> policy.requireValid(null)).isInstanceOf(InvalidCommandException.class);
    }
}
