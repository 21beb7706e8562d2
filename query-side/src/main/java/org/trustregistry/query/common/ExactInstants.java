package org.trustregistry.query.common;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsOffsetDateTimeJdbcType;

/**
 * The read entities' instants go to timestamptz as {@code OffsetDateTime}, in ISO terms. On PostgreSQL
 * Hibernate binds them as {@code java.sql.Timestamp}, which the driver writes in the Julian calendar
 * before 1582-10-15: another day is stored, and a Julian leap day Gregorian lacks stops the projection
 * (see {@link org.trustregistry.shared.Timestamptz}). Registered through META-INF/services: only contributors found there are
 * applied after the dialect's own types, which they must override.
 */
public class ExactInstants implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions.contributeJdbcType(TimestampUtcAsOffsetDateTimeJdbcType.INSTANCE);
    }
}
