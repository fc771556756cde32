package dev.aicarbon.allocation;

import java.math.BigDecimal;

/**
 * The arithmetic of {@link ExactSplit} on unscaled longs: amounts as multiples of
 * 10^-{@value ExactSplit#SHARE_SCALE} kgCO2e, weights as multiples of 10^-s for a scale s
 * common to the weights of one split. Each method either gives exactly the value the
 * {@link java.math.BigDecimal} rule gives, or throws {@link UnscaledOverflow}.
 */
final class UnscaledArithmetic {

    private static final long[] POWERS_OF_TEN = powersOfTen();
    private static final long LOW_32_BITS = 0xFFFF_FFFFL;

    private UnscaledArithmetic() {
    }

    /**
     * The unscaled value of {@code value} at {@code scale}: {@code value × 10^scale}, which must
     * be a whole number (the value's own scale at most {@code scale}) and fit in a long.
     */
    static long unscaled(BigDecimal value, int scale) {
        if (value.signum() == 0) {
            return 0;
        }
        int shift = scale - value.scale();
        if (shift < 0 || shift >= POWERS_OF_TEN.length || value.precision() > 18) {
            throw new UnscaledOverflow("does not fit at scale " + scale + ": " + value);
        }
        long own = value.scaleByPowerOfTen(value.scale()).longValueExact();
        return times(own, POWERS_OF_TEN[shift]);
    }

    /** {@code value × 10^places}, places not negative. */
    static long timesPowerOfTen(long value, int places) {
        if (places >= POWERS_OF_TEN.length) {
            throw new UnscaledOverflow("scale gap of " + places + " places");
        }
        return times(value, POWERS_OF_TEN[places]);
    }

    static long plus(long left, long right) {
        long sum = left + right;
        if (((left ^ sum) & (right ^ sum)) < 0) {
            throw new UnscaledOverflow("sum beyond a long");
        }
        return sum;
    }

    static long minus(long left, long right) {
        long difference = left - right;
        if (((left ^ right) & (left ^ difference)) < 0) {
            throw new UnscaledOverflow("difference beyond a long");
        }
        return difference;
    }

    /**
     * {@code amount × weight ÷ total} rounded HALF_EVEN to a whole number of units, for
     * {@code 0 <= weight <= total} and {@code total > 0}; the amount may have any sign.
     */
    static long share(long amount, long weight, long total) {
        if (amount == 0 || weight == 0) {
            return 0;
        }
        if (amount == Long.MIN_VALUE) {
            throw new UnscaledOverflow("amount at the edge of a long");
        }
        long magnitude = Math.abs(amount);
        long high = Math.multiplyHigh(magnitude, weight);
        long low = magnitude * weight;
        long quotient = high == 0 && low >= 0
                ? low / total
                : divideUnsigned128(high, low, total);
        long remainder = low - quotient * total;
        long toNext = total - remainder;
        if (remainder > toNext || (remainder == toNext && (quotient & 1) == 1)) {
            quotient++;
        }
        return amount < 0 ? -quotient : quotient;
    }

    /**
     * The quotient of the unsigned 128-bit {@code high:low} by {@code divisor}, for
     * {@code 0 < divisor} and {@code high < divisor} (so the quotient fits in 64 bits): long
     * division in two 32-bit digits after normalising the divisor's top bit (Knuth's
     * algorithm D, as Hacker's Delight lays it out for this case).
     */
    static long divideUnsigned128(long high, long low, long divisor) {
        int shift = Long.numberOfLeadingZeros(divisor);
        long normalised = divisor << shift;
        long divisorHigh = normalised >>> 32;
        long divisorLow = normalised & LOW_32_BITS;
        long top = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        long bottom = low << shift;

        long quotientHigh = digit(top, bottom >>> 32, divisorHigh, divisorLow);
        long middle = (top << 32) + (bottom >>> 32) - quotientHigh * normalised;
        long quotientLow = digit(middle, bottom & LOW_32_BITS, divisorHigh, divisorLow);
        return (quotientHigh << 32) | quotientLow;
    }

    /** One 32-bit digit of the quotient, estimated from the top digits and corrected. */
    private static long digit(long dividendTop, long nextDigit, long divisorHigh,
            long divisorLow) {
        long estimate = divideByPositive(dividendTop, divisorHigh);
        long rest = dividendTop - estimate * divisorHigh;
        while (estimate > LOW_32_BITS
                || Long.compareUnsigned(estimate * divisorLow, (rest << 32) | nextDigit) > 0) {
            estimate--;
            rest += divisorHigh;
            if (rest > LOW_32_BITS) {
                break;
            }
        }
        return estimate;
    }

    /** Unsigned {@code dividend ÷ divisor} for a positive divisor. */
    private static long divideByPositive(long dividend, long divisor) {
        if (dividend >= 0) {
            return dividend / divisor;
        }
        long quotient = ((dividend >>> 1) / divisor) << 1;
        long rest = dividend - quotient * divisor;
        return Long.compareUnsigned(rest, divisor) >= 0 ? quotient + 1 : quotient;
    }

    private static long times(long value, long factor) {
        long high = Math.multiplyHigh(value, factor);
        long low = value * factor;
        if (high != (low >> 63)) {
            throw new UnscaledOverflow("product beyond a long");
        }
        return low;
    }

    private static long[] powersOfTen() {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }
}
