package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stores one import's rows as a reader hands them over, inside the import's transaction.
 * Remembers which provider accounts and months the file covers, since a newer file for
 * the same ones restates them.
 *
 * @param <T> the reader's record type
 */
abstract class BatchLoader<T> implements RowSink<T> {

    /** Rows stored between flushes, bounding the persistence context of a large file. */
    private static final int FLUSH_EVERY = 1000;

    protected final long importId;
    private final Quarantine quarantine;
    private final Set<RestatedKey> keys = new LinkedHashSet<>();
    private int accepted;

    BatchLoader(long importId, Quarantine quarantine) {
        this.importId = importId;
        this.quarantine = quarantine;
    }

    @Override
    public final void accept(T record) {
        keys.add(store(record));
        accepted++;
        flushEvery(accepted + quarantine.count());
    }

    @Override
    public final void quarantine(RowProblem problem) {
        quarantine.keep(problem);
        flushEvery(accepted + quarantine.count());
    }

    /** Persists one usable record and answers the restatement unit it belongs to. */
    protected abstract RestatedKey store(T record);

    /** Marks rows of earlier imports for this key as replaced; answers how many were. */
    protected abstract long supersedeEarlier(RestatedKey key);

    /** Called once the whole file was read without being refused. */
    protected void afterRead() {
    }

    Set<RestatedKey> keys() {
        return keys;
    }

    int accepted() {
        return accepted;
    }

    private static void flushEvery(int rows) {
        if (rows % FLUSH_EVERY == 0) {
            Panache.getEntityManager().flush();
            Panache.getEntityManager().clear();
        }
    }
}
