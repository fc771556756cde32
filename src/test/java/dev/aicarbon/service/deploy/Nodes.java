package dev.aicarbon.service.deploy;

import java.util.List;
import java.util.Map;

/**
 * Walks parsed YAML: maps, lists and scalars as SnakeYAML builds them. A path step is a key
 * (a {@code String}) or a list index (an {@code Integer}); a step that does not exist gives
 * null, or an empty list or map, so that a test states what it expects instead of failing
 * on a cast.
 */
final class Nodes {

    private Nodes() {
    }

    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index
                    && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    /** The scalar at {@code path} as written in the YAML, or null. */
    static String string(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    static List<Object> list(Object node, Object... path) {
        if (!(at(node, path) instanceof List<?> list)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) list;
        return items;
    }

    static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }
}
