package org.trustregistry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "did:web:uni.example",
            "did:web:localhost%3A8443:users:alice",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "did:ebsi:zvHWX359A3CvfJnCYaAiAde",
            "did:example:123456789abcdefghi",
            "did:ion:EiClkZMDxPKqC9c-umQfTkR8vvZ9JPhl_xLDI9Nfk38w5w",
    })
    void accepts_dids_in_w3c_syntax(String value) {
        assertThat(Did.isValid(value)).isTrue();
        assertThat(new Did(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "did", "did:", "did:web", "did:web:", "did:Web:uni.example", "DID:web:uni.example",
            "did:web:uni.example:", "did:web:uni example", "did:web:%zz", "did::abc", "urn:web:abc",
            "did:web:uni.example/path", "did:web:uni.example#key-1", "did:web:uni.example?x=1",
            "did:web:<script>", "did:web:' OR 1=1 --",
    })
    void refuses_anything_else(String value) {
        assertThat(Did.isValid(value)).isFalse();
        assertThatThrownBy(() -> new Did(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void takes_a_did_of_255_characters_and_refuses_256() {
        String prefix = "did:web:";
        assertThat(Did.MAX_LENGTH).as("the event store's aggregate_identifier is a VARCHAR(255)").isEqualTo(255);
        assertThat(Did.isValid(prefix + "a".repeat(255 - prefix.length()))).isTrue();
        assertThat(Did.isValid(prefix + "a".repeat(256 - prefix.length()))).isFalse();
    }

    @org.junit.jupiter.api.Test
    void refuses_a_did_longer_than_the_limit() {
        String longDid = "did:web:" + "a".repeat(Did.MAX_LENGTH);
        assertThat(Did.isValid(longDid)).isFalse();
        assertThat(Did.isValid(null)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void knows_its_method() {
        assertThat(new Did("did:web:uni.example").method()).isEqualTo("web");
        assertThat(new Did("did:key:z6Mk").method()).isEqualTo("key");
    }
}
