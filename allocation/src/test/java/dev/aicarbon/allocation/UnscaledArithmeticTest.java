package dev.aicarbon.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The long arithmetic against BigInteger and BigDecimal, over the whole range of longs. */
class UnscaledArithmeticTest {

    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

    @Property(tries = 5000)
    void roundsASharePreciselyAsExactSplitDoes(@ForAll("shares") long[] input) {
        long amount = input[0];
        long weight = input[1];
        long total = input[2];
        BigDecimal expected = BigDecimal.valueOf(amount, 12)
                .multiply(BigDecimal.valueOf(weight, 4))
                .divide(BigDecimal.valueOf(total, 4), 12, RoundingMode.HALF_EVEN);

        long share = UnscaledArithmetic.share(amount, weight, total);

        assertThat(BigDecimal.valueOf(share, 12)).isEqualByComparingTo(expected);
    }

    @Property(tries = 5000)
    void dividesA128BitNumberLikeBigInteger(@ForAll long high, @ForAll long low,
            @ForAll @LongRange(min = 1) long divisor) {
        long boundedHigh = Long.remainderUnsigned(high, divisor);
        BigInteger dividend = unsigned(boundedHigh).shiftLeft(64).add(unsigned(low));

        long quotient = UnscaledArithmetic.divideUnsigned128(boundedHigh, low, divisor);

        assertThat(unsigned(quotient)).isEqualTo(dividend.divide(BigInteger.valueOf(divisor)));
    }

    @Test
    void roundsHalvesToTheEvenNeighbour() {
        assertThat(UnscaledArithmetic.share(5, 1, 2)).isEqualTo(2);
        assertThat(UnscaledArithmetic.share(7, 1, 2)).isEqualTo(4);
        assertThat(UnscaledArithmetic.share(-5, 1, 2)).isEqualTo(-2);
        assertThat(UnscaledArithmetic.share(-7, 1, 2)).isEqualTo(-4);
    }

    @Test
    void givesTheUnscaledValueAtTheRequestedScale() {
        assertThat(UnscaledArithmetic.unscaled(new BigDecimal("12.5"), 12))
                .isEqualTo(12_500_000_000_000L);
        assertThat(UnscaledArithmetic.unscaled(new BigDecimal("2E+3"), 12))
                .isEqualTo(2_000_000_000_000_000L);
        assertThat(UnscaledArithmetic.unscaled(new BigDecimal("-0.000000000001"), 12))
                .isEqualTo(-1);
    }

    @Test
    void refusesWhatALongCannotHoldExactly() {
        assertThatThrownBy(() -> UnscaledArithmetic.unscaled(new BigDecimal("1E-13"), 12))
                .isInstanceOf(UnscaledOverflow.class);
        assertThatThrownBy(() -> UnscaledArithmetic.unscaled(new BigDecimal("10000000"), 12))
                .isInstanceOf(UnscaledOverflow.class);
        assertThatThrownBy(() -> UnscaledArithmetic.plus(Long.MAX_VALUE, 1))
                .isInstanceOf(UnscaledOverflow.class);
        assertThatThrownBy(() -> UnscaledArithmetic.minus(Long.MIN_VALUE, 1))
                .isInstanceOf(UnscaledOverflow.class);
    }

    /** Amount, weight and total with 0 <= weight <= total, total > 0, some tiny, some huge. */
    @Provide
    Arbitrary<long[]> shares() {
        Arbitrary<Long> amounts = Arbitraries.oneOf(
                Arbitraries.longs().between(-1000, 1000),
                Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE));
        Arbitrary<Long> totals = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 1000),
                Arbitraries.longs().between(1, Long.MAX_VALUE));
        return Combinators.combine(amounts, totals, Arbitraries.doubles().between(0, 1))
                .as((amount, total, fraction) -> new long[] {
                    amount, Math.min(total, (long) (total * fraction)), total});
    }

    private static BigInteger unsigned(long value) {
        BigInteger signed = BigInteger.valueOf(value);
        return value >= 0 ? signed : signed.add(TWO_TO_THE_64);
    }
}
