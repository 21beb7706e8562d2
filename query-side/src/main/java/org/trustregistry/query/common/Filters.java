package org.trustregistry.query.common;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.trustregistry.shared.CanonicalUuid;
import org.trustregistry.shared.Did;

/** The list filters the read endpoints share: equality, enum values and trigram name search. */
public final class Filters {

    /** Below this pg_trgm similarity a name does not match a {@code q=} search (unless it contains q). */
    private static final double SIMILARITY_THRESHOLD = 0.3;
    private static final int MAX_QUERY_LENGTH = 200;

    private Filters() {
    }

    /** All of the given filters; a null filter is one the caller did not ask for. */
    @SafeVarargs
    public static <T> Specification<T> all(Specification<T>... filters) {
        return Specification.allOf(java.util.Arrays.stream(filters).filter(java.util.Objects::nonNull).toList());
    }

    public static <T> Specification<T> equal(String attribute, Object value) {
        return value == null ? null : (root, query, cb) -> cb.equal(root.get(attribute), value);
    }

    /** An enum filter, exactly as the value is written (no upper-casing, no trimming): one spelling per value. */
    public static <E extends Enum<E>> String enumValue(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(value::equals).findFirst()
                .orElseThrow(() -> new BadQueryException(parameter, parameter + " must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants())));
    }

    public static UUID uuid(String parameter, String value) {
        if (value == null) {
            return null;
        }
        return CanonicalUuid.parse(value)
                .orElseThrow(() -> new BadQueryException(parameter, parameter + " must be " + CanonicalUuid.RULE));
    }

    /** A parameter that names a DID: the one DID rule, so a value no record can hold is a 400, not an empty list. */
    public static String did(String parameter, String value) {
        if (value != null && !Did.isValid(value)) {
            throw new BadQueryException(parameter, parameter + " must be " + Did.RULE);
        }
        return value;
    }

    /**
     * {@code q=}: names containing q, or similar to it by trigrams (pg_trgm, served by the GIN
     * gin_trgm_ops index on the name column).
     */
    public static <T> Specification<T> nameMatches(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new BadQueryException("q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        String text = q.trim();
        return (root, query, cb) -> {
            Expression<String> name = root.get("name");
            Predicate contains = cb.like(cb.lower(name), "%" + escape(text.toLowerCase()) + "%", '\\');
            Predicate similar = cb.greaterThan(similarity(cb, name, text), SIMILARITY_THRESHOLD);
            return cb.or(contains, similar);
        };
    }

    public static Expression<Double> similarity(CriteriaBuilder cb, Expression<String> name, String text) {
        return cb.function("similarity", Double.class, name, cb.literal(text));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
