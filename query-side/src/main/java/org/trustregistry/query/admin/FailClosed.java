package org.trustregistry.query.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that decides trust: it answers only from projections that are up to date (or behind by less
 * than {@code trust-registry.projections.max-lag}), else 503 with Retry-After — never from a stopped,
 * failing, lagging or half-rebuilt projection. The answer names the event-store position it reflects
 * (at least) in the {@value FailClosedGuard#POSITION_HEADER} header.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FailClosed {

    /** The projections the read depends on. */
    String[] value();

    /** Guard only when this query parameter is present (e.g. {@code asOf}); empty: always. */
    String whenParameter() default "";
}
