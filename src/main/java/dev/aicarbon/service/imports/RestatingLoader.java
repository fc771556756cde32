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
 * @param <T> the reader's record type
 */
abstract class RestatingLoader<T> extends BatchLoader<T> {

    private final Set<RestatedKey> keys = new LinkedHashSet<>();

    RestatingLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected final void store(T record) {
        keys.add(storeRecord(record));
    }

    /** Persists one record and answers the restatement unit it belongs to. */
    protected abstract RestatedKey storeRecord(T record);

    /** Marks rows of earlier imports for this key as replaced; answers how many were. */
    protected abstract long supersedeEarlier(RestatedKey key);

    @Override
    protected ImportEffects applyEffects() {
        List<RestatedKey> restated = new ArrayList<>();
        for (RestatedKey key : keys) {
            if (supersedeEarlier(key) > 0) {
                restated.add(key);
            }
        }
        TreeSet<String> months = new TreeSet<>();
        keys.forEach(key -> months.add(key.month()));
        return new ImportEffects(restated, StaleRuns.markAllocations(months));
    }
}
