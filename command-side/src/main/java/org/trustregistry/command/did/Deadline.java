package org.trustregistry.command.did;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The one deadline of a resolution: looking the host up, connecting, and reading the whole answer. */
record Deadline(long nanos, Duration budget) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(nanos - System.nanoTime());
    }

    boolean passed() {
        return System.nanoTime() - nanos >= 0;
    }

    DidResolutionException timedOut(String source) {
        return new DidResolutionException("No DID document from " + source + " within " + budget.toMillis() + " ms",
                source, true);
    }
}
