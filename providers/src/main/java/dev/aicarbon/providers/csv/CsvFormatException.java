package dev.aicarbon.providers.csv;

import dev.aicarbon.providers.FileRefusedException;

/**
 * The file as a whole cannot be read: it is not CSV, or its header lacks required columns.
 * Nothing of such a file is to be stored.
 */
public class CsvFormatException extends FileRefusedException {

    public CsvFormatException(String source, String message) {
        super(source, message);
    }

    public CsvFormatException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }
}
