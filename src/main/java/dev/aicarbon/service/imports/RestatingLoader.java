package dev.aicarbon.service.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loader of provider data (usage and emissions), whose rows a newer file for the same
 * provider, account and month replaces. Replaced rows are kept, marked superseded.
 *
 * <p>Earlier rows of a key are superseded when the key's first row arrives, before that row
 * is stored: the update then finds only earlier imports' rows. Done after the file, it would
 * also walk every row this import just stored for the key (a million index entries and heap
 * fetches for a million-line file) only to skip them. Both loaders store every record they
 * are handed, so a key superseded here always has rows of this import.
 *
 * @param <T> the reader's record type
 */
abstract class RestatingLoader<T> extends BatchLoader<T> {

    private final Set<RestatedKey> keys = new LinkedHashSet<>();
    private final List<RestatedKey> restated = new ArrayList<>();

    RestatingLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected final void store(T record) {
        RestatedKey key = keyOf(record);
        if (keys.add(key)) {
            pauseBulkWrites();
            if (supersedeEarlier(key) > 0) {
                restated.add(key);
            }
        }
        storeRecord(record, key);
    }

    /** The restatement unit a record belongs to. */
    protected abstract RestatedKey keyOf(T record);

    /** Persists one record of {@code key}. */
    protected abstract void storeRecord(T record, RestatedKey key);

    /** Marks rows of earlier imports for this key as replaced; answers how many were. */
    protected abstract long supersedeEarlier(RestatedKey key);

    @Override
    protected ImportEffects applyEffects() {
        TreeSet<String> months = new TreeSet<>();
        keys.forEach(key -> months.add(key.month()));
        return new ImportEffects(List.copyOf(restated), StaleRuns.markAllocations(months));
    }
}
