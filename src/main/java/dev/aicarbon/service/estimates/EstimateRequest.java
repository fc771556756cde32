package dev.aicarbon.service.estimates;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/estimates}. Units are in the names. */
@Schema(description = "A job to estimate. Give hardware (a catalogue id) or powerWatts; pue, or a "
        + "provider with a default; provider and region, or gridKgCo2ePerKwh.")
public record EstimateRequest(
        @Schema(required = true) String project,
        String workload,
        @Schema(description = "training, inference, data or development") String stage,
        @Schema(required = true, description = "a-priori, a-posteriori or measured") String method,
        @Schema(description = "Month the job ran, YYYY-MM; default the current month (UTC)") String month,
        @Schema(description = "Catalogue id, e.g. nvidia-a100-sxm4-40gb") String hardware,
        @Schema(description = "Average power draw per unit, W (overrides the catalogue)") BigDecimal powerWatts,
        @Schema(description = "Number of hardware units") BigDecimal count,
        @Schema(description = "Hours the units ran (computed for a priori)") BigDecimal hours,
        @Schema(description = "0..1: average utilisation (a posteriori) or expected FLOP utilisation "
                + "(a priori)") BigDecimal utilisation,
        @Schema(description = "Power usage effectiveness, >= 1; default the provider's") BigDecimal pue,
        @Schema(description = "aws, azure or gcp") String provider,
        @Schema(description = "Cloud region, e.g. us-central1") String region,
        @Schema(description = "Location-based grid factor, kgCO2e/kWh (overrides the region's)")
        BigDecimal gridKgCo2ePerKwh,
        @Schema(description = "Market-based grid factor, kgCO2e/kWh; default equal to location-based, "
                + "flagged") BigDecimal gridMarketKgCo2ePerKwh,
        @Schema(description = "Add the hardware's embodied share; default true") Boolean includeEmbodied,
        @Schema(description = "Total embodied emissions of one unit, kgCO2e (overrides the catalogue)")
        BigDecimal embodiedKgCo2e,
        @Schema(description = "Lifetime of a unit, hours; default six years") BigDecimal lifetimeHours,
        @Schema(description = "Share of the machine reserved, 0..1; default 1") BigDecimal reservedShare,
        @Schema(description = "Total FLOPs (a priori)") BigDecimal flops,
        @Schema(description = "Model parameters, with tokens: FLOPs = 6 x parameters x tokens") BigDecimal parameters,
        @Schema(description = "Training tokens") BigDecimal tokens,
        @Schema(description = "Peak FLOP/s per unit; default the catalogue's") BigDecimal peakFlopsPerSecond,
        @Schema(description = "Measured IT energy, kWh (measured)") BigDecimal measuredEnergyKwh) {
}
