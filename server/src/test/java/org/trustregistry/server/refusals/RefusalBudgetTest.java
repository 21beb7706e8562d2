package org.trustregistry.server.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustregistry.events.access.AccessRefusalsSummarised;
import org.trustregistry.events.access.RefusalKind;

/** The budget of refusals stored one by one, on instants the test chooses (no clock). */
class RefusalBudgetTest {

    private static final Instant START = Instant.parse("2026-01-31T12:00:00Z");
    private static final RefusalBudget.Source FLOODER = new RefusalBudget.Source("203.0.113.9", null);
    private static final RefusalBudget.Source OTHER = new RefusalBudget.Source("198.51.100.1", "key-1");

    private final List<AccessRefusalsSummarised> closed = new ArrayList<>();

    private static RefusalBudget budget(int perSource, int perWindow, int tracked) {
        return new RefusalBudget(new RefusalAuditSettings(Duration.ofMinutes(1), perSource, perWindow, tracked, 10),
                START);
    }

    @Test
    void the_first_refusals_of_a_source_are_stored_and_the_rest_summarised_when_the_window_ends() {
        RefusalBudget budget = budget(2, 100, 10);
        List<Boolean> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stored.add(budget.admit(FLOODER, RefusalKind.DENIED, i < 4 ? 401 : 403, START.plusSeconds(i), closed));
        }
        assertThat(stored).containsExactly(true, true, false, false, false);
        assertThat(budget.rollIfDue(START.plusSeconds(59))).isEmpty();

        List<AccessRefusalsSummarised> summaries = budget.rollIfDue(START.plusSeconds(60));
        assertThat(summaries).containsExactly(new AccessRefusalsSummarised(RefusalKind.DENIED, "203.0.113.9", null,
                START, START.plusSeconds(60), 3, Map.of("401", 2L, "403", 1L)));
        // the next window counts afresh
        assertThat(budget.admit(FLOODER, RefusalKind.DENIED, 401, START.plusSeconds(61), closed)).isTrue();
        assertThat(closed).isEmpty();
    }

    @Test
    void a_window_that_ended_unseen_is_summarised_by_the_next_refusal() {
        RefusalBudget budget = budget(0, 100, 10);
        budget.admit(FLOODER, RefusalKind.REJECTED, 409, START, closed);
        budget.admit(FLOODER, RefusalKind.REJECTED, 409, START.plusSeconds(600), closed);
        assertThat(closed).extracting(AccessRefusalsSummarised::count).containsExactly(1L);
        // windows follow each other, or start anew after a quiet spell
        assertThat(budget.close(START.plusSeconds(601))).singleElement()
                .satisfies(s -> assertThat(s.from()).isEqualTo(START.plusSeconds(600)));
    }

    @Test
    void all_sources_together_store_at_most_the_window_bound() {
        RefusalBudget budget = budget(10, 3, 10);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.admit(FLOODER, RefusalKind.DENIED, 401, START, closed)).isTrue();
        }
        assertThat(budget.admit(OTHER, RefusalKind.REJECTED, 404, START, closed)).isFalse();
        assertThat(budget.close(START.plusSeconds(1))).singleElement().satisfies(s -> {
            assertThat(s.clientAddress()).isEqualTo("198.51.100.1");
            assertThat(s.actorId()).isEqualTo("key-1");
            assertThat(s.result()).isEqualTo(RefusalKind.REJECTED);
        });
    }

    @Test
    void beyond_the_tracked_sources_refusals_count_for_other_addresses() {
        RefusalBudget budget = budget(5, 100, 1);
        assertThat(budget.admit(FLOODER, RefusalKind.DENIED, 401, START, closed)).isTrue();
        for (int i = 0; i < 1000; i++) {
            RefusalBudget.Source source = new RefusalBudget.Source("2001:db8::" + Integer.toHexString(i), null);
            assertThat(budget.admit(source, RefusalKind.DENIED, 401, START, closed)).isFalse();
        }
        List<AccessRefusalsSummarised> summaries = budget.close(START.plusSeconds(1));
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.clientAddress()).isEqualTo(AccessRefusalsSummarised.OTHER_ADDRESSES);
            assertThat(s.count()).isEqualTo(1000);
        });
    }

    @Test
    void a_refusal_the_queue_could_not_take_is_counted_in_the_summary() {
        RefusalBudget budget = budget(5, 100, 10);
        assertThat(budget.admit(FLOODER, RefusalKind.DENIED, 401, START, closed)).isTrue();
        budget.summariseInstead(FLOODER, RefusalKind.DENIED, 401);
        assertThat(budget.close(START.plusSeconds(1))).extracting(AccessRefusalsSummarised::count).containsExactly(1L);
    }

    @Test
    void stored_text_is_made_harmless_and_cut_without_splitting_a_character() {
        assertThat(RefusedRequestListener.bounded("a\u0000b\u0007c\uD800", 100)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        assertThat(RefusedRequestListener.bounded("ab\uD83D\uDE00cd", 4)).isEqualTo("ab…");
        assertThat(RefusedRequestListener.bounded("abc", 3)).isEqualTo("abc");
    }
}
