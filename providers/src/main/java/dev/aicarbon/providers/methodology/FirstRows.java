package dev.aicarbon.providers.methodology;

import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.RowRejectedException;
import java.util.HashMap;
import java.util.Map;

/**
 * The first row of each key in one file, so that a later row with the same key is
 * quarantined and the earlier one kept. Holds one entry per accepted row; not thread-safe,
 * one instance per read.
 *
 * @param <K> the key, a value type
 */
final class FirstRows<K> {

    private final String keyColumns;
    private final Map<K, Integer> firstRowOfKey = new HashMap<>();

    /** @param keyColumns the key's columns in words, for the reason ("model and component") */
    FirstRows(String keyColumns) {
        this.keyColumns = keyColumns;
    }

    /**
     * Records {@code key} as seen at {@code row}; call it last, once the row is otherwise
     * usable, so that a rejected row never claims a key.
     *
     * @throws RowRejectedException when an earlier row of the file has the same key
     */
    void claim(K key, CsvRow row) {
        Integer earlier = firstRowOfKey.putIfAbsent(key, row.number());
        if (earlier != null) {
            throw new RowRejectedException(null, "repeats the " + keyColumns + " of row "
                    + earlier + ", which is kept");
        }
    }
}
