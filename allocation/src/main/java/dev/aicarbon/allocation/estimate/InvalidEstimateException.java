package dev.aicarbon.allocation.estimate;

import java.util.Objects;

/**
 * The inputs of an estimate are missing, out of range or contradictory, so that an estimate
 * could only be made by assuming a value. Names the first offending input, by its name in the
 * REST API ({@code count}, {@code hours}, {@code region}, ...), so that the service can point
 * the caller at the field to correct.
 */
public final class InvalidEstimateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidEstimateException(String field, String problem) {
        super(Objects.requireNonNull(field, "field") + ": " + problem);
        this.field = field;
    }

    /** The REST API name of the input to correct; never null. */
    public String field() {
        return field;
    }
}
