package dev.aicarbon.providers;

/**
 * An input file cannot be used as a whole, whatever its format: nothing of it is to be
 * stored. The message starts with the file's name.
 */
public class FileRefusedException extends RuntimeException {

    private final String source;

    public FileRefusedException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public FileRefusedException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The name of the file or request the problem was found in. */
    public String source() {
        return source;
    }
}
