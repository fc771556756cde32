package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.assertStages;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.kg;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageAmountsTest {

    @Test
    void readsEveryStageFromAMap() {
        StageAmounts amounts = StageAmounts.of(Map.of(
                LifecycleStage.MANUFACTURING, kg("3"),
                LifecycleStage.TRANSPORT, kg("0.2"),
                LifecycleStage.END_OF_LIFE, kg("-0.1")));

        assertStages(amounts, stages("3", "0.2", "-0.1"));
        assertThat(amounts.totalKgCo2e()).isEqualByComparingTo("3.1");
    }

    @Test
    void refusesAMapWithoutEveryStageRatherThanAssumingZero() {
        Map<LifecycleStage, BigDecimal> noEndOfLife = Map.of(
                LifecycleStage.MANUFACTURING, kg("3"),
                LifecycleStage.TRANSPORT, kg("0.2"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> StageAmounts.of(noEndOfLife))
                .withMessageContaining("END_OF_LIFE");
    }

    @Test
    void multipliesAndAddsExactly() {
        StageAmounts perGb = stages("0.5", "0.01", "0.002");

        StageAmounts sum = perGb.times(kg("256")).plus(stages("1", "1", "1"));

        assertStages(sum, stages("129", "3.56", "1.512"));
    }
}
