package dev.aicarbon.allocation.methodology;

import dev.aicarbon.allocation.ExactSplit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Spreads an asset's embodied emissions over the calendar months of its lifetime (step 2,
 * scope 3).
 *
 * <p>The lifetime is the L months starting with the month the asset entered service, whatever
 * the day. In each of the first L−1 months the asset contributes {@code embodied ÷ L} per
 * stage, rounded HALF_EVEN to {@value #SHARE_SCALE} decimal places; in the L-th it contributes
 * the rest, {@code embodied − (L−1) × that share}, so its L contributions add up to its
 * embodied emissions exactly. Outside those months it contributes zero.
 *
 * <p>This is not {@link ExactSplit}: the methodology puts the remainder in the last month, and
 * a month's share is found without computing the others. Known shortcoming: the last month
 * differs from the others by up to (L−1) × 0.5e-12 kg per stage; spreading the rounding over
 * several months would even it out, at the cost of a less obvious rule.
 */
final class Amortisation {

    /** The precision of every share the engine rounds: 12 places of kgCO2e. */
    static final int SHARE_SCALE = ExactSplit.SHARE_SCALE;

    private final int lifetimeMonths;

    Amortisation(int lifetimeMonths) {
        this.lifetimeMonths = lifetimeMonths;
    }

    /**
     * True when {@code month} is a lifetime month of an asset first in service in
     * {@code firstMonth}.
     */
    boolean covers(YearMonth firstMonth, YearMonth month) {
        long index = firstMonth.until(month, ChronoUnit.MONTHS);
        return index >= 0 && index < lifetimeMonths;
    }

    /** What the asset contributes in {@code month}: a share of {@code embodied}, or zero. */
    StageAmounts shareIn(YearMonth month, YearMonth firstMonth, StageAmounts embodied) {
        if (!covers(firstMonth, month)) {
            return StageAmounts.ZERO;
        }

        StageAmounts regularShare = embodied.map(this::monthlyShare);
        boolean lastMonth = firstMonth.until(month, ChronoUnit.MONTHS) == lifetimeMonths - 1;
        if (lastMonth) {
            return embodied.minus(regularShare.times(BigDecimal.valueOf(lifetimeMonths - 1)));
        }
        return regularShare;
    }

    private BigDecimal monthlyShare(BigDecimal embodiedKgCo2e) {
        return embodiedKgCo2e.divide(BigDecimal.valueOf(lifetimeMonths), SHARE_SCALE,
                RoundingMode.HALF_EVEN);
    }
}
