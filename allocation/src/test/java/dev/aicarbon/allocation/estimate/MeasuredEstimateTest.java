package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.adp;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.bd;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.embodiedKgCo2e;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.estimate;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.measuredTwelveKwh;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.primaryEnergy;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.wue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Measured estimates: 12 kWh of IT energy on 2 devices, PUE 1.25, 0.2 kgCO2e/kWh. */
class MeasuredEstimateTest {

    /*  12 × 1.25 = 15 kWh; × 0.2 = 3 kg. */
    @Test
    void multipliesTheMeasuredItEnergyByPue() {
        EstimateResult result = estimate(measuredTwelveKwh());

        assertThat(result.method()).isEqualTo(EstimateMethod.MEASURED);
        assertThat(result.energyKwh()).isEqualByComparingTo("15");
        assertThat(result.scope2LocationKgCo2e()).isEqualByComparingTo("3");
        assertThat(result.hours()).isNull();
        assertThat(result.factors()).extracting(Factor::name)
                .containsExactly("measuredEnergyKwh", "pue", "gridLocationKgCo2ePerKwh",
                        "gridMarketKgCo2ePerKwh");
    }

    @Test
    void needsNoCountWithoutAnEmbodiedShare() {
        EstimateResult result = estimate(measuredTwelveKwh().count(null));

        assertThat(result.energyKwh()).isEqualByComparingTo("15");
    }

    /*  2 devices × 100 h × 5,259.6 kg ÷ 52,596 h = 20 kg. */
    @Test
    void takesTheEmbodiedShareOverTheHoursGiven() {
        EstimateResult result = estimate(measuredTwelveKwh()
                .hours(bd("100"))
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("5259.6")));

        assertThat(result.hours()).isEqualByComparingTo("100");
        assertThat(result.scope3KgCo2e()).isEqualByComparingTo("20");
        assertThat(result.totalLocationKgCo2e()).isEqualByComparingTo("23");
    }

    @Test
    void leavesAdpAndPrimaryEnergyAbsentWithoutHoursAndFlagsIt() {
        EstimateResult result = estimate(measuredTwelveKwh()
                .adpKgSbEqPerUnit(adp("5.2596"))
                .primaryEnergyMjPerUnit(primaryEnergy("2629.8")));

        assertThat(result.adpKgSbEq()).isNull();
        assertThat(result.primaryEnergyMj()).isNull();
        assertThat(result.flags()).contains("embodied-impacts-without-hours");
    }

    /*  15 kWh × 2 L/kWh = 30 L: water needs no hours. */
    @Test
    void computesWaterFromTheFacilityEnergy() {
        EstimateResult result = estimate(measuredTwelveKwh().wueLitresPerKwh(wue("2")));

        assertThat(result.waterLitres()).isEqualByComparingTo("30");
    }

    @Test
    void acceptsAMeasuredEnergyOfZero() {
        EstimateResult result = estimate(measuredTwelveKwh().measuredEnergyKwh(bd("0")));

        assertThat(result.energyKwh()).isZero();
        assertThat(result.totalLocationKgCo2e()).isZero();
    }
}
