package org.trustregistry.server.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    private static String parse(String field) {
        return IdempotencyKey.parse(List.of(field)).value();
    }

    @Test
    void the_key_is_an_rfc_8941_string() {
        assertThat(parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")).isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(parse("  \"a key with spaces\"\t")).isEqualTo("a key with spaces");
    }

    @Test
    void escapes_are_unescaped_so_that_one_key_has_one_value() {
        assertThat(parse("\"say \\\"hi\\\" \\\\o/\"")).isEqualTo("say \"hi\" \\o/");
    }

    @Test
    void well_formed_parameters_are_ignored() {
        assertThat(parse("\"k1\";a=1;b;c=?0;d=\"x;y\";e=tok/en;f=:aGk=:;g=-1.5")).isEqualTo("k1");
    }

    @Test
    void an_unquoted_key_is_accepted_and_names_the_same_key_as_its_quoted_form() {
        assertThat(parse("8e03978e-40d5-43e8-bc93-6894a57f9324")).isEqualTo(parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
        assertThat(parse("dGhpcyBpcw==/+_.~:")).isEqualTo("dGhpcyBpcw==/+_.~:");
    }

    @Test
    void a_key_of_255_characters_is_accepted_and_one_of_256_refused() {
        assertThat(parse("\"" + "k".repeat(255) + "\"")).hasSize(255);
        assertThatThrownBy(() -> parse("\"" + "k".repeat(256) + "\""))
                .isInstanceOf(IdempotencyKey.MalformedException.class).hasMessageContaining("255");
        assertThatThrownBy(() -> parse("k".repeat(256))).isInstanceOf(IdempotencyKey.MalformedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "", "   ", "\"unterminated", "\"a\" \"b\"", "\"a\",\"b\"", "\"a\"x", "\"tab\there\"",
            "\"é\"", "\"bad \\escape\"", "\"a\";UPPER=1", "\"a\";p=", "\"a\" ;p=1", "two words", "a,b", "a;b", "\"a\"\\",
            "ключ"})
    void a_malformed_key_is_refused(String field) {
        assertThatThrownBy(() -> parse(field)).isInstanceOf(IdempotencyKey.MalformedException.class);
    }

    @Test
    void two_header_lines_are_refused() {
        assertThatThrownBy(() -> IdempotencyKey.parse(List.of("\"a\"", "\"a\"")))
                .isInstanceOf(IdempotencyKey.MalformedException.class);
    }
}
