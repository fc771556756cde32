package dev.aicarbon.providers.csv;

/**
 * Thrown while a row is being turned into a record, to say that the row is to be quarantined
 * rather than accepted. {@link CsvSource#readRows} catches it and hands a {@link RowProblem} to
 * the sink; it never leaves a reader.
 *
 * <p>It carries no stack trace: it is expected on every bad row and says all there is to say
 * in its column and reason.
 */
public final class RowRejectedException extends RuntimeException {

    private final String column;

    /**
     * @param column the column at fault, or null when the row as a whole is at fault
     * @param reason what is wrong, naming the offending value
     */
    public RowRejectedException(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** The column at fault, or null when the row as a whole is at fault. */
    public String column() {
        return column;
    }

    /** What is wrong with the row, in words a person can act on. */
    public String reason() {
        return getMessage();
    }
}
