package org.trustregistry.command.schema;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.events.schema.CredentialSchemaRegistered;
import org.trustregistry.events.schema.CredentialSchemaStatusChanged;
import org.trustregistry.events.schema.CredentialSchemaUpdated;
import org.trustregistry.shared.AuthorizationMode;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.SchemaStatus;

class CredentialSchemaTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final UUID REGISTRY = UUID.randomUUID();
    private static final Map<String, Object> BY_ACTOR = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    private AggregateTestFixture<CredentialSchema> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CredentialSchema.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new JsonSchemaPolicy());
    }

    private static CredentialSchemaRegistered registered() {
        return new CredentialSchemaRegistered(ID, REGISTRY, null, "Degree", "1.0", "UniversityDegreeCredential",
                Map.of("type", "object"), List.of(), List.of(), AuthorizationMode.OPEN, AuthorizationMode.ECOSYSTEM,
                "key-1", NOW.minusSeconds(60));
    }

    @Test
    void deprecating_a_schema_records_why() {
        fixture.given(registered())
                .when(new ChangeCredentialSchemaStatus(ID, SchemaStatus.DEPRECATED, "v2 replaces it"), BY_ACTOR)
                .expectEvents(new CredentialSchemaStatusChanged(ID, REGISTRY, "UniversityDegreeCredential",
                        SchemaStatus.ACTIVE, SchemaStatus.DEPRECATED, "v2 replaces it", "key-1", NOW));
    }

    @Test
    void deprecating_twice_is_refused() {
        fixture.given(registered(), new CredentialSchemaStatusChanged(ID, REGISTRY, "UniversityDegreeCredential",
                        SchemaStatus.ACTIVE, SchemaStatus.DEPRECATED, "old", "key-1", NOW))
                .when(new ChangeCredentialSchemaStatus(ID, SchemaStatus.DEPRECATED, "again"), BY_ACTOR)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void the_credential_type_of_a_schema_never_changes() {
        fixture.given(registered())
                .when(new UpdateCredentialSchema(ID, null, "Degree", "2.0", "OtherCredential", Map.of(), null, null,
                        null, null), BY_ACTOR)
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void an_update_records_the_new_json_schema_and_modes() {
        Map<String, Object> schema = Map.of("$schema", "http://json-schema.org/draft-07/schema#", "type", "object",
                "required", List.of("credentialSubject"));
        fixture.given(registered())
                .when(new UpdateCredentialSchema(ID, null, "Degree", "1.1", null, schema, null, null,
                        AuthorizationMode.GRANTOR, null), BY_ACTOR)
                .expectEvents(new CredentialSchemaUpdated(ID, REGISTRY, "UniversityDegreeCredential", null, "Degree",
                        "1.1", schema, List.of(), List.of(), AuthorizationMode.GRANTOR, AuthorizationMode.OPEN, "key-1",
                        NOW));
    }

    @Test
    void an_update_to_an_invalid_json_schema_is_refused() {
        fixture.given(registered())
                .when(new UpdateCredentialSchema(ID, null, "Degree", "1.1", null, Map.of("type", "objekt"), null,
                        null, null, null), BY_ACTOR)
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("$.type"))
                .expectNoEvents();
    }
}
