package dev.aicarbon.providers.azure;

/**
 * An Azure Monitor metrics document cannot be used as a whole: it is not JSON, not a metrics
 * answer, reports an error for the metric, or holds a value that cannot be energy. Nothing of
 * such a document is to be stored.
 */
public class AzureMonitorFormatException extends RuntimeException {

    private final String source;

    public AzureMonitorFormatException(String source, String message) {
        super(source + ": " + message);
        this.source = source;
    }

    public AzureMonitorFormatException(String source, String message, Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
    }

    /** The name of the file or request the problem was found in. */
    public String source() {
        return source;
    }
}
