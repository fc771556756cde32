package dev.aicarbon.allocation;

import java.util.Map;

/**
 * Reads resource tags as the clouds write them into FOCUS {@code Tags}.
 *
 * <p>AWS writes user-defined cost allocation tags with the prefix {@code user:}
 * ({@code user:ml-project}); Azure and Google Cloud write the key as the user set it. A key
 * is looked up as given first, then with that prefix.
 */
public final class Tags {

    static final String AWS_USER_TAG_PREFIX = "user:";

    private Tags() {
    }

    /** The trimmed value of {@code key}, or null when the tag is absent or blank. */
    public static String value(Map<String, String> tags, String key) {
        return value(tags, key, AWS_USER_TAG_PREFIX + key);
    }

    /** As {@link #value(Map, String)}, with the prefixed key built once by the caller. */
    static String value(Map<String, String> tags, String key, String prefixedKey) {
        String value = tags.get(key);
        if (value == null) {
            value = tags.get(prefixedKey);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
