package org.trustregistry.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trustregistry.shared.EntityStatus.ACTIVE;
import static org.trustregistry.shared.EntityStatus.EXPIRED;
import static org.trustregistry.shared.EntityStatus.PENDING;
import static org.trustregistry.shared.EntityStatus.REVOKED;
import static org.trustregistry.shared.EntityStatus.SUSPENDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifecycle of DESIGN.md §4, move by move: exactly these are allowed, nothing else. */
class LifecycleTransitionTest {

    private static final Map<EntityStatus, Set<EntityStatus>> ALLOWED = new EnumMap<>(Map.of(
            PENDING, EnumSet.of(ACTIVE, REVOKED),
            ACTIVE, EnumSet.of(SUSPENDED, REVOKED, EXPIRED),
            SUSPENDED, EnumSet.of(ACTIVE, REVOKED, EXPIRED),
            EXPIRED, EnumSet.of(ACTIVE, REVOKED),
            REVOKED, EnumSet.noneOf(EntityStatus.class)));

    @Test
    void allows_exactly_the_moves_of_the_design() {
        for (EntityStatus from : EntityStatus.values()) {
            for (EntityStatus to : EntityStatus.values()) {
                Optional<LifecycleTransition> transition = LifecycleTransition.leadingFrom(from, to);
                assertThat(transition.isPresent())
                        .as("%s -> %s", from, to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
                transition.ifPresent(t -> assertThat(t.target()).isEqualTo(to));
            }
        }
    }

    @Test
    void names_the_move_that_leads_to_active_by_where_the_entity_stands() {
        assertThat(LifecycleTransition.leadingFrom(PENDING, ACTIVE)).contains(LifecycleTransition.ACTIVATE);
        assertThat(LifecycleTransition.leadingFrom(SUSPENDED, ACTIVE)).contains(LifecycleTransition.REINSTATE);
        assertThat(LifecycleTransition.leadingFrom(EXPIRED, ACTIVE)).contains(LifecycleTransition.RENEW);
    }

    @Test
    void revoked_is_final() {
        assertThat(REVOKED.isFinal()).isTrue();
        for (LifecycleTransition t : LifecycleTransition.values()) {
            assertThat(t.isAllowedFrom(REVOKED)).as(t.name()).isFalse();
        }
    }

    @Test
    void validity_window_is_inclusive_at_start_and_exclusive_at_end() {
        var from = java.time.Instant.parse("2026-01-01T00:00:00Z");
        var until = java.time.Instant.parse("2026-02-01T00:00:00Z");
        ValidityWindow window = new ValidityWindow(from, until);
        assertThat(window.contains(from)).isTrue();
        assertThat(window.contains(until.minusNanos(1000))).isTrue();
        assertThat(window.contains(until)).isFalse();
        assertThat(window.contains(from.minusSeconds(1))).isFalse();
        assertThat(window.hasEndedAt(until)).isTrue();
        assertThat(ValidityWindow.isOrdered(until, from)).isFalse();
        assertThat(ValidityWindow.isOrdered(from, from)).isFalse();
        assertThat(ValidityWindow.ALWAYS.contains(from)).isTrue();
    }
}
