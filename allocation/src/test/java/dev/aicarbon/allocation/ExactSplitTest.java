package dev.aicarbon.allocation;

import static dev.aicarbon.allocation.TestData.kg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactSplitTest {

    /*
     *  | weight | 100 × weight ÷ 7, 12 places | share            |
     *  |--------|-----------------------------|------------------|
     *  | 2      | 28.571428571429             | 28.571428571429  |
     *  | 4      | (largest: the remainder)    | 57.142857142857  |
     *  | 1      | 14.285714285714             | 14.285714285714  |
     *  | 7      |                             | 100              |
     */
    @Test
    void givesTheLargestWeightWhatTheRoundedSharesLeave() {
        List<BigDecimal> shares = ExactSplit.split(kg("100"), List.of(kg("2"), kg("4"), kg("1")));

        assertThat(shares).usingElementComparator(BigDecimal::compareTo).containsExactly(
                kg("28.571428571429"), kg("57.142857142857"), kg("14.285714285714"));
    }

    @Test
    void givesTheRemainderToTheFirstOfEqualLargestWeights() {
        List<BigDecimal> shares = ExactSplit.split(kg("1"), List.of(kg("1"), kg("3"), kg("3")));

        assertThat(shares).usingElementComparator(BigDecimal::compareTo).containsExactly(
                kg("0.142857142857"), kg("0.428571428572"), kg("0.428571428571"));
    }

    @Test
    void splitsANegativeAmountTheSameWay() {
        List<BigDecimal> shares = ExactSplit.split(kg("-1"), List.of(kg("1"), kg("2")));

        assertThat(shares).usingElementComparator(BigDecimal::compareTo).containsExactly(
                kg("-0.333333333333"), kg("-0.666666666667"));
    }

    @Test
    void refusesWeightsThatSumToZero() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExactSplit.split(kg("1"), List.of(kg("0"), kg("0"))));
    }

    @Test
    void refusesANegativeWeight() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ExactSplit.split(kg("1"), List.of(kg("3"), kg("-1"))))
                .withMessageContaining("-1");
    }
}
