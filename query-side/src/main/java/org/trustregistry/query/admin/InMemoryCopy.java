package org.trustregistry.query.admin;

import java.util.Optional;

/**
 * A copy of a projection's tables kept in memory (the authority history TRQP answers from). When a committed
 * change could not be applied to it, the copy is wrong: the projection is reported FAILING for as long, so that
 * every read guarded by it is refused (503) and the health check is down, until a rebuild makes it right again.
 */
public interface InMemoryCopy {

    /** The projection whose tables it copies. */
    String projection();

    /** Why the copy can no longer be trusted, if it cannot. */
    Optional<String> fault();
}
