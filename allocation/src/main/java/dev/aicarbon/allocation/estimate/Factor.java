package dev.aicarbon.allocation.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number an estimate used, with its unit and where it came from.
 *
 * <p>{@code source} names the origin of the value: {@value #REQUEST} when the caller's request
 * gave it, a catalogue reference (for instance "provider default: Google Cloud 2024 fleet
 * average") when it was looked up, "default: ..." when it was assumed, or the formula when the
 * calculator derived it. For the {@code powerWatts} input the source also carries meaning: a
 * {@value #REQUEST} source marks an explicit average draw, any other source a catalogue TDP
 * (see {@link EstimateCalculator}, step 2).
 *
 * <p>No component is null. Immutable and thread-safe.
 */
public record Factor(String name, BigDecimal value, String unit, String source) {

    /** The source of a value the caller's request gave. */
    public static final String REQUEST = "request";

    public Factor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
    }

    /** A factor the caller's request gave, with source {@value #REQUEST}. */
    public static Factor fromRequest(String name, BigDecimal value, String unit) {
        return new Factor(name, value, unit, REQUEST);
    }

    /** True when the caller's request gave this value. */
    public boolean isFromRequest() {
        return REQUEST.equals(source);
    }
}
