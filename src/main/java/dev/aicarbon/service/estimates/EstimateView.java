package dev.aicarbon.service.estimates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored estimate as the API shows it. */
@Schema(description = "An estimate of one job: energy in kWh, emissions in kgCO2e (scope 2 "
        + "location- and market-based, scope 3 = the embodied share of the hardware), other impacts "
        + "where factors exist (absent, not zero, where they do not), every factor with value, unit and "
        + "source.")
public record EstimateView(
        long id,
        String project,
        String workload,
        String stage,
        String method,
        String month,
        String provider,
        String region,
        @Schema(description = "Hours the hardware ran; computed for a priori") BigDecimal hours,
        BigDecimal energyKwh,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        @Schema(description = "Embodied share of the hardware for the time reserved") BigDecimal scope3KgCo2e,
        BigDecimal totalLocationKgCo2e,
        BigDecimal totalMarketKgCo2e,
        @Schema(description = "Water, litres (WUE x energy); null when no WUE is known") BigDecimal waterLitres,
        @Schema(description = "Abiotic depletion, kg Sb eq; null when the catalogue has no factor")
        BigDecimal adpKgSbEq,
        @Schema(description = "Primary energy, MJ; null when the catalogue has no factor")
        BigDecimal primaryEnergyMj,
        List<Map<String, Object>> factors,
        List<String> flags,
        Instant createdAt) {
}
