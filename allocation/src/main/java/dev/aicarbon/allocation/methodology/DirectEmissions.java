package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.util.Objects;

/** Scope 1 of a datacenter from what it burns and what leaks from its cooling. */
public final class DirectEmissions {

    private DirectEmissions() {
    }

    /**
     * {@code dieselLitres × dieselKgCo2ePerLitre + refrigerantKg × refrigerantGwp}, exact.
     *
     * @param dieselLitres         diesel burnt by backup generators, litres
     * @param dieselKgCo2ePerLitre kgCO2e emitted per litre burnt
     * @param refrigerantKg        refrigerant leaked (topped up), kg
     * @param refrigerantGwp       the refrigerant's global warming potential, kgCO2e per kg
     * @return kgCO2e
     * @throws IllegalArgumentException if any argument is negative
     */
    public static BigDecimal scope1KgCo2e(BigDecimal dieselLitres,
            BigDecimal dieselKgCo2ePerLitre, BigDecimal refrigerantKg, BigDecimal refrigerantGwp) {
        requireNotNegative(dieselLitres, "dieselLitres");
        requireNotNegative(dieselKgCo2ePerLitre, "dieselKgCo2ePerLitre");
        requireNotNegative(refrigerantKg, "refrigerantKg");
        requireNotNegative(refrigerantGwp, "refrigerantGwp");

        BigDecimal dieselKgCo2e = dieselLitres.multiply(dieselKgCo2ePerLitre);
        BigDecimal refrigerantKgCo2e = refrigerantKg.multiply(refrigerantGwp);
        return dieselKgCo2e.add(refrigerantKgCo2e);
    }

    private static void requireNotNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " is negative: " + value);
        }
    }
}
