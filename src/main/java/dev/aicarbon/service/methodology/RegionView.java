package dev.aicarbon.service.methodology;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region's month in the published methodology run: steps 3 and 5. */
@Schema(description = "Region emissions (kgCO2e, the sum of its datacenters), total weighted "
        + "usage, the region factors (kgCO2e per usage unit) and what stays in unused-capacity")
public record RegionView(
        String region,
        String month,
        long runId,
        @Schema(description = "aws, azure or gcp when every datacenter of the region names it") String provider,
        @JsonUnwrapped ModelledView emissions,
        @Schema(description = "Total weighted normalised usage of the region's consumers") BigDecimal totalUsage,
        @Schema(description = "Null when the region had no usage") Factors factors,
        ModelledView unusedCapacity,
        List<String> datacenters,
        List<String> flags) {

    /** Region emission factors, kgCO2e per unit of weighted normalised usage. */
    public record Factors(BigDecimal scope1KgCo2ePerUnit, BigDecimal scope2LocationKgCo2ePerUnit,
            BigDecimal scope2MarketKgCo2ePerUnit, BigDecimal scope3KgCo2ePerUnit) {
    }
}
