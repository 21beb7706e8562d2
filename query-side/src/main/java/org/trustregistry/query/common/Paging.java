package org.trustregistry.query.common;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** {@code ?page=0&size=50}, size at most 500 (API.md). */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int number = page == null ? 0 : page;
        int length = size == null ? 50 : size;
        if (number < 0) {
            throw new BadQueryException("page", "page must be 0 or more");
        }
        if (length < 1 || length > MAX_SIZE) {
            throw new BadQueryException("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) number * length > Integer.MAX_VALUE) {
            throw new BadQueryException("page", "page is too large");
        }
        return PageRequest.of(number, length, sort);
    }
}
