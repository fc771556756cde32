package dev.aicarbon.service.query;

import dev.aicarbon.service.api.BadParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A dimension emissions can be grouped by, with the stored column it reads. */
public enum GroupKey {
    PROJECT("x.project"),
    MONTH("x.month"),
    PROVIDER("x.provider"),
    ACCOUNT("x.account"),
    REGION("x.region"),
    SERVICE("x.service"),
    WORKLOAD("x.workload"),
    STAGE("x.stage");

    private final String column;

    GroupKey(String column) {
        this.column = column;
    }

    /** SQL expression of this key; a fixed string, never built from request input. */
    String column() {
        return column;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code groupBy} values, each one key or a comma-separated list, keeping their
     * order and dropping repeats; 400 naming {@code groupBy} on an unknown key.
     */
    public static List<GroupKey> parse(List<String> values, Set<GroupKey> allowed) {
        Set<GroupKey> keys = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    keys.add(parseOne(part.strip(), allowed));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    private static GroupKey parseOne(String label, Set<GroupKey> allowed) {
        for (GroupKey key : allowed) {
            if (key.label().equals(label.toLowerCase(Locale.ROOT))) {
                return key;
            }
        }
        String known = allowed.stream().map(GroupKey::label).sorted().collect(Collectors.joining(", "));
        throw new BadParameterException("groupBy",
                "groupBy has an unknown key '" + label + "'; known keys: " + known);
    }

    public static Set<GroupKey> all() {
        return new LinkedHashSet<>(Arrays.asList(values()));
    }
}
