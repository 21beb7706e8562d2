package org.trustregistry.query.common;

import jakarta.persistence.EntityManager;

/** The implementation Spring Data finds for {@link Inserts} by its name. */
class InsertsImpl<T> implements Inserts<T> {

    private final EntityManager entityManager;

    InsertsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void insert(T row) {
        entityManager.persist(row);
    }
}
