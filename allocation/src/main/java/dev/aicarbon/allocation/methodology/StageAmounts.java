package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Embodied emissions in kgCO2e (or kgCO2e per unit of a component), one amount per
 * {@link LifecycleStage}.
 *
 * <p>Every amount is non-null and may be negative (an end-of-life credit for recycling).
 * Arithmetic is exact; nothing here rounds. Immutable and thread-safe.
 */
public record StageAmounts(
        BigDecimal manufacturingKgCo2e,
        BigDecimal transportKgCo2e,
        BigDecimal endOfLifeKgCo2e) {

    public static final StageAmounts ZERO =
            new StageAmounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public StageAmounts {
        Objects.requireNonNull(manufacturingKgCo2e, "manufacturingKgCo2e");
        Objects.requireNonNull(transportKgCo2e, "transportKgCo2e");
        Objects.requireNonNull(endOfLifeKgCo2e, "endOfLifeKgCo2e");
    }

    /**
     * The amounts of a map holding every stage; a stage left out is an error, never zero.
     *
     * @throws IllegalArgumentException naming the stages missing
     */
    public static StageAmounts of(Map<LifecycleStage, BigDecimal> amountByStage) {
        Set<LifecycleStage> missing = EnumSet.allOf(LifecycleStage.class);
        missing.removeAll(amountByStage.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no amount for stages " + missing);
        }

        return new StageAmounts(
                amountByStage.get(LifecycleStage.MANUFACTURING),
                amountByStage.get(LifecycleStage.TRANSPORT),
                amountByStage.get(LifecycleStage.END_OF_LIFE));
    }

    public BigDecimal get(LifecycleStage stage) {
        return switch (stage) {
            case MANUFACTURING -> manufacturingKgCo2e;
            case TRANSPORT -> transportKgCo2e;
            case END_OF_LIFE -> endOfLifeKgCo2e;
        };
    }

    public StageAmounts plus(StageAmounts other) {
        return new StageAmounts(
                manufacturingKgCo2e.add(other.manufacturingKgCo2e),
                transportKgCo2e.add(other.transportKgCo2e),
                endOfLifeKgCo2e.add(other.endOfLifeKgCo2e));
    }

    /** Each stage multiplied by {@code factor}, exactly: a quantity of a component, say. */
    public StageAmounts times(BigDecimal factor) {
        return map(amount -> amount.multiply(factor));
    }

    /** Manufacturing + transport + end of life. */
    public BigDecimal totalKgCo2e() {
        return manufacturingKgCo2e.add(transportKgCo2e).add(endOfLifeKgCo2e);
    }

    StageAmounts minus(StageAmounts other) {
        return new StageAmounts(
                manufacturingKgCo2e.subtract(other.manufacturingKgCo2e),
                transportKgCo2e.subtract(other.transportKgCo2e),
                endOfLifeKgCo2e.subtract(other.endOfLifeKgCo2e));
    }

    StageAmounts map(UnaryOperator<BigDecimal> operation) {
        return new StageAmounts(
                operation.apply(manufacturingKgCo2e),
                operation.apply(transportKgCo2e),
                operation.apply(endOfLifeKgCo2e));
    }
}
