package dev.aicarbon.service.methodology;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A datacenter's month in the published methodology run: step 2. */
@Schema(description = "Datacenter emissions in kgCO2e: scope 1 direct, scope 2 = IT energy x PUE x "
        + "grid factor (location- and market-based), scope 3 = amortised embodied emissions")
public record DatacenterView(
        String datacenter,
        String region,
        String month,
        long runId,
        @Schema(description = "Assets whose embodied emissions are amortised in this month") int assetsAmortising,
        @Schema(description = "IT energy, kWh") BigDecimal itEnergyKwh,
        @Schema(description = "False when no energy figures were imported for the month: scope 1 "
                + "and 2 are then zero and the flag no-energy-data is set") boolean energyReported,
        @JsonUnwrapped ModelledView emissions,
        List<String> flags) {
}
