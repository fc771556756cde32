package dev.aicarbon.service.methodology;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.allocation.methodology.ModelledEmissions;
import dev.aicarbon.allocation.methodology.StageAmounts;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Modelled emissions as the API shows them, in kilograms of CO2e. */
@Schema(description = "Modelled emissions in kgCO2e; scope 3 (embodied) also per life-cycle stage. "
        + "totalLocation = scope1 + scope2Location + scope3; totalMarket likewise.")
public record ModelledView(
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        Scope3ByStage scope3ByStage,
        BigDecimal totalLocationKgCo2e,
        BigDecimal totalMarketKgCo2e) {

    /** Scope 3 per life-cycle stage of the hardware, kgCO2e. */
    public record Scope3ByStage(BigDecimal manufacturingKgCo2e, BigDecimal transportKgCo2e,
            BigDecimal endOfLifeKgCo2e) {
    }

    public static ModelledView of(ModelledEmissions emissions) {
        StageAmounts scope3 = emissions.scope3();
        return new ModelledView(
                plain(emissions.scope1KgCo2e()),
                plain(emissions.scope2LocationKgCo2e()),
                plain(emissions.scope2MarketKgCo2e()),
                plain(emissions.scope3KgCo2e()),
                new Scope3ByStage(plain(scope3.manufacturingKgCo2e()), plain(scope3.transportKgCo2e()),
                        plain(scope3.endOfLifeKgCo2e())),
                plain(emissions.totalLocationKgCo2e()),
                plain(emissions.totalMarketKgCo2e()));
    }
}
