package dev.aicarbon.service.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's tables must hold, built from the API's answers with the mapping that
 * docs/dashboard.md states: CSV column {@code scope2_market_kgco2e} is the API field
 * {@code scope2MarketKgCo2e}, and so on. Figures compare by value ({@link #byValue}), so
 * 412.50 and 412.5 are equal and 412.5 and 412.49 are not.
 */
final class ApiFigures {

    private ApiFigures() {
    }

    /**
     * The rows of one basis as an emissions figure lists them: the key columns, the basis,
     * the five amounts of {@code method} and the flags.
     */
    static List<Map<String, String>> emissionsTable(List<Map<String, Object>> apiRows, String basis,
            List<String> keys, String method) {
        String m = method.equals("market") ? "Market" : "Location";
        List<Map<String, String>> table = new ArrayList<>();
        for (Map<String, Object> row : apiRows) {
            if (!basis.equals(row.get("basis"))) {
                continue;
            }
            Map<String, String> expected = new LinkedHashMap<>();
            keys.forEach(key -> expected.put(key, text(row.get(key))));
            expected.put("basis", basis);
            expected.put("scope1_kgco2e", text(row.get("scope1KgCo2e")));
            expected.put("scope2_" + method + "_kgco2e", text(row.get("scope2" + m + "KgCo2e")));
            expected.put("scope3_kgco2e", text(row.get("scope3KgCo2e")));
            expected.put("scope_combined_" + method + "_kgco2e", text(row.get("scopeCombined" + m + "KgCo2e")));
            expected.put("total_" + method + "_kgco2e", text(row.get("total" + m + "KgCo2e")));
            expected.put("flags", String.join(" ", flags(row)));
            table.add(expected);
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private static List<String> flags(Map<String, Object> row) {
        Object flags = row.get("flags");
        return flags == null ? List.of() : (List<String>) flags;
    }

    /** An API value as the page writes it: numbers in plain notation, absent as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /**
     * The table with every number replaced by its canonical form, so that two tables are
     * equal exactly when their texts are equal and their numbers are equal in value.
     */
    static List<Map<String, String>> byValue(List<Map<String, String>> table) {
        List<Map<String, String>> canonical = new ArrayList<>();
        for (Map<String, String> row : table) {
            Map<String, String> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column, numeric(column) && !value.isEmpty()
                    ? new BigDecimal(value).stripTrailingZeros().toPlainString()
                    : value));
            canonical.add(copy);
        }
        return canonical;
    }

    private static boolean numeric(String column) {
        return column.endsWith("_kgco2e") || column.endsWith("_percent") || column.endsWith("_share")
                || column.endsWith("_threshold") || column.startsWith("rows_");
    }

    /** One column of a table, top to bottom. */
    static List<String> column(List<Map<String, String>> table, String column) {
        return table.stream().map(row -> row.get(column)).toList();
    }
}
