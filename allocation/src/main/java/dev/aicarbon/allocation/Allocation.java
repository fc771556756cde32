package dev.aicarbon.allocation;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * An amount of emissions attributed to one consumer for one combination of dimensions.
 *
 * <p>Exactly one of {@code project} and {@code bucket} is non-null. For project rows the
 * dimensions are those of the usage lines; for {@code unmatched} rows they are those of
 * the emissions cell (region and service null where the cell had none).
 *
 * @param workload workload tag value, null when the line had none
 * @param stage    lifecycle stage, null when the line had none or an unknown one
 * @param flags    how the amount was obtained; part of the row's identity
 */
public record Allocation(
        String project,
        Bucket bucket,
        String workload,
        Stage stage,
        String provider,
        String accountId,
        YearMonth month,
        String region,
        String service,
        Set<Flag> flags,
        Emissions emissions) {

    public Allocation {
        if ((project == null) == (bucket == null)) {
            throw new IllegalArgumentException("exactly one of project and bucket must be set");
        }
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(emissions, "emissions");
        flags = Set.copyOf(flags);
    }

    /** The consumer's name: the project, or the bucket's label. */
    public String consumer() {
        return project != null ? project : bucket.label();
    }
}
