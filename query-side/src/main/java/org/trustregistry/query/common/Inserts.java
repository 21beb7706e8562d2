package org.trustregistry.query.common;

/**
 * A repository fragment for rows a projection makes: {@link #insert} persists the new row straight away.
 * A read row's id comes from its event, so Spring Data's {@code save} cannot tell a new row from a stored
 * one and merges — a SELECT by id before every INSERT, one more round trip per event and projection (a
 * third of a rebuild's statements).
 */
public interface Inserts<T> {

    /** Stores a row that does not exist yet (a second insert of the same id fails at the flush). */
    void insert(T row);
}
