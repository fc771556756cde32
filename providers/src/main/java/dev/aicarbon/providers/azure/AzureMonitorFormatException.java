package dev.aicarbon.providers.azure;

import dev.aicarbon.providers.FileRefusedException;

/**
 * An Azure Monitor metrics document cannot be used as a whole: it is not JSON, not a metrics
 * answer, reports an error for the metric, or holds a value that cannot be energy. Nothing of
 * such a document is to be stored.
 */
public class AzureMonitorFormatException extends FileRefusedException {

    public AzureMonitorFormatException(String source, String message) {
        super(source, message);
    }

    public AzureMonitorFormatException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }
}
