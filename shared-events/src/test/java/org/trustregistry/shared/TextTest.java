package org.trustregistry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void plain_text_and_every_plane_of_unicode_are_fine() {
        for (String text : new String[] {"", "Example University", "Université de Genève", "東京大学", "emoji 🎓",
                "quotes \" ' and <tags>", "\u007f\u0080\u009f"}) {
            assertThat(Text.isValid(text, Text.Kind.SINGLE_LINE)).as(text).isTrue();
            assertThat(Text.isValid(text, Text.Kind.FREE)).as(text).isTrue();
        }
    }

    @Test
    void free_text_may_hold_tab_and_line_breaks_single_line_text_may_not() {
        for (String text : new String[] {"line one\nline two", "a\tb", "windows\r\n"}) {
            assertThat(Text.isValid(text, Text.Kind.FREE)).as(text).isTrue();
            assertThat(Text.problem(text, Text.Kind.SINGLE_LINE)).as(text).get().asString()
                    .contains("control character");
        }
    }

    @Test
    void nul_and_other_c0_controls_are_never_text() {
        assertThat(Text.problem("a\u0000b", Text.Kind.FREE)).get().asString().contains("NUL");
        for (char c = 1; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                assertThat(Text.isValid("x" + c, Text.Kind.FREE)).as("U+%04X", (int) c).isFalse();
            }
            assertThat(Text.isValid("x" + c, Text.Kind.SINGLE_LINE)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    void unpaired_surrogates_are_not_unicode() {
        assertThat(Text.problem("a\uD800", Text.Kind.FREE)).get().asString().contains("unpaired surrogate");
        assertThat(Text.problem("\uDC00a", Text.Kind.FREE)).isPresent();
        assertThat(Text.problem("\uD800\uD800\uDC00", Text.Kind.FREE)).isPresent();
        assertThat(Text.problem("\uD83C\uDF93", Text.Kind.SINGLE_LINE)).isEmpty();
    }

    @Test
    void null_is_no_text_and_nothing_wrong() {
        assertThat(Text.problem(null, Text.Kind.SINGLE_LINE)).isEmpty();
    }
}
