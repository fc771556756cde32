package dev.aicarbon.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the distinct values of one string dimension in the order first seen, from 1; null is
 * 0. Keeps one instance per value, so strings taken back from it compare by identity first.
 * Not thread-safe.
 */
final class StringIds {

    private final Map<String, Integer> idByValue = new HashMap<>();
    private final List<String> values = new ArrayList<>(List.of(""));
    private final int limit;

    /** Ids up to {@code bits} bits; beyond, {@link UnscaledOverflow}. */
    StringIds(int bits) {
        this.limit = (1 << bits) - 1;
    }

    int idOf(String value) {
        if (value == null) {
            return 0;
        }
        Integer known = idByValue.get(value);
        if (known != null) {
            return known;
        }
        if (values.size() > limit) {
            throw new UnscaledOverflow("more than " + limit + " distinct values");
        }
        int id = values.size();
        values.add(value);
        idByValue.put(value, id);
        return id;
    }

    /** The value numbered {@code id}; null for 0. */
    String value(int id) {
        return id == 0 ? null : values.get(id);
    }
}
