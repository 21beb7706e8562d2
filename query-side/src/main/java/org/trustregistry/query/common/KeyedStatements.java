package org.trustregistry.query.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's SQL for a whole batch, sent in a few JDBC batches instead of one round trip per event. The
 * statements are queued by the handlers and run when the batch's unit of work prepares to commit (inside the
 * engine's part for this projection, so a failure is this projection's, and the engine's one-event-per-
 * transaction retry names its event).
 * <p>
 * Each statement names what it is about (a table and a row key). Statements about the same thing keep their
 * order; statements about different things commute (they touch other rows), so they run in rounds: the
 * first statement of every key, then the second, … and within a round the statements with the same SQL are
 * one JDBC batch, in the order they were queued. A statement queued with an expected row count fails the
 * batch when PostgreSQL reports another.
 */
public final class KeyedStatements {

    private record Statement(String sql, Object[] params, int expected, String what) {
    }

    private static final String RESOURCE = KeyedStatements.class.getName();

    private final JdbcTemplate jdbc;
    private final Map<Object, List<Statement>> byKey = new LinkedHashMap<>();

    private KeyedStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The statements of the current unit of work (one per projection's part), run before it commits. */
    public static KeyedStatements current(JdbcTemplate jdbc) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, k -> {
            KeyedStatements statements = new KeyedStatements(jdbc);
            unitOfWork.onPrepareCommit(u -> statements.run());
            return statements;
        });
    }

    /** Queues a statement about {@code key}; {@code expected} is its row count, or -1 for any. */
    public void add(Object key, String sql, int expected, String what, Object... params) {
        byKey.computeIfAbsent(Objects.requireNonNull(key), k -> new ArrayList<>())
                .add(new Statement(sql, params, expected, what));
    }

    /** Runs what was queued, in rounds (see the class comment), and forgets it. */
    void run() {
        List<List<Statement>> queues = new ArrayList<>(byKey.values());
        byKey.clear();
        for (int round = 0; ; round++) {
            Map<String, List<Statement>> bySql = new LinkedHashMap<>();
            for (List<Statement> queue : queues) {
                if (round < queue.size()) {
                    Statement statement = queue.get(round);
                    bySql.computeIfAbsent(statement.sql(), s -> new ArrayList<>()).add(statement);
                }
            }
            if (bySql.isEmpty()) {
                return;
            }
            bySql.forEach(this::execute);
        }
    }

    private void execute(String sql, List<Statement> statements) {
        int[] counts = statements.size() == 1
                ? new int[] {jdbc.update(sql, statements.get(0).params())}
                : jdbc.batchUpdate(sql, statements.stream().map(Statement::params).toList());
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            if (statement.expected() >= 0 && counts[i] >= 0 && counts[i] != statement.expected()) {
                throw new IllegalStateException(statement.what() + ": " + counts[i] + " rows, not "
                        + statement.expected());
            }
        }
    }
}
