package org.trustregistry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TimestamptzTest {

    @Test
    void a_parameter_is_the_instant_in_iso_terms_even_where_a_timestamp_would_say_a_julian_date() {
        Instant gregorian = Instant.parse("1500-03-10T12:00:00Z");
        // what java.sql.Timestamp's calendar (and so the driver) makes of it: a day Gregorian does not have
        GregorianCalendar hybrid = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        hybrid.setTimeInMillis(gregorian.toEpochMilli());
        assertThat(hybrid.get(GregorianCalendar.MONTH)).isEqualTo(GregorianCalendar.FEBRUARY);
        assertThat(hybrid.get(GregorianCalendar.DAY_OF_MONTH)).isEqualTo(29);

        assertThat(Timestamptz.of(gregorian)).isEqualTo(OffsetDateTime.of(1500, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC));
        assertThat(Timestamptz.of(null)).isNull();
    }

    @Test
    void a_parameter_is_floored_to_the_microsecond_never_rounded_up() {
        Instant justBefore = Instant.parse("2030-01-01T00:00:00Z").minusNanos(1);
        assertThat(Timestamptz.of(justBefore).toInstant()).isEqualTo(Instant.parse("2029-12-31T23:59:59.999999Z"));
        Instant last = Instant.parse("9999-12-31T23:59:59.999999999Z");
        assertThat(Timestamptz.of(last).toInstant()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }
}
