package dev.aicarbon.allocation.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/** Where an amount used stands against a carbon budget. */
public enum BudgetStatus {
    /** Below the warning threshold. */
    OK("ok"),
    /** At or above the warning threshold, and not above the limit. */
    WARNING("warning"),
    /** Above the limit. */
    EXCEEDED("exceeded");

    private final String label;

    BudgetStatus(String label) {
        this.label = label;
    }

    /** The name the status has in the API and stored results. */
    public String label() {
        return label;
    }

    /**
     * The status of {@code used} against {@code limit}: {@link #EXCEEDED} when used &gt; limit,
     * else {@link #WARNING} when used &ge; warningShare × limit, else {@link #OK}. Using exactly
     * the limit is a warning, not an excess. Compared exactly, without rounding; both amounts
     * in the same unit.
     *
     * @param limit        positive, not null
     * @param used         any sign, not null
     * @param warningShare in (0, 1], not null
     * @throws IllegalArgumentException if limit or warningShare is out of range
     */
    public static BudgetStatus of(BigDecimal limit, BigDecimal used, BigDecimal warningShare) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(warningShare, "warningShare");
        if (limit.signum() <= 0) {
            throw new IllegalArgumentException("budget limit must be positive: " + limit);
        }
        if (warningShare.signum() <= 0 || warningShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("warning share must be in (0, 1]: " + warningShare);
        }

        if (used.compareTo(limit) > 0) {
            return EXCEEDED;
        }
        return used.compareTo(warningShare.multiply(limit)) >= 0 ? WARNING : OK;
    }
}
