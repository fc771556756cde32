package dev.aicarbon.providers.csv;

/**
 * Receives a file's rows as they are read, so that no reader holds a whole file in memory.
 *
 * @param <T> the record type of usable rows
 */
public interface RowSink<T> {

    void accept(T record);

    void quarantine(RowProblem problem);
}
