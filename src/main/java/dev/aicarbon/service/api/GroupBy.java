package dev.aicarbon.service.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code groupBy} request parameter, whatever the keys a resource groups by: each value
 * one key or a comma-separated list, matched to a key's label whatever its case.
 */
public final class GroupBy {

    private GroupBy() {
    }

    /**
     * Parses {@code values} into keys of {@code known}, keeping their order and dropping
     * repeats; 400 naming {@code groupBy} on an unknown key, listing the labels of
     * {@code known} in the order given.
     */
    public static <K> List<K> parse(List<String> values, List<K> known, Function<K, String> label) {
        Set<K> keys = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    keys.add(parseOne(part.strip(), known, label));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    private static <K> K parseOne(String text, List<K> known, Function<K, String> label) {
        String wanted = text.toLowerCase(Locale.ROOT);
        for (K key : known) {
            if (label.apply(key).toLowerCase(Locale.ROOT).equals(wanted)) {
                return key;
            }
        }
        String labels = known.stream().map(label).collect(Collectors.joining(", "));
        throw new BadParameterException("groupBy",
                "groupBy has an unknown key '" + text + "'; known keys: " + labels);
    }
}
