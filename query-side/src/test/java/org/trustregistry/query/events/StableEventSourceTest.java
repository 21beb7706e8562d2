package org.trustregistry.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class StableEventSourceTest {

    @Test
    void a_stream_starts_after_the_position_its_token_says_was_processed() {
        assertThat(StableEventSource.positionOf(null)).as("the tail").isEqualTo(-1);
        assertThat(StableEventSource.positionOf(new GlobalSequenceTrackingToken(41))).isEqualTo(41);
        assertThat(StableEventSource.positionOf(GapAwareTrackingToken.newInstance(41, List.of()))).isEqualTo(41);
    }

    @Test
    void a_gap_aware_token_left_by_the_embedded_store_starts_below_its_first_gap() {
        // 37 and 39 were in flight when it passed them: they may have committed since, so they are read
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(41, new TreeSet<>(List.of(37L, 39L)));
        assertThat(StableEventSource.positionOf(token)).isEqualTo(36);
        assertThat(StableEventSource.positionOf(ReplayToken.createReplayToken(token, null)))
                .as("a replay's lower bound").isEqualTo(-1);
    }
}
