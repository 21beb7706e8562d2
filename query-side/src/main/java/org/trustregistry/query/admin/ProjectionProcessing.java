package org.trustregistry.query.admin;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import java.util.Set;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trustregistry.query.audit.AuditLogProjection;
import org.trustregistry.query.delegation.IssuerDelegationProjection;
import org.trustregistry.query.did.DidDirectoryProjection;
import org.trustregistry.query.entry.RegistryEntryProjection;
import org.trustregistry.query.federation.FederationConnectionProjection;
import org.trustregistry.query.framework.TrustFrameworkProjection;
import org.trustregistry.query.history.StatusHistoryProjection;
import org.trustregistry.query.issuer.IssuerProjection;
import org.trustregistry.query.registry.TrustRegistryProjection;
import org.trustregistry.query.schema.CredentialSchemaProjection;
import org.trustregistry.query.trqp.AuthorityHistoryProjection;
import org.trustregistry.query.verifier.VerifierProjection;

/**
 * How the projections consume the event store (STACK-NOTES trap 12): each projection is its own
 * pooled streaming processor, so it can be rebuilt alone; a failing event handler fails its batch,
 * which is rolled back and retried (the failure is remembered for the monitor, then propagated) — a
 * projection never silently skips an event and diverges.
 * <p>
 * Batch size: one transaction per batch of up to {@code batch-size} events. Live traffic fills
 * batches of one or two events, so the size only matters when a projection replays the whole store,
 * where 100 events per commit turns a replay from commit-bound into work-bound. One segment each: on
 * two cores more segments only add token claims, and the DID directory merges rows across aggregates,
 * which one segment keeps in event order.
 * <p>
 * Dead letters: only the DID directory parks an event it cannot store (see docs/decisions.md for why
 * every other projection must stop instead).
 * <p>
 * Commits: a projection's batch commits without waiting for the disk ({@code synchronous_commit = off}). Its
 * token is in the same transaction, so a commit lost in a crash of the machine is lost with its token and
 * the events are projected again after the restart; the events themselves (the command side's commits)
 * always wait for the disk. Only the projections: a processor that appends events (the delegation cascade)
 * must not.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    /** What the dead-letter table keeps of a cause: its message without control characters, at most 1,000. */
    static final class ParkedBecause extends RuntimeException {
        ParkedBecause(Throwable cause) {
            super(clean(ProjectionFailure.describe(cause)));
        }

        private static String clean(String message) {
            String text = message.replaceAll("\\p{Cntrl}", "?");
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }
    }

    /** The query side's projections, which commit without waiting for the disk (every one is rebuildable). */
    public static final Set<String> PROJECTIONS = Set.of(AuditLogProjection.NAME, AuthorityHistoryProjection.NAME,
            CredentialSchemaProjection.NAME, DidDirectoryProjection.NAME, FederationConnectionProjection.NAME,
            IssuerDelegationProjection.NAME, IssuerProjection.NAME, RegistryEntryProjection.NAME,
            StatusHistoryProjection.NAME, TrustFrameworkProjection.NAME, TrustRegistryProjection.NAME,
            VerifierProjection.NAME);

    private static final String ASYNCHRONOUS = ProjectionProcessing.class.getName() + ".asynchronous-commit";

    /** Once per batch, in its transaction: the commit need not wait for the disk (the token is lost with it). */
    static MessageHandlerInterceptor<EventMessage<?>> asynchronousCommit(JdbcClient jdbc) {
        return (unitOfWork, chain) -> {
            if (unitOfWork.root().resources().putIfAbsent(ASYNCHRONOUS, Boolean.TRUE) == null) {
                jdbc.sql("SET LOCAL synchronous_commit = off").update();
            }
            return chain.proceed();
        };
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, ProjectionFailureRecorder failures, JdbcClient jdbc,
                   ObjectProvider<ConnectionProvider> connections, ObjectProvider<DeadLetterSchema> deadLetterSchema,
                   @Value("${trust-registry.projections.batch-size:100}") int batchSize,
                   @Value("${trust-registry.projections.segments:1}") int segments,
                   @Value("${trust-registry.projections.token-claim-interval:PT5S}") java.time.Duration claimInterval) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .batchSize(batchSize)
                        // how often an idle processor looks at the token store (for segments to claim); events
                        // appended by other processes are found by the store's producer, every second
                        .tokenClaimInterval(claimInterval.toMillis())
                        .initialSegmentCount(segments))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> failures.errorHandler())
                .registerDefaultHandlerInterceptor((c, processor) -> failures.interceptor(processor));
        PROJECTIONS.forEach(name -> processing.registerHandlerInterceptor(name, c -> asynchronousCommit(jdbc)));
        if (Boolean.getBoolean("experiment.one")) {
            PROJECTIONS.forEach(name -> processing.assignProcessingGroup(name, "projections"));
            processing.registerHandlerInterceptor("projections", c -> asynchronousCommit(jdbc));
        }

        String directory = DidDirectoryProjection.NAME;
        EnqueuePolicy<EventMessage<?>> park = (letter, cause) -> Decisions.enqueue(new ParkedBecause(cause));
        processing.registerDeadLetterQueue(directory, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(directory)
                        .connectionProvider(connections.getObject())
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .schema(deadLetterSchema.getObject())
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .build())
                .registerSequencingPolicy(directory, c -> DidDirectoryProjection.BY_DID)
                .registerDeadLetterPolicy(directory, c -> park);
    }
}
