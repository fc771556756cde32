package dev.aicarbon.allocation.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The Green Software Foundation's Software Carbon Intensity: SCI = (E × I + M) ÷ R, emissions
 * per functional unit (per request, per training run, per user).
 *
 * <p>The operational part E × I must be location-based. The specification counts only
 * eliminated emissions, so market-based instruments (certificates, PPAs, offsets) must never
 * lower an SCI; pass {@link EstimateResult#scope2LocationKgCo2e()}, never the market-based
 * figure. M is the embodied share, {@link EstimateResult#scope3KgCo2e()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Sci {

    /** Decimal places of an SCI: a nanogram when it is in kgCO2e per unit. */
    public static final int SCALE = 12;

    private Sci() {
    }

    /**
     * SCI per functional unit, rounded HALF_EVEN to {@value #SCALE} decimal places.
     *
     * @param operationalKgCo2e E × I, location-based; not negative, not null
     * @param embodiedKgCo2e    M; not negative, not null
     * @param functionalUnits   R; positive, not null
     * @return kgCO2e per functional unit
     * @throws IllegalArgumentException if R is not positive or an emission is negative
     */
    public static BigDecimal perUnit(BigDecimal operationalKgCo2e, BigDecimal embodiedKgCo2e,
            BigDecimal functionalUnits) {
        Objects.requireNonNull(operationalKgCo2e, "operationalKgCo2e");
        Objects.requireNonNull(embodiedKgCo2e, "embodiedKgCo2e");
        Objects.requireNonNull(functionalUnits, "functionalUnits");
        if (functionalUnits.signum() <= 0) {
            throw new IllegalArgumentException(
                    "functional units (R) must be positive: " + functionalUnits);
        }
        if (operationalKgCo2e.signum() < 0 || embodiedKgCo2e.signum() < 0) {
            throw new IllegalArgumentException("SCI emissions must not be negative: E x I = "
                    + operationalKgCo2e + ", M = " + embodiedKgCo2e);
        }

        return operationalKgCo2e.add(embodiedKgCo2e)
                .divide(functionalUnits, SCALE, RoundingMode.HALF_EVEN);
    }
}
