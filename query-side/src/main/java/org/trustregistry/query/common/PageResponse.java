package org.trustregistry.query.common;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page of a list, as every list endpoint answers: {@code {"items": [...], "page": {...}}}. */
public record PageResponse<T>(List<T> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }
}
