package dev.aicarbon.service.db;

/** The server refused rows streamed with COPY: a constraint, a trigger, a lost connection. */
public class BulkWriteException extends RuntimeException {

    public BulkWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
