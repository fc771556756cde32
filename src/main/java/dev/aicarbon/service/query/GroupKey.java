package dev.aicarbon.service.query;

import dev.aicarbon.service.api.GroupBy;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
     * order and dropping repeats; 400 naming {@code groupBy} on an unknown key, the allowed
     * keys listed in alphabetical order.
     */
    public static List<GroupKey> parse(List<String> values, Set<GroupKey> allowed) {
        List<GroupKey> known = allowed.stream().sorted(Comparator.comparing(GroupKey::label)).toList();
        return GroupBy.parse(values, known, GroupKey::label);
    }

    public static Set<GroupKey> all() {
        return new LinkedHashSet<>(Arrays.asList(values()));
    }
}
