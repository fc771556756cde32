package dev.aicarbon.providers.csv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a CSV file. Column names are trimmed, and looked up without regard to
 * case, so {@code listcost}, {@code ListCost} and {@code " ListCost "} name the same column.
 * Immutable.
 */
public final class CsvHeader {

    private final List<String> names;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> counts;
    private final Map<String, Integer> knownPositions = new HashMap<>();

    /**
     * @param knownColumns the names the reader will ask for, spelled as it spells them: their
     *                     positions are found once here, so that a lookup per cell needs no
     *                     case folding (a file of millions of rows asks millions of times)
     */
    CsvHeader(List<String> rawNames, Collection<String> knownColumns) {
        this.names = rawNames.stream().map(String::trim).toList();
        this.positions = new HashMap<>();
        this.counts = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String key = key(names.get(i));
            positions.putIfAbsent(key, i);
            counts.merge(key, 1, Integer::sum);
        }
        for (String column : knownColumns) {
            knownPositions.put(column, positions.getOrDefault(key(column), -1));
        }
    }

    /** The column names in file order, trimmed, as the file spells them. */
    public List<String> names() {
        return names;
    }

    /** The number of columns, which every data row is expected to have. */
    public int size() {
        return names.size();
    }

    /** Whether the file has the column, whatever its case. */
    public boolean has(String column) {
        return positions.containsKey(key(column));
    }

    /** Those of {@code columns} the file lacks, in the order given. */
    public List<String> missing(Collection<String> columns) {
        return columns.stream().filter(column -> !has(column)).toList();
    }

    /** Those of {@code columns} that the file has more than once, in the order given. */
    public List<String> repeated(Collection<String> columns) {
        List<String> repeated = new ArrayList<>();
        for (String column : columns) {
            if (counts.getOrDefault(key(column), 0) > 1) {
                repeated.add(column);
            }
        }
        return repeated;
    }

    /** The position of the column's first occurrence, or -1 when the file lacks it. */
    int positionOf(String column) {
        Integer known = knownPositions.get(column);
        return known != null ? known : positions.getOrDefault(key(column), -1);
    }

    static String key(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }
}
