package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Stores one import's rows as a reader hands them over, inside the import's transaction.
 * A loader may still refuse a row the reader found well formed (it names something the
 * database does not know); such a row is quarantined like any other.
 *
 * @param <T> the reader's record type
 */
abstract class BatchLoader<T> implements RowSink<T> {

    /** Rows stored between flushes, bounding the persistence context of a large file. */
    private static final int FLUSH_EVERY = 1000;

    protected final long importId;
    private final Quarantine quarantine;
    private int accepted;
    private boolean entitiesPending;

    BatchLoader(long importId, Quarantine quarantine) {
        this.importId = importId;
        this.quarantine = quarantine;
    }

    @Override
    public final void accept(T record) {
        try {
            store(record);
            accepted++;
        } catch (RowRefused refused) {
            keepQuarantined(refused.problem());
        }
        flushEvery(accepted + quarantine.count());
    }

    @Override
    public final void quarantine(RowProblem problem) {
        keepQuarantined(problem);
        flushEvery(accepted + quarantine.count());
    }

    /**
     * Persists one record.
     *
     * @throws RowRefused when the record cannot be stored as it is
     */
    protected abstract void store(T record);

    /**
     * Called once the whole file was read without being refused: replaces what the file
     * restates and marks stale the published runs it changes.
     */
    protected abstract ImportEffects applyEffects();

    /**
     * True when {@link #store} persists entities, which the periodic flush then writes; false
     * for a loader that streams its rows past the persistence context.
     */
    protected boolean storesEntities() {
        return true;
    }

    /**
     * Sends the rows a streaming loader still holds and frees the connection for other
     * statements: called before a quarantined row is persisted, before a flush, and before
     * {@link #applyEffects()}.
     */
    protected void pauseBulkWrites() {
    }

    /** Drops what a streaming loader holds after the import failed, before it rolls back. */
    void abandon() {
    }

    /**
     * Quarantines a record that {@link #store} took but that turned out unusable once the
     * whole file was read (a bill of materials with one unknown component).
     */
    protected final void retract(RowProblem problem) {
        accepted--;
        keepQuarantined(problem);
    }

    int accepted() {
        return accepted;
    }

    int quarantined() {
        return quarantine.count();
    }

    private void keepQuarantined(RowProblem problem) {
        pauseBulkWrites();
        quarantine.keep(problem);
        entitiesPending = true;
    }

    private void flushEvery(int rows) {
        if (rows % FLUSH_EVERY == 0 && (storesEntities() || entitiesPending)) {
            pauseBulkWrites();
            Panache.getEntityManager().flush();
            Panache.getEntityManager().clear();
            entitiesPending = false;
        }
    }
}
