package org.trustregistry.command.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free JSON (metadata, proofs, JSON Schemas) that every projection can store and read back as it came:
 * nested at most {@value StorableJsonValidator#MAX_DEPTH} levels, numbers of at most
 * {@value StorableJsonValidator#MAX_NUMBER_LENGTH} characters written out in full, strings and member
 * names without U+0000 or unpaired surrogates. Each bound is one a read table imposes (see the validator).
 */
@Documented
@Constraint(validatedBy = StorableJsonValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableJson {

    String message() default "must be JSON the registry can store as it is";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
