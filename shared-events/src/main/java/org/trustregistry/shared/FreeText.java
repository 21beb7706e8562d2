package org.trustregistry.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request member as free text ({@link Text.Kind#FREE}: tab, line feed and carriage return
 * allowed). Every other string member of a request is single-line text; the server's JSON reading
 * applies the rule, so a member that is not marked cannot be forgotten.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface FreeText {
}
