package dev.aicarbon.allocation.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EstimateMethodTest {

    @ParameterizedTest
    @CsvSource({"A_PRIORI, a-priori", "A_POSTERIORI, a-posteriori", "MEASURED, measured"})
    void isLabelledAsInTheApi(EstimateMethod method, String label) {
        assertThat(method.label()).isEqualTo(label);
    }

    @ParameterizedTest
    @EnumSource(EstimateMethod.class)
    void isFoundAgainByItsLabel(EstimateMethod method) {
        assertThat(EstimateMethod.fromLabel(method.label())).contains(method);
    }

    @Test
    void findsNoMethodForAnyOtherLabel() {
        assertThat(EstimateMethod.fromLabel("A-PRIORI")).isEmpty();
        assertThat(EstimateMethod.fromLabel("a_priori")).isEmpty();
        assertThat(EstimateMethod.fromLabel("")).isEmpty();
        assertThat(EstimateMethod.fromLabel(null)).isEmpty();
    }

    @Test
    void labelsEveryFlagInKebabCase() {
        for (EstimateFlag flag : EstimateFlag.values()) {
            assertThat(flag.label()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }
        assertThat(EstimateFlag.POWER_FROM_TDP.label()).isEqualTo("power-from-tdp");
        assertThat(EstimateFlag.MARKET_EQUALS_LOCATION.label())
                .isEqualTo("market-equals-location");
        assertThat(EstimateFlag.EMBODIED_EXCLUDED.label()).isEqualTo("embodied-excluded");
    }
}
