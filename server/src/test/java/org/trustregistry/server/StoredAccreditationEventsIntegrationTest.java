package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The issuer and verifier events as the event store holds them: every stored payload reads back and is
 * written out again byte for byte, under the same payload type and revision. The payloads were written
 * by the release before the two kinds shared their code; a property gained or lost (an accessor of a
 * shared interface that Jackson takes for one) fails here.
 */
class StoredAccreditationEventsIntegrationTest extends IntegrationTest {

    private static final String STORED = "stored-events/issuer-and-verifier-events.tsv";

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Test
    void stored_issuer_and_verifier_events_read_back_and_serialize_unchanged() throws IOException {
        for (Stored stored : stored()) {
            Object event = serializer.deserialize(new SimpleSerializedObject<>(
                    stored.payload().getBytes(StandardCharsets.UTF_8), byte[].class, stored.type(), stored.revision()));
            assertThat(event.getClass().getName()).isEqualTo(stored.type());

            SerializedObject<byte[]> again = serializer.serialize(event, byte[].class);
            assertThat(again.getType().getName()).isEqualTo(stored.type());
            assertThat(again.getType().getRevision()).as(stored.type()).isEqualTo(stored.revision());
            assertThat(new String(again.getData(), StandardCharsets.UTF_8)).as(stored.type())
                    .isEqualTo(stored.payload());
        }
    }

    @Test
    void every_issuer_and_verifier_event_has_a_stored_payload_here() throws Exception {
        Set<String> eventTypes = new TreeSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String kind : List.of("issuer", "verifier")) {
            for (Resource resource : resolver.getResources("classpath*:org/trustregistry/events/" + kind + "/*.class")) {
                String name = "org.trustregistry.events." + kind + "."
                        + resource.getFilename().replaceFirst("\\.class$", "");
                if (Class.forName(name).isRecord()) {
                    eventTypes.add(name);
                }
            }
        }
        assertThat(eventTypes).hasSize(20);
        assertThat(stored().stream().map(Stored::type).toList()).containsExactlyInAnyOrderElementsOf(eventTypes);
    }

    private record Stored(String type, String revision, String payload) {
    }

    /** One line a payload: type, revision and the payload as stored, separated by tabs. */
    private static List<Stored> stored() throws IOException {
        List<Stored> stored = new ArrayList<>();
        String text = new ClassPathResource(STORED).getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String[] fields = line.split("\t", 3);
            stored.add(new Stored(fields[0], fields[1], fields[2]));
        }
        return stored;
    }
}
