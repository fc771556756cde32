package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** SCI = (E × I + M) ÷ R, HALF_EVEN at 12 places. */
class SciTest {

    /*  (0.6 + 0.4) ÷ 4 = 0.25 kg per unit. */
    @Test
    void dividesOperationalPlusEmbodiedByTheFunctionalUnits() {
        assertThat(Sci.perUnit(bd("0.6"), bd("0.4"), bd("4"))).isEqualByComparingTo("0.25");
    }

    /*  The SCI of one reserved hour of the specification's 1,000 kg, 4-year device, with no
     *  energy: M alone, 0.028538812785 kg (around 28 g), per hour. */
    @Test
    void isTheEmbodiedShareAlonePerUnitWithoutEnergy() {
        assertThat(Sci.perUnit(bd("0"), bd("0.028538812785"), bd("1")))
                .isEqualByComparingTo("0.028538812785");
    }

    /*  1 ÷ 3 = 0.333333333333; 5e-12 ÷ 2 = 2.5e-12 → 2e-12 (HALF_UP would give 3e-12). */
    @Test
    void roundsHalfEvenToTwelvePlaces() {
        assertThat(Sci.perUnit(bd("1"), bd("0"), bd("3"))).isEqualByComparingTo("0.333333333333");
        assertThat(Sci.perUnit(bd("0.000000000005"), bd("0"), bd("2")))
                .isEqualByComparingTo("0.000000000002");
    }

    @Test
    void refusesZeroFunctionalUnits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sci.perUnit(bd("1"), bd("1"), bd("0")))
                .withMessageContaining("functional units");
    }

    @Test
    void refusesNegativeFunctionalUnits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sci.perUnit(bd("1"), bd("1"), bd("-5")));
    }

    /*  No credit can lower an SCI: negative emissions are refused, not netted. */
    @Test
    void refusesNegativeEmissions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sci.perUnit(bd("-1"), bd("2"), bd("1")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Sci.perUnit(bd("2"), bd("-1"), bd("1")));
    }
}
