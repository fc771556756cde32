package dev.aicarbon.allocation;

import static dev.aicarbon.allocation.TestData.assertEmissions;
import static dev.aicarbon.allocation.TestData.kg;
import static dev.aicarbon.allocation.TestData.scopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProportionalSplitTest {

    /*
     *  10 kg (every scope) over weights 1, 2, 0:
     *  10 * 1/3 = 3.333333333333 (rounded to 12 places), 10 * 0/3 = 0,
     *  and the largest weight, 2, takes 10 - 3.333333333333 = 6.666666666667.
     */
    @Test
    void givesTheLargestWeightTheRemainderSoSharesAddUpExactly() {
        Emissions tenKg = scopes("10", "10", "10", "10");

        List<Emissions> shares =
                ProportionalSplit.split(tenKg, List.of(kg("1"), kg("2"), BigDecimal.ZERO));

        Emissions third = scopes("3.333333333333", "3.333333333333", "3.333333333333",
                "3.333333333333");
        Emissions twoThirds = scopes("6.666666666667", "6.666666666667", "6.666666666667",
                "6.666666666667");
        assertEmissions(shares.get(0), third);
        assertEmissions(shares.get(1), twoThirds);
        assertEmissions(shares.get(2), Emissions.ZERO);
    }

    /*
     *  0.000000000005 kg over two equal weights: the second share, 0.0000000000025, is a tie at
     *  12 places and goes to the even neighbour 0.000000000002 (HALF_UP would give ...003);
     *  the first takes the remainder 0.000000000003.
     */
    @Test
    void roundsHalfToEvenAtTwelvePlaces() {
        Emissions amount = TestData.scope1("0.000000000005");

        List<Emissions> shares = ProportionalSplit.split(amount, List.of(kg("1"), kg("1")));

        assertThat(shares.get(1).scope1KgCo2e()).isEqualByComparingTo("0.000000000002");
        assertThat(shares.get(0).scope1KgCo2e()).isEqualByComparingTo("0.000000000003");
    }

    @Test
    void keepsTheWholeAmountForASingleWeight() {
        Emissions amount = TestData.combined("1.23456789", "0.5");

        List<Emissions> shares = ProportionalSplit.split(amount, List.of(kg("0.001")));

        assertThat(shares).containsExactly(amount);
    }

    @Test
    void refusesWeightsThatSumToZero() {
        Emissions amount = TestData.scope1("1");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProportionalSplit.split(amount, List.of(kg("0"), kg("0"))));
    }

    @Test
    void refusesANegativeWeight() {
        Emissions amount = TestData.scope1("1");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProportionalSplit.split(amount, List.of(kg("2"), kg("-1"))));
    }
}
