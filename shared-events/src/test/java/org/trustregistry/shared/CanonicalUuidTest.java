package org.trustregistry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalUuidTest {

    @Test
    void takes_the_canonical_form_in_either_case() {
        UUID id = UUID.randomUUID();
        assertThat(CanonicalUuid.parse(id.toString())).contains(id);
        assertThat(CanonicalUuid.parse(id.toString().toUpperCase())).contains(id);
    }

    @Test
    void refuses_other_spellings_of_a_uuid() {
        for (String text : new String[] {"0-0-0-0-0", "AAAAAAAAAAAAAAAAAAAAAA==", "", " 00000000-0000-0000-0000-000000000000",
                "00000000000000000000000000000000", "{00000000-0000-0000-0000-000000000000}",
                "00000000-0000-0000-0000-00000000000g", null}) {
            assertThat(CanonicalUuid.parse(text)).as(text).isEmpty();
        }
    }
}
