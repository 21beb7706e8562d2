package org.trustregistry.query.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Runs a projection's work for one event inside a savepoint of the batch's transaction. A statement
 * PostgreSQL refuses aborts the whole transaction; rolled back to the savepoint, the transaction stays
 * usable, so the event can be parked in the dead-letter queue (in the same transaction) and the batch
 * goes on. Only for projections that write with plain SQL: a JPA persistence context would not roll
 * back with the savepoint.
 */
@Component
public class Savepoints {

    private final DataSource dataSource;

    Savepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void run(Runnable work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                work.run();
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                throw e;
            }
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not use a savepoint of the projection's transaction", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
