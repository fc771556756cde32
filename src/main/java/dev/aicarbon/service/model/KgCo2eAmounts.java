package dev.aicarbon.service.model;

import dev.aicarbon.allocation.Emissions;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** The six stored components of an {@link Emissions} amount, in kilograms of CO2e. */
@Embeddable
public class KgCo2eAmounts {

    @Column(name = "scope1_kgco2e", nullable = false)
    public BigDecimal scope1KgCo2e;

    @Column(name = "scope2_location_kgco2e", nullable = false)
    public BigDecimal scope2LocationKgCo2e;

    @Column(name = "scope2_market_kgco2e", nullable = false)
    public BigDecimal scope2MarketKgCo2e;

    @Column(name = "scope3_kgco2e", nullable = false)
    public BigDecimal scope3KgCo2e;

    @Column(name = "combined_location_kgco2e", nullable = false)
    public BigDecimal combinedLocationKgCo2e;

    @Column(name = "combined_market_kgco2e", nullable = false)
    public BigDecimal combinedMarketKgCo2e;

    public static KgCo2eAmounts of(Emissions emissions) {
        KgCo2eAmounts amounts = new KgCo2eAmounts();
        amounts.scope1KgCo2e = emissions.scope1KgCo2e();
        amounts.scope2LocationKgCo2e = emissions.scope2LocationKgCo2e();
        amounts.scope2MarketKgCo2e = emissions.scope2MarketKgCo2e();
        amounts.scope3KgCo2e = emissions.scope3KgCo2e();
        amounts.combinedLocationKgCo2e = emissions.combinedLocationKgCo2e();
        amounts.combinedMarketKgCo2e = emissions.combinedMarketKgCo2e();
        return amounts;
    }

    public Emissions toEmissions() {
        return new Emissions(scope1KgCo2e, scope2LocationKgCo2e, scope2MarketKgCo2e,
                scope3KgCo2e, combinedLocationKgCo2e, combinedMarketKgCo2e);
    }
}
