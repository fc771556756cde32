package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What a datacenter reports for one calendar month: its IT energy, its power usage
 * effectiveness, the grid factors that apply to it and its direct emissions.
 *
 * @param itEnergyKwh            energy drawn by the IT equipment, kWh; not negative
 * @param pue                    facility energy ÷ IT energy; at least 1
 * @param locationKgCo2ePerKwh   the grid's average factor (location-based); not negative
 * @param marketKgCo2ePerKwh     the factor of the contracts bought (market-based); not
 *                               negative, zero for energy fully covered by zero-carbon contracts
 * @param scope1KgCo2e           direct emissions (fuel, refrigerant leaks), kgCO2e; not
 *                               negative; see {@link DirectEmissions}
 */
public record DatacenterMonth(
        String datacenter,
        YearMonth month,
        BigDecimal itEnergyKwh,
        BigDecimal pue,
        BigDecimal locationKgCo2ePerKwh,
        BigDecimal marketKgCo2ePerKwh,
        BigDecimal scope1KgCo2e) {

    public DatacenterMonth {
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(month, "month");
        requireNotNegative(itEnergyKwh, "itEnergyKwh");
        requireNotNegative(locationKgCo2ePerKwh, "locationKgCo2ePerKwh");
        requireNotNegative(marketKgCo2ePerKwh, "marketKgCo2ePerKwh");
        requireNotNegative(scope1KgCo2e, "scope1KgCo2e");
        Objects.requireNonNull(pue, "pue");
        if (pue.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("pue below 1 for " + datacenter + " " + month
                    + ": " + pue);
        }
    }

    /** Facility energy: IT energy × PUE, kWh, exact. */
    public BigDecimal facilityEnergyKwh() {
        return itEnergyKwh.multiply(pue);
    }

    private static void requireNotNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }
}
