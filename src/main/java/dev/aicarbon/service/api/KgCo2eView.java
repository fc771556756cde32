package dev.aicarbon.service.api;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.allocation.Emissions;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Emissions as the API shows them, in kilograms of CO2e. Values are exact: the engine
 * rounds each share once, to 12 decimal places, and nothing rounds again on the way out.
 */
@Schema(description = "Emissions in kgCO2e per scope. totalLocation = scope1 + scope2Location + "
        + "scope3 + scopeCombinedLocation; totalMarket likewise with market-based values.")
public record KgCo2eView(
        BigDecimal scope1KgCo2e,
        BigDecimal scope2LocationKgCo2e,
        BigDecimal scope2MarketKgCo2e,
        BigDecimal scope3KgCo2e,
        @Schema(description = "Location-based total a provider published without a scope split")
        BigDecimal scopeCombinedLocationKgCo2e,
        @Schema(description = "Market-based total a provider published without a scope split")
        BigDecimal scopeCombinedMarketKgCo2e,
        BigDecimal totalLocationKgCo2e,
        BigDecimal totalMarketKgCo2e) {

    public static KgCo2eView of(Emissions emissions) {
        return new KgCo2eView(
                plain(emissions.scope1KgCo2e()),
                plain(emissions.scope2LocationKgCo2e()),
                plain(emissions.scope2MarketKgCo2e()),
                plain(emissions.scope3KgCo2e()),
                plain(emissions.combinedLocationKgCo2e()),
                plain(emissions.combinedMarketKgCo2e()),
                plain(emissions.totalLocationKgCo2e()),
                plain(emissions.totalMarketKgCo2e()));
    }
}
