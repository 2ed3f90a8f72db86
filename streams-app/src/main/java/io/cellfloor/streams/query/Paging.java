package io.cellfloor.streams.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ?page=0&size=50} of a list endpoint, checked: page from 0, size 1 to {@link #MAX_SIZE}. A list answer is
 * {@code {"items", "page", "size", "total", "stale"}}.
 */
record Paging(int page, int size) {
    static final int MAX_SIZE = 500;
    static final int DEFAULT_SIZE = 50;

    static Paging parse(final String page, final String size) {
        final int p = integer("page", page, 0);
        final int s = integer("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw ApiException.badRequest("page must be 0 or more, got " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE + ", got " + s);
        }
        return new Paging(p, s);
    }

    private static int integer(final String name, final String value, final int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The first item of this page in a list of {@code total}. */
    long offset() {
        return (long) page * size;
    }

    /** This page of {@code all}, which holds every item. */
    <T> Map<String, Object> of(final List<T> all, final boolean stale) {
        final int from = (int) Math.min(offset(), all.size());
        final int to = (int) Math.min(offset() + size, all.size());
        return answer(all.subList(from, to), all.size(), stale);
    }

    Map<String, Object> answer(final List<?> items, final long total, final boolean stale) {
        final Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("page", page);
        out.put("size", size);
        out.put("total", total);
        out.put("stale", stale);
        return out;
    }
}
