package dev.aicarbon.providers.sync;

/**
 * A pull that could not fetch anything. The message says what to do about it and names the
 * provider and account set, never a credential.
 */
public class ProviderException extends RuntimeException {

    /** What went wrong, so that a caller can decide whether to try again later. */
    public enum Reason {
        /** Credentials missing, expired or rejected. */
        CREDENTIALS,
        /** Authenticated, but not allowed to read what was configured. */
        ACCESS_DENIED,
        /** Throttled or unavailable after the SDK's retries. */
        UNAVAILABLE,
        /** The configured bucket, container, dataset or table does not exist. */
        NOT_FOUND,
        /** The provider answered something this connector cannot read. */
        FORMAT
    }

    private final Reason reason;

    public ProviderException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
