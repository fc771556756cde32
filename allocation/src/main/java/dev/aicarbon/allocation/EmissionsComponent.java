package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.function.Function;

/** The six amounts an {@link Emissions} carries, named, for checks made one by one. */
enum EmissionsComponent {
    SCOPE1("scope1KgCo2e", Emissions::scope1KgCo2e),
    SCOPE2_LOCATION("scope2LocationKgCo2e", Emissions::scope2LocationKgCo2e),
    SCOPE2_MARKET("scope2MarketKgCo2e", Emissions::scope2MarketKgCo2e),
    SCOPE3("scope3KgCo2e", Emissions::scope3KgCo2e),
    COMBINED_LOCATION("combinedLocationKgCo2e", Emissions::combinedLocationKgCo2e),
    COMBINED_MARKET("combinedMarketKgCo2e", Emissions::combinedMarketKgCo2e);

    private final String fieldName;
    private final Function<Emissions, BigDecimal> accessor;

    EmissionsComponent(String fieldName, Function<Emissions, BigDecimal> accessor) {
        this.fieldName = fieldName;
        this.accessor = accessor;
    }

    /** The name of the {@link Emissions} record component, for error messages. */
    String fieldName() {
        return fieldName;
    }

    BigDecimal of(Emissions emissions) {
        return accessor.apply(emissions);
    }
}
