package dev.aicarbon.service.methodology;

import dev.aicarbon.service.api.KgCo2eView;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Provider-reported and modelled emissions of one provider, region and month, side by side. */
@Schema(description = "Both bases for a provider, region and month, never summed; difference = "
        + "modelled - provider-reported, kgCO2e")
public record ReconciliationRow(
        String provider,
        String region,
        String month,
        KgCo2eView providerReported,
        ModelledView modelled,
        BigDecimal differenceLocationKgCo2e,
        BigDecimal differenceMarketKgCo2e) {
}
