package org.trustregistry.query.trqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trustregistry.query.common.ProjectionUnavailableException;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.RecognitionScope;

/**
 * The rules of "standing at T" over the in-memory history, fed the changes the projection stages (the tables and
 * the agreement of memory with them are covered by the integration tests, after every one of them).
 */
class AuthorityHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String ECOSYSTEM = "did:web:eco.example";

    private final AuthorityHistory history = new AuthorityHistory(null, null, null);
    private final TrqpEvaluator evaluator = new TrqpEvaluator(history, 3);
    private final UUID registry = UUID.randomUUID();
    private final UUID schema = UUID.randomUUID();
    private long seq;

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private void apply(AuthorityHistory.Change change) {
        history.apply(List.of(change));
    }

    private UUID issuer(String did, long registeredAt, Instant validFrom, Instant validUntil) {
        UUID id = UUID.randomUUID();
        apply(c -> c.entityRegistered(id, EntityType.ISSUER, registry, did, "PENDING", validFrom, validUntil,
                at(registeredAt), seq++));
        apply(c -> c.nextEntityPeriod(id, at(registeredAt), seq++, "ACTIVE", null, null, false, false));
        return id;
    }

    private boolean authorized(String did, String type, Instant t) {
        return evaluator.authorization(ECOSYSTEM, did, "issue", type, t).granted();
    }

    @Test
    void an_issuer_stands_from_its_activation_inside_its_window_while_it_holds_the_type() {
        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        UUID id = issuer("did:web:a.example", 10, null, at(100));
        apply(c -> c.typeAuthorized(id, schema, "Diploma", at(20), seq++));
        apply(c -> c.typeWithdrawn(id, schema, at(50)));

        assertThat(authorized("did:web:a.example", "Diploma", at(19))).isFalse();
        assertThat(authorized("did:web:a.example", "Diploma", at(20))).isTrue();
        // floored to the microsecond, as PostgreSQL stores it: 49.9999999 s is still 49.999999 s
        assertThat(authorized("did:web:a.example", "Diploma", at(50).minusNanos(1))).isTrue();
        assertThat(authorized("did:web:a.example", "Diploma", at(50))).isFalse();
        assertThat(authorized("did:web:a.example", "Other", at(30))).isFalse();
        assertThat(authorized("did:web:b.example", "Diploma", at(30))).isFalse();
        assertThat(evaluator.authorization(ECOSYSTEM, "did:web:a.example", "verify", "Diploma", at(30)).granted())
                .isFalse();
        assertThat(evaluator.authorization("did:web:unknown.example", "did:web:a.example", "issue", "Diploma",
                at(30)).authorityKnown()).isFalse();
    }

    @Test
    void the_window_the_status_and_the_registry_each_end_the_standing() {
        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        UUID id = issuer("did:web:a.example", 0, at(5), at(100));
        apply(c -> c.typeAuthorized(id, schema, "Diploma", at(0), seq++));
        apply(c -> c.nextEntityPeriod(id, at(40), seq++, "SUSPENDED", null, null, false, false));
        apply(c -> c.nextEntityPeriod(id, at(45), seq++, "ACTIVE", null, null, false, false));
        apply(c -> c.registryStatusChanged(registry, ECOSYSTEM, "SUSPENDED", at(60), seq++));
        apply(c -> c.registryStatusChanged(registry, ECOSYSTEM, "ACTIVE", at(70), seq++));

        assertThat(authorized("did:web:a.example", "Diploma", at(4))).as("before validFrom").isFalse();
        assertThat(authorized("did:web:a.example", "Diploma", at(5))).isTrue();
        assertThat(authorized("did:web:a.example", "Diploma", at(42))).as("suspended").isFalse();
        assertThat(authorized("did:web:a.example", "Diploma", at(45))).isTrue();
        assertThat(evaluator.authorization(ECOSYSTEM, "did:web:a.example", "issue", "Diploma", at(65)).message())
                .contains("was not active");
        assertThat(authorized("did:web:a.example", "Diploma", at(99))).isTrue();
        assertThat(authorized("did:web:a.example", "Diploma", at(100))).as("validUntil is exclusive").isFalse();
    }

    @Test
    void a_delegation_chain_holds_while_every_link_and_delegator_stands_and_no_longer_than_the_bound() {
        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        List<UUID> chain = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            chain.add(issuer("did:web:i" + i + ".example", 0, null, null));
        }
        apply(c -> c.typeAuthorized(chain.get(0), schema, "Diploma", at(0), seq++));
        for (int i = 1; i < chain.size(); i++) {
            UUID delegator = chain.get(i - 1);
            UUID delegate = chain.get(i);
            UUID delegation = UUID.randomUUID();
            apply(c -> c.delegationGranted(delegation, registry, delegator, delegate, List.of("Diploma"), null,
                    at(80), at(10)));
            if (i == 1) {
                apply(c -> c.delegationEnded(delegation, at(60)));
            }
        }
        // the walk is bounded at max-depth + 2 links: i5 is five links from the root, i6 six
        assertThat(authorized("did:web:i1.example", "Diploma", at(20))).isTrue();
        assertThat(authorized("did:web:i5.example", "Diploma", at(20))).isTrue();
        assertThat(authorized("did:web:i6.example", "Diploma", at(20))).isFalse();
        assertThat(authorized("did:web:i2.example", "Diploma", at(9))).as("before the grants").isFalse();
        assertThat(authorized("did:web:i2.example", "Other", at(20))).as("a type not delegated").isFalse();
        assertThat(authorized("did:web:i2.example", "Diploma", at(60))).as("the first link revoked").isFalse();

        // a delegator suspended breaks the chain below it, for the time it is suspended
        apply(c -> c.nextEntityPeriod(chain.get(2), at(30), seq++, "SUSPENDED", null, null, false, false));
        assertThat(authorized("did:web:i2.example", "Diploma", at(35))).as("its own standing").isFalse();
        assertThat(authorized("did:web:i3.example", "Diploma", at(35))).isFalse();
        assertThat(authorized("did:web:i3.example", "Diploma", at(25))).isTrue();
    }

    @Test
    void a_connection_recognizes_its_scopes_while_active_and_inside_its_window() {
        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        UUID connection = UUID.randomUUID();
        apply(c -> c.connectionEstablished(connection, registry, "did:web:remote.example", "ACTIVE",
                List.of(new RecognitionScope("issue", "Diploma")), null, at(100), at(10), seq++));
        apply(c -> c.connectionStatusChanged(connection, "SUSPENDED", at(40), seq++));
        apply(c -> c.connectionStatusChanged(connection, "ACTIVE", at(50), seq++));

        assertThat(evaluator.recognition(ECOSYSTEM, "did:web:remote.example", "issue", "Diploma", at(20)).granted())
                .isTrue();
        assertThat(evaluator.recognition(ECOSYSTEM, "did:web:remote.example", "issue", "Diploma", at(45)).granted())
                .isFalse();
        assertThat(evaluator.recognition(ECOSYSTEM, "did:web:remote.example", "issue", "Diploma", at(55)).granted())
                .as("the scopes carried into the next period").isTrue();
        assertThat(evaluator.recognition(ECOSYSTEM, "did:web:remote.example", "verify", "Diploma", at(55))
                .granted()).isFalse();
        assertThat(evaluator.recognition(ECOSYSTEM, "did:web:remote.example", "issue", "Diploma", at(100))
                .granted()).isFalse();
    }

    @Test
    void a_reset_empties_it_and_a_change_it_cannot_apply_refuses_every_read_until_a_rebuild() {
        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        UUID id = issuer("did:web:a.example", 0, null, null);
        apply(AuthorityHistory.Changes::reset);
        assertThat(evaluator.authorization(ECOSYSTEM, "did:web:a.example", "issue", "Diploma", at(5))
                .authorityKnown()).isFalse();

        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        // the tables committed a status change of an entity memory does not have: memory is wrong from now on
        apply(c -> c.nextEntityPeriod(id, at(10), seq++, "ACTIVE", null, null, false, false));
        assertThat(history.healthy()).isFalse();
        assertThatThrownBy(() -> evaluator.authorization(ECOSYSTEM, "did:web:a.example", "issue", "Diploma", at(5)))
                .isInstanceOf(ProjectionUnavailableException.class).hasMessageContaining("authority-history");

        // a rebuild empties the tables and the memory together: usable again, and built up as the tables are
        apply(AuthorityHistory.Changes::reset);
        apply(c -> c.registryCreated(registry, ECOSYSTEM, "ACTIVE", at(0), seq++));
        assertThat(history.healthy()).isTrue();
        assertThat(evaluator.authorization(ECOSYSTEM, "did:web:a.example", "issue", "Diploma", at(5))
                .authorityKnown()).isTrue();
    }
}
