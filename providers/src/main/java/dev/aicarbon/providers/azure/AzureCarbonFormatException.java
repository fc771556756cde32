package dev.aicarbon.providers.azure;

import dev.aicarbon.providers.FileRefusedException;

/**
 * A Carbon Optimization report, as a bundle file or as an answer of the REST API, cannot be
 * used as a whole: it is not JSON, not the report asked for, or lacks a scope. Nothing of it
 * is to be stored. The message names the source and, where it can, the scope and page.
 */
public class AzureCarbonFormatException extends FileRefusedException {

    public AzureCarbonFormatException(String source, String message) {
        super(source, message);
    }

    public AzureCarbonFormatException(String source, String message, Throwable cause) {
        super(source, message, cause);
    }
}
