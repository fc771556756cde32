package dev.aicarbon.service.methodology;

import dev.aicarbon.allocation.methodology.ModelledEmissions;
import dev.aicarbon.allocation.methodology.StageAmounts;
import java.math.BigDecimal;

/**
 * The six emissions columns every methodology result table has, in their stored order:
 * scope 1, scope 2 location-based, scope 2 market-based, scope 3 manufacturing, transport,
 * end of life.
 */
final class Columns {

    static final String NAMES = "scope1_kgco2e, scope2_location_kgco2e, scope2_market_kgco2e,"
            + " scope3_manufacturing_kgco2e, scope3_transport_kgco2e, scope3_end_of_life_kgco2e";

    private Columns() {
    }

    static Object[] values(ModelledEmissions emissions) {
        StageAmounts scope3 = emissions.scope3();
        return new Object[] {
            emissions.scope1KgCo2e(), emissions.scope2LocationKgCo2e(), emissions.scope2MarketKgCo2e(),
            scope3.manufacturingKgCo2e(), scope3.transportKgCo2e(), scope3.endOfLifeKgCo2e()
        };
    }

    /** Reads the six columns starting at {@code from} of a native query row. */
    static ModelledEmissions read(Object[] row, int from) {
        return new ModelledEmissions(decimal(row[from]), decimal(row[from + 1]), decimal(row[from + 2]),
                new StageAmounts(decimal(row[from + 3]), decimal(row[from + 4]), decimal(row[from + 5])));
    }

    static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }
}
