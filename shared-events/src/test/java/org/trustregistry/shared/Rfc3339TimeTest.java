package org.trustregistry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339TimeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-01-31T12:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T00:00:00Z", "2026-01-31T12:00:00.1Z", "2026-01-31T12:00:00.123456Z",
    })
    void takes_utc_times_in_rfc_3339(String text) {
        assertThat(Rfc3339Time.parse(text)).contains(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " 2026-01-31T12:00:00Z", "2026-01-31T12:00:00Z ", "2026-01-31T12:00:00+01:00",
            "2026-01-31T12:00:00+00:00", "2026-01-31T12:00:00-00:00", "2026-01-31t12:00:00Z", "2026-01-31T12:00:00z",
            "2026-01-31 12:00:00Z", "2026-01-31", "12:00:00Z", "0000-01-01T00:00:00Z", "+99999-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
            "2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-00T00:00:00Z",
            "2026-01-31T24:00:00Z", "2026-01-31T12:60:00Z", "2026-12-31T23:59:60Z", "2026-01-31T12:00:00.Z",
            "2026-01-31T12:00:00.1234567890Z", "2026-01-31T12:00Z", "1769860800", "-62135596800000",
            "２０２６-01-31T12:00:00Z", "2026-01-31T12:00:00Z\n",
    })
    void refuses_everything_else(String text) {
        assertThat(Rfc3339Time.parse(text)).as(text).isEmpty();
    }

    @Test
    void null_is_no_time() {
        assertThat(Rfc3339Time.parse(null)).isEmpty();
        assertThat(Rfc3339Time.isValid(null)).isFalse();
    }

    @Test
    void keeps_every_fractional_digit_given() {
        assertThat(Rfc3339Time.parse("2026-01-31T12:00:00.5Z")).contains(Instant.parse("2026-01-31T12:00:00.500Z"));
        assertThat(Rfc3339Time.parse("2026-01-31T12:00:00.000000001Z").orElseThrow().getNano()).isEqualTo(1);
    }
}
