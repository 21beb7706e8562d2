package org.trustregistry.server.idempotency;

import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.trustregistry.command.common.CommandSender;
import org.trustregistry.shared.MessageMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the Idempotency-Key of a command in the command's own transaction — the one that appends its
 * events — so that the events are committed if and only if the key is: a crash or a lost connection
 * right after the commit leaves a record to replay, a rollback leaves neither. The key is claimed
 * before the handler runs, so a concurrent duplicate waits on it and then finds the first answer
 * (DuplicateIdempotencyKeyException) instead of running the command again; the answer is stored
 * after the handler returned, serialised by the JsonMapper Spring MVC writes with, so a replay is byte
 * for byte the first answer. Runs first among the command handler interceptors; Axon's
 * auto-configuration registers it on the command bus, whose unit of work has started the transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyRecorder implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyRecords records;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyRecorder(IdempotencyRecords records, JsonMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        Optional<IdempotentRequest> keyed = IdempotentRequest.fromMetadata(metadata);
        if (keyed.isEmpty()) {
            return chain.proceed();
        }
        IdempotentRequest request = keyed.get();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An Idempotency-Key can only be recorded in the command's transaction");
        }
        Object requestId = metadata.get(MessageMetadata.REQUEST_ID);
        if (!records.claim(request.caller(), request.key(), request.fingerprint(), request.method(), request.target(),
                requestId == null ? null : requestId.toString(), clock.instant())) {
            throw new DuplicateIdempotencyKeyException(request);
        }
        Object result;
        try {
            result = chain.proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // Axon commits a unit of work that ends in a checked exception; a failed request must write nothing
            throw new CommandExecutionException("The command failed: " + e.getMessage(), e);
        }
        records.complete(request.caller(), request.key(), answer(metadata, result));
        return result;
    }

    private IdempotencyRecords.Answer answer(MetaData metadata, Object result) {
        int status = ((Number) metadata.get(CommandSender.ANSWER_STATUS)).intValue();
        Object location = metadata.get(CommandSender.ANSWER_LOCATION);
        return result == null
                ? new IdempotencyRecords.Answer(status, location == null ? null : location.toString(), null, null)
                : new IdempotencyRecords.Answer(status, location == null ? null : location.toString(),
                        MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(result));
    }
}
