package dev.aicarbon.service.methodology;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A methodology run as the API shows it. */
@Schema(description = "A seven-step methodology run of one month. Per region and component, "
        + "consumers + unusedCapacity = regions, exactly (kgCO2e).")
public record MethodologyRunView(
        long runId,
        String month,
        @Schema(description = "current, stale (an input changed since) or superseded")
        String status,
        int lifetimeMonths,
        Instant startedAt,
        Instant finishedAt,
        Long supersededBy,
        int assets,
        int datacenters,
        int regions,
        int consumers,
        Totals totals) {

    /** Sums over the run's regions, its consumers and its unused capacity. */
    public record Totals(ModelledView regions, ModelledView consumers, ModelledView unusedCapacity) {
    }
}
