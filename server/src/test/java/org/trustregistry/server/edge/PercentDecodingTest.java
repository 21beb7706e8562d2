package org.trustregistry.server.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void decodes_utf_8_octets_and_plus_as_space_in_queries_only() throws Exception {
        assertThat(PercentDecoding.decode("Gen%C3%A8ve+city", true)).isEqualTo("Genève city");
        assertThat(PercentDecoding.decode("a+b", false)).isEqualTo("a+b");
        assertThat(PercentDecoding.decode("did:web:host%253A8443", false)).isEqualTo("did:web:host%3A8443");
        assertThat(PercentDecoding.decode("%F0%9F%8E%93", false)).isEqualTo("🎓");
        assertThat(PercentDecoding.decode("%00", false)).isEqualTo("\u0000"); // decodable; the text rule refuses it
    }

    @Test
    void refuses_what_it_cannot_decode() {
        for (String raw : new String[] {"%zz", "%", "%4", "a%g0", "%e9", "%ED%A0%80", "%C0%AE", "%F8%88%80%80%80",
                "%FF", "%C3", "\u00e9", "a b", "\u007f"}) {
            assertThatThrownBy(() -> PercentDecoding.decode(raw, true)).as(raw)
                    .isInstanceOf(PercentDecoding.MalformedException.class);
        }
    }

    @Test
    void only_application_json_with_a_utf_8_charset_is_json() {
        assertThat(RequestScreenFilter.isJson("application/json")).isTrue();
        assertThat(RequestScreenFilter.isJson("Application/JSON; Charset=\"UTF-8\"")).isTrue();
        for (String type : new String[] {null, "", "application/json-patch+json", "application/problem+json",
                "text/json", "application/json; charset=latin1", "application/json; charset=nonsense",
                "application/json; profile=x", "application/*", "garbage"}) {
            assertThat(RequestScreenFilter.isJson(type)).as(type).isFalse();
        }
    }
}
