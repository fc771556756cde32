package dev.aicarbon.providers.csv;

/**
 * The file as a whole cannot be read: it is not CSV, or its header lacks required columns.
 * Nothing of such a file is to be stored.
 */
public class CsvFormatException extends RuntimeException {

    private final String source;

    public CsvFormatException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public CsvFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The name of the file or request the problem was found in. */
    public String source() {
        return source;
    }
}
