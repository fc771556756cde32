package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** Step 7: what a region emitted is what its consumers and its unused capacity received. */
final class ConservationCheck {

    private ConservationCheck() {
    }

    /**
     * Enforces, per component: the consumers' emissions plus unused capacity equal the
     * region's emissions, exactly.
     *
     * @param consumers the region's consumers
     * @throws IllegalStateException naming the month, region and first component not conserved
     */
    static void requireConserved(YearMonth month, RegionResult region,
            List<ConsumerResult> consumers) {
        ModelledEmissions attributed = consumers.stream()
                .map(ConsumerResult::emissions)
                .reduce(region.unusedCapacity(), ModelledEmissions::plus);

        for (ModelledComponent component : ModelledComponent.values()) {
            BigDecimal emitted = component.of(region.emissions());
            BigDecimal received = component.of(attributed);
            if (emitted.compareTo(received) != 0) {
                throw new IllegalStateException("seven-step model did not conserve "
                        + component.label() + " of region " + region.region() + " in " + month
                        + ": region " + emitted + ", consumers and "
                        + RegionResult.UNUSED_CAPACITY + " " + received);
            }
        }
    }
}
