package org.trustregistry.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableJsonValidatorTest {

    @Test
    void json_within_every_bound_is_storable() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("emoji \uD83D\uDE00", "a\u0301\u202E\uFEFF\uFFFD\t\n");
        metadata.put("big", BigInteger.TEN.pow(StorableJsonValidator.MAX_NUMBER_LENGTH - 1));
        metadata.put("tiny", new BigDecimal("-1E-997"));
        metadata.put("flags", List.of(true, false));
        metadata.put("nothing", null);
        metadata.put("deep", nested(StorableJsonValidator.MAX_DEPTH - 1));
        assertThat(StorableJsonValidator.problem(metadata, 1)).isNull();
    }

    @Test
    void nesting_deeper_than_the_bound_is_refused() {
        assertThat(StorableJsonValidator.problem(nested(StorableJsonValidator.MAX_DEPTH), 1)).isNull();
        assertThat(StorableJsonValidator.problem(nested(StorableJsonValidator.MAX_DEPTH + 1), 1))
                .contains("nested deeper than 64");
        assertThat(StorableJsonValidator.problem(List.of(nested(StorableJsonValidator.MAX_DEPTH)), 1))
                .contains("nested deeper");
    }

    @Test
    void a_number_longer_than_jackson_reads_when_written_out_is_refused() {
        // 1e1000 is five characters in a request, 1001 digits in a jsonb column
        assertThat(StorableJsonValidator.problem(Map.of("n", new BigDecimal("1E+1000")), 1)).contains("number");
        assertThat(StorableJsonValidator.problem(Map.of("n", new BigDecimal("1E-999")), 1)).contains("number");
        assertThat(StorableJsonValidator.problem(Map.of("n", new BigDecimal("1E+999")), 1)).isNull();
        assertThat(StorableJsonValidator.problem(Map.of("n", Double.POSITIVE_INFINITY), 1)).contains("too large");
    }

    @Test
    void text_postgresql_cannot_hold_is_refused_in_values_and_member_names() {
        assertThat(StorableJsonValidator.problem(Map.of("k", "a\u0000b"), 1)).contains("U+0000");
        assertThat(StorableJsonValidator.problem(Map.of("a\u0000", 1), 1)).contains("member name");
        assertThat(StorableJsonValidator.problem(Map.of("k", List.of("\uD83D")), 1)).contains("unpaired surrogate");
        assertThat(StorableJsonValidator.problem(Map.of("k", "\uDE00x"), 1)).contains("unpaired surrogate");
        assertThat(StorableJsonValidator.problem(Map.of("k", "\uD83D\uDE00"), 1)).isNull();
    }

    @Test
    void only_json_values_are_storable() {
        Map<Object, Object> numbered = new HashMap<>();
        numbered.put(1, "x");
        assertThat(StorableJsonValidator.problem(numbered, 1)).contains("not a string");
        assertThat(StorableJsonValidator.problem(Map.of("k", new Object()), 1)).contains("not JSON");
    }

    /** An object whose containers go {@code depth} levels deep, this one being the first. */
    private static Object nested(int depth) {
        Object value = depth % 2 == 0 ? new ArrayList<>(List.of(1)) : new LinkedHashMap<>(Map.of("leaf", 1));
        for (int level = depth - 1; level >= 1; level--) {
            value = level % 2 == 0 ? new ArrayList<>(List.of(value)) : new LinkedHashMap<>(Map.of("k", value));
        }
        return value;
    }
}
