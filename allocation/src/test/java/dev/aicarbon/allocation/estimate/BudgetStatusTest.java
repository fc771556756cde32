package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A budget's status at and around its two boundaries. */
class BudgetStatusTest {

    @ParameterizedTest(name = "limit {0}, used {1}, warning at {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # limit | used          | warning share | status
              100   | 79.999999     | 0.8           | OK
              100   | 80            | 0.8           | WARNING
              100   | 99.999999     | 0.8           | WARNING
              100   | 100           | 0.8           | WARNING
              100   | 100.000001    | 0.8           | EXCEEDED
              100   | -5            | 0.8           | OK
              100   | 0             | 0.8           | OK
              100   | 99.999999     | 1             | OK
              100   | 100           | 1             | WARNING
              0.5   | 0.25          | 0.5           | WARNING
            """)
    void placesUsageAgainstTheWarningThresholdAndTheLimit(String limit, String used,
            String warningShare, BudgetStatus expected) {
        assertThat(BudgetStatus.of(bd(limit), bd(used), bd(warningShare))).isEqualTo(expected);
    }

    @Test
    void refusesALimitThatIsNotPositive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetStatus.of(bd("0"), bd("1"), bd("0.8")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetStatus.of(bd("-10"), bd("1"), bd("0.8")));
    }

    @Test
    void refusesAWarningShareOutsideZeroExcludedToOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetStatus.of(bd("100"), bd("1"), bd("0")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BudgetStatus.of(bd("100"), bd("1"), bd("1.01")));
    }

    @Test
    void labelsEachStatusInLowerCase() {
        assertThat(BudgetStatus.OK.label()).isEqualTo("ok");
        assertThat(BudgetStatus.WARNING.label()).isEqualTo("warning");
        assertThat(BudgetStatus.EXCEEDED.label()).isEqualTo("exceeded");
    }
}
