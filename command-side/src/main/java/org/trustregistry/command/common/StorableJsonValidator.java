package org.trustregistry.command.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Checks {@link StorableJson}. Every bound comes from a place the value must pass through unchanged:
 * <ul>
 * <li>depth: answers wrap a value in a few levels more (a page of audit log rows, the event stream), and
 * Jackson refuses to write or read past 500; 64 leaves room and is more than any real document needs;</li>
 * <li>numbers: jsonb keeps them exactly but writes them out in full (1e400 as 401 digits), and Jackson
 * reads no number longer than 1000 characters;</li>
 * <li>strings: PostgreSQL's jsonb cannot hold U+0000, and an unpaired surrogate cannot be encoded in
 * UTF-8 at all (the driver would store a '?').</li>
 * </ul>
 */
public class StorableJsonValidator implements ConstraintValidator<StorableJson, Object> {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 1000;

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        String problem = problem(value, 1);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the problem names no user content: a message template would interpolate it
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** What is wrong with the value at the given depth, or null. */
    static String problem(Object value, int depth) {
        if (value == null || value instanceof Boolean) {
            return null;
        }
        if (value instanceof String text) {
            return textProblem(text, "a string");
        }
        if (value instanceof Number number) {
            return numberProblem(number);
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            if (depth > MAX_DEPTH) {
                return "is nested deeper than " + MAX_DEPTH + " levels";
            }
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> member : map.entrySet()) {
                    String problem = member.getKey() instanceof String name ? textProblem(name, "a member name")
                            : "has a member name that is not a string";
                    if (problem == null) {
                        problem = problem(member.getValue(), depth + 1);
                    }
                    if (problem != null) {
                        return problem;
                    }
                }
            } else {
                for (Object element : (Collection<?>) value) {
                    String problem = problem(element, depth + 1);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            return null;
        }
        return "holds a value that is not JSON";
    }

    private static String numberProblem(Number number) {
        String written;
        if (number instanceof BigDecimal decimal) {
            written = decimal.toPlainString();
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                return "holds a number too large to keep";
            }
            written = new BigDecimal(Double.toString(d)).toPlainString();
        } else if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte) {
            written = number.toString();
        } else {
            return "holds a value that is not a JSON number";
        }
        return written.length() > MAX_NUMBER_LENGTH
                ? "holds a number longer than " + MAX_NUMBER_LENGTH + " digits when written out in full" : null;
    }

    private static String textProblem(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "holds " + what + " with U+0000, which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds " + what + " with an unpaired surrogate (not Unicode text)";
            }
        }
        return null;
    }
}
