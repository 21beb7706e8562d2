package org.trustregistry.query.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events a projection parked in its dead-letter queue (only projections no trust answer depends on
 * have one): list them, retry them (each sequence in order; a letter that fails again stays), or evict
 * a sequence for good — then the projection never sees those events, which is an operator's decision.
 */
@Component
public class DeadLetters {

    /** One parked event. {@code position} is its global index in the event store. */
    public record Letter(String eventId, Long position, String eventType, String aggregateType, String aggregateId,
                         String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    /** The parked events of one sequence (e.g. one DID), oldest first: none is processed before the first. */
    public record Sequence(String sequence, List<Letter> letters) {
    }

    /** What a retry did: how many sequences went through, and how many letters are still parked. */
    public record Retried(int processed, long remaining) {
    }

    private static final int MAX_RETRIES = 10_000;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    DeadLetters(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public Optional<List<Sequence>> list(String projection) {
        return queue(projection).map(queue -> {
            List<Sequence> sequences = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                List<Letter> letters = new ArrayList<>();
                String id = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (letter instanceof JdbcDeadLetter<?> jdbcLetter) {
                        id = jdbcLetter.getSequenceIdentifier();
                    }
                    letters.add(letter(letter));
                }
                sequences.add(new Sequence(id, letters));
            }
            return sequences;
        });
    }

    /** Retries every parked sequence once, in order; empty when the projection has no dead-letter queue. */
    public Optional<Retried> retry(String projection) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(projection);
        return processor.map(p -> {
            long sequences = queue(projection).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
            int processed = 0;
            for (int i = 0; i < Math.min(sequences, MAX_RETRIES) && p.processAny(); i++) {
                processed++;
            }
            return new Retried(processed, queue(projection).map(SequencedDeadLetterQueue::size).orElse(0L));
        });
    }

    /** Evicts every letter of one sequence; empty when the projection has no dead-letter queue. */
    public Optional<Integer> evict(String projection, String sequence) {
        return queue(projection).map(queue -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            letters.forEach(queue::evict);
            return letters.size();
        });
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        String aggregateType = null;
        String aggregateId = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
        }
        Long position = jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(event.getIdentifier()).query(Long.class).optional().orElse(null);
        return new Letter(event.getIdentifier(), position, event.getPayloadType().getSimpleName(), aggregateType,
                aggregateId, letter.cause().map(c -> c.message()).orElse(null), letter.enqueuedAt(),
                letter.lastTouched());
    }
}
