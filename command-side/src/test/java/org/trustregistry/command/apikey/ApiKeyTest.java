package org.trustregistry.command.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustregistry.command.common.IllegalTransitionException;
import org.trustregistry.command.common.InvalidCommandException;
import org.trustregistry.command.common.RuleViolationException;
import org.trustregistry.events.apikey.ApiKeyExpired;
import org.trustregistry.events.apikey.ApiKeyIssued;
import org.trustregistry.events.apikey.ApiKeyRevoked;
import org.trustregistry.events.apikey.ApiKeyRotated;
import org.trustregistry.shared.MessageMetadata;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final Map<String, Object> BY_ADMIN = Map.of(MessageMetadata.ACTOR_ID, "key-1");

    /** What the aggregate hands the credential table (the hashes are in no event). */
    private static final class RecordedSecrets implements ApiKeySecretStore {
        final List<String> rotations = new ArrayList<>();

        @Override
        public void add(UUID keyId, String secretHash) {
            throw new UnsupportedOperationException("issued by ApiKeyIssuance, not by the aggregate");
        }

        @Override
        public void rotate(UUID keyId, String secretHash, Instant previousValidUntil) {
            rotations.add(secretHash + " until " + previousValidUntil);
        }
    }

    private AggregateTestFixture<ApiKey> fixture;
    private RecordedSecrets secrets;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        secrets = new RecordedSecrets();
        fixture.registerInjectableResource(secrets);
    }

    private static ApiKeyIssued issued(Instant expiresAt) {
        return new ApiKeyIssued(ID, "ops", "auditor", null, "trk_abcdefgh", expiresAt, "key-1",
                NOW.minusSeconds(3600));
    }

    @Test
    void a_revoked_key_stays_revoked() {
        fixture.given(issued(null))
                .when(new RevokeApiKey(ID, "leaked"), BY_ADMIN)
                .expectEvents(new ApiKeyRevoked(ID, "leaked", "key-1", NOW));
        fixture.given(issued(null), new ApiKeyRevoked(ID, "leaked", "key-1", NOW))
                .when(new RevokeApiKey(ID, "again"), BY_ADMIN)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void a_rotation_keeps_the_replaced_secret_for_the_grace_period_but_never_past_the_key_s_expiry() {
        fixture.given(issued(null))
                .when(new RotateApiKey(ID, Duration.ofHours(2), "trk_newnewne", "b".repeat(64)), BY_ADMIN)
                .expectEvents(new ApiKeyRotated(ID, "trk_newnewne", NOW.plus(Duration.ofHours(2)), "key-1", NOW));
        assertThat(secrets.rotations).containsExactly("b".repeat(64) + " until " + NOW.plus(Duration.ofHours(2)));
        Instant soon = NOW.plusSeconds(60);
        fixture.given(issued(soon))
                .when(new RotateApiKey(ID, Duration.ofHours(2), "trk_newnewne", "b".repeat(64)), BY_ADMIN)
                .expectEvents(new ApiKeyRotated(ID, "trk_newnewne", soon, "key-1", NOW));
        fixture.given(issued(null))
                .when(new RotateApiKey(ID, Duration.ofDays(31), "trk_newnewne", "b".repeat(64)), BY_ADMIN)
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
        assertThat(secrets.rotations).hasSize(2);
    }

    @Test
    void a_revoked_or_expired_key_cannot_be_rotated() {
        fixture.given(issued(null), new ApiKeyRevoked(ID, "x", "key-1", NOW.minusSeconds(1)))
                .when(new RotateApiKey(ID, Duration.ZERO, "trk_newnewne", "b".repeat(64)), BY_ADMIN)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
        fixture.given(issued(NOW))
                .when(new RotateApiKey(ID, Duration.ZERO, "trk_newnewne", "b".repeat(64)), BY_ADMIN)
                .expectException(IllegalTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void expiry_is_recorded_once_at_expires_at_and_not_before() {
        Instant past = NOW.minusSeconds(30);
        fixture.given(issued(past))
                .when(new ExpireApiKey(ID))
                .expectEvents(new ApiKeyExpired(ID, past));
        fixture.given(issued(past), new ApiKeyExpired(ID, past))
                .when(new ExpireApiKey(ID))
                .expectException(RuleViolationException.class);
        fixture.given(issued(NOW.plusSeconds(1)))
                .when(new ExpireApiKey(ID))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
