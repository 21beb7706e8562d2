package org.trustregistry.query.common;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;

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

    public static <E extends Enum<E>> String enumValue(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(parameter, parameter + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(parameter, parameter + " must be a UUID");
        }
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
