package org.trustregistry.query.ayra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's own metadata document: what it says with one, several, many or no registries. */
class ServiceMetadataTest {

    private final ServiceMetadata defaults = new ServiceMetadata("", "", "", List.of());

    private static ServiceMetadata.Served served(int i) {
        return new ServiceMetadata.Served("did:web:eco" + i + ".example", "Ecosystem " + i, "ACTIVE");
    }

    @Test
    void a_single_registry_is_the_primary_authority() {
        Map<String, Object> metadata = defaults.describe("https://tr.example/v2", List.of(served(1)), 1, List.of("web"));
        assertThat(metadata).containsEntry("id", "https://tr.example/v2")
                .containsEntry("authority_id", "did:web:eco1.example")
                .containsEntry("name", "Trust Registry")
                .containsEntry("supported_did_methods", List.of("web"))
                .doesNotContainKey("controllers");
        assertThat((String) metadata.get("description")).contains("Ecosystem (authority_id): did:web:eco1.example (Ecosystem 1).");
    }

    @Test
    void several_registries_are_listed_with_their_status_and_none_is_primary() {
        List<ServiceMetadata.Served> two = List.of(served(2),
                new ServiceMetadata.Served("did:web:eco1.example", "Ecosystem 1", "SUSPENDED"));
        Map<String, Object> metadata = defaults.describe("https://tr.example/v2", two, 2, List.of());
        assertThat(metadata).doesNotContainKey("authority_id");
        assertThat((String) metadata.get("description")).contains("Ecosystems (authority_id), 2, newest first: "
                + "did:web:eco2.example (Ecosystem 2); did:web:eco1.example (Ecosystem 1, suspended).");
    }

    @Test
    void many_registries_are_listed_as_far_as_the_profile_allows_and_counted() {
        List<ServiceMetadata.Served> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(served(i));
        }
        String description = (String) defaults.describe("https://tr.example/v2", many, 1000, List.of())
                .get("description");
        assertThat(description).hasSizeLessThanOrEqualTo(AyraProfileController.MAX_DESCRIPTION)
                .contains("Ecosystems (authority_id), 1000, newest first: did:web:eco0.example")
                .containsPattern("; and [0-9]+ more\\. GET /v2/metadata\\?authority_id=<DID> describes one of them")
                .endsWith("GET /v2/registries lists them all.");
    }

    @Test
    void no_registry_yet_and_what_the_operator_configures() {
        ServiceMetadata configured = new ServiceMetadata("did:web:tr.example", "Example TR", "Our registry.",
                List.of("did:web:operator.example", " ", "did:web:operator.example"));
        Map<String, Object> metadata = configured.describe("https://tr.example/v2", List.of(), 0, List.of());
        assertThat(metadata).containsEntry("id", "did:web:tr.example").containsEntry("name", "Example TR")
                .containsEntry("controllers", List.of("did:web:operator.example"))
                .containsEntry("description", "Our registry. It serves no ecosystem yet.");
    }
}
