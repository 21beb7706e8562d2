package org.trustregistry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.trustregistry.query.common.KeyedStatements;

/**
 * A batch's statements run in rounds per key, grouped by SQL: the result is the one the statements give
 * in the order they were queued, and a statement that does not touch the rows it must fails the batch.
 */
class KeyedStatementsIntegrationTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate template;
    @Autowired
    private TransactionTemplate transactions;

    @BeforeEach
    void table() {
        template.execute("CREATE TABLE it_keyed (k int, v int, closed boolean NOT NULL DEFAULT false)");
    }

    @AfterEach
    void drop() {
        template.execute("DROP TABLE it_keyed");
    }

    @Test
    void statements_about_one_key_keep_their_order_and_others_commute() {
        inUnitOfWork(() -> {
            KeyedStatements batch = KeyedStatements.current(template);
            for (int k = 1; k <= 3; k++) {
                // per key: open v=1, close it and open v=2, close that and open v=3 (the last only for key 3)
                batch.add(k, "INSERT INTO it_keyed (k, v) VALUES (?, 1)", 1, "open " + k, k);
                batch.add(k, "UPDATE it_keyed SET closed = true WHERE k = ? AND NOT closed", 1, "close " + k, k);
                batch.add(k, "INSERT INTO it_keyed (k, v) SELECT ?, max(v) + 1 FROM it_keyed WHERE k = ?", 1,
                        "next " + k, k, k);
            }
            batch.add(3, "UPDATE it_keyed SET closed = true WHERE k = ? AND NOT closed", 1, "close 3", 3);
            batch.add(3, "INSERT INTO it_keyed (k, v) SELECT ?, max(v) + 1 FROM it_keyed WHERE k = ?", 1, "next 3",
                    3, 3);
            assertThat(template.queryForObject("SELECT count(*) FROM it_keyed", Long.class))
                    .as("nothing sent before the unit of work commits").isZero();
        });
        assertThat(template.queryForList("SELECT k || ':' || v || ':' || closed FROM it_keyed ORDER BY k, v",
                String.class)).containsExactly("1:1:true", "1:2:false", "2:1:true", "2:2:false", "3:1:true",
                "3:2:true", "3:3:false");
    }

    @Test
    void a_statement_touching_other_than_the_rows_it_must_fails_the_batch() {
        assertThatThrownBy(() -> inUnitOfWork(() -> {
            KeyedStatements batch = KeyedStatements.current(template);
            batch.add(1, "INSERT INTO it_keyed (k, v) VALUES (?, 1)", 1, "open 1", 1);
            batch.add(2, "UPDATE it_keyed SET closed = true WHERE k = ?", 1, "entity 2: current periods", 2);
        })).hasStackTraceContaining("entity 2: current periods: 0 rows, not 1");
        assertThat(template.queryForObject("SELECT count(*) FROM it_keyed", Long.class))
                .as("rolled back with it").isZero();
    }

    private void inUnitOfWork(Runnable work) {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                work.run();
                unitOfWork.commit();
            } catch (RuntimeException e) {
                if (unitOfWork.isActive()) {
                    unitOfWork.rollback(e);
                }
                throw e;
            }
        });
    }
}
