package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.adp;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.bd;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.drawWattsFromRequest;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.embodiedKgCo2e;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.estimate;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.factorNamed;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.gridMarket;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.idleWatts;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.oneGpuTenHours;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.peakFlopsPerSecond;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.primaryEnergy;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.wue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A posteriori estimates, from one GPU with a 300 W TDP run for 10 hours at PUE 1.1 on a
 * 0.5 kgCO2e/kWh grid: at full TDP, 300 × 10 × 1.1 ÷ 1000 = 3.3 kWh and 3.3 × 0.5 = 1.65 kg.
 */
class APosterioriEstimateTest {

    @Test
    void assumesFullTdpWithoutUtilisationAndFlagsIt() {
        EstimateResult result = estimate(oneGpuTenHours());

        assertThat(result.method()).isEqualTo(EstimateMethod.A_POSTERIORI);
        assertThat(result.hours()).isEqualByComparingTo("10");
        assertThat(result.energyKwh()).isEqualByComparingTo("3.3");
        assertThat(result.scope2LocationKgCo2e()).isEqualByComparingTo("1.65");
        assertThat(factorNamed(result, "averagePowerWatts").value()).isEqualByComparingTo("300");
        assertThat(result.flags()).containsExactly("power-from-tdp", "market-equals-location",
                "embodied-excluded");
    }

    /*  60 + 0.5 × (300 − 60) = 180 W; 180 × 10 × 1.1 ÷ 1000 = 1.98 kWh; × 0.5 = 0.99 kg. */
    @Test
    void interpolatesBetweenIdleDrawAndTdpByUtilisation() {
        EstimateResult result = estimate(oneGpuTenHours()
                .idleWatts(idleWatts("60"))
                .utilisation(bd("0.5")));

        Factor average = factorNamed(result, "averagePowerWatts");
        assertThat(average.value()).isEqualByComparingTo("180");
        assertThat(average.source()).isEqualTo("idle + utilisation x (TDP - idle)");
        assertThat(result.energyKwh()).isEqualByComparingTo("1.98");
        assertThat(result.scope2LocationKgCo2e()).isEqualByComparingTo("0.99");
        assertThat(result.flags()).doesNotContain("power-from-tdp");
    }

    /*  300 × 0.5 = 150 W; 150 × 10 × 1.1 ÷ 1000 = 1.65 kWh. */
    @Test
    void scalesTdpByUtilisationWithoutAnIdleDraw() {
        EstimateResult result = estimate(oneGpuTenHours().utilisation(bd("0.5")));

        assertThat(factorNamed(result, "averagePowerWatts").value()).isEqualByComparingTo("150");
        assertThat(result.energyKwh()).isEqualByComparingTo("1.65");
        assertThat(result.flags()).doesNotContain("power-from-tdp");
    }

    /*  250 W as given, utilisation and idle draw unused: 250 × 10 × 1.1 ÷ 1000 = 2.75 kWh. */
    @Test
    void takesAnAverageDrawFromTheRequestAsItIs() {
        EstimateResult result = estimate(oneGpuTenHours()
                .powerWatts(drawWattsFromRequest("250"))
                .idleWatts(idleWatts("60"))
                .utilisation(bd("0.5")));

        assertThat(factorNamed(result, "averagePowerWatts").value()).isEqualByComparingTo("250");
        assertThat(result.energyKwh()).isEqualByComparingTo("2.75");
        assertThat(result.flags()).doesNotContain("power-from-tdp");
        assertThat(result.factors()).extracting(Factor::name)
                .doesNotContain("idleWatts", "utilisation");
    }

    /*  3.3 kWh × 0.1 = 0.33 kg market-based, beside 1.65 kg location-based. */
    @Test
    void usesTheMarketFactorWhenGiven() {
        EstimateResult result = estimate(oneGpuTenHours()
                .gridMarketKgCo2ePerKwh(gridMarket("0.1")));

        assertThat(result.scope2LocationKgCo2e()).isEqualByComparingTo("1.65");
        assertThat(result.scope2MarketKgCo2e()).isEqualByComparingTo("0.33");
        assertThat(result.totalMarketKgCo2e()).isEqualByComparingTo("0.33");
        assertThat(result.flags()).doesNotContain("market-equals-location");
    }

    @Test
    void setsMarketBasedEqualToLocationBasedWithoutAMarketFactorAndRecordsWhy() {
        EstimateResult result = estimate(oneGpuTenHours());

        assertThat(result.scope2MarketKgCo2e()).isEqualByComparingTo("1.65");
        assertThat(result.flags()).contains("market-equals-location");
        Factor market = factorNamed(result, "gridMarketKgCo2ePerKwh");
        assertThat(market.value()).isEqualByComparingTo("0.5");
        assertThat(market.source()).startsWith("location-based factor");
    }

    /*
     *  4 GPUs × 10 h, half reserved, over 20,000 h: 1,000 × 4 × 10 × 0.5 ÷ 20,000 = 1 kg.
     *  Energy 13.2 kWh: 6.6 kg location-based, 1.32 kg market-based; totals 7.6 and 2.32.
     */
    @Test
    void addsTheJobsShareOfEmbodiedEmissionsToBothTotals() {
        EstimateResult result = estimate(oneGpuTenHours()
                .count(bd("4"))
                .gridMarketKgCo2ePerKwh(gridMarket("0.1"))
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("1000"))
                .lifetimeHours(bd("20000"))
                .reservedShare(bd("0.5")));

        assertThat(result.scope3KgCo2e()).isEqualByComparingTo("1");
        assertThat(result.totalLocationKgCo2e()).isEqualByComparingTo("7.6");
        assertThat(result.totalMarketKgCo2e()).isEqualByComparingTo("2.32");
        assertThat(result.flags()).doesNotContain("embodied-excluded", "default-lifetime");
    }

    @Test
    void leavesScopeThreeAtZeroWhenEmbodiedIsExcludedAndFlagsIt() {
        EstimateResult result = estimate(oneGpuTenHours()
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("1000")));

        assertThat(result.scope3KgCo2e()).isZero();
        assertThat(result.totalLocationKgCo2e()).isEqualByComparingTo("1.65");
        assertThat(result.flags()).contains("embodied-excluded");
        assertThat(result.factors()).extracting(Factor::name)
                .doesNotContain("embodiedKgCo2ePerUnit");
    }

    /*  5,259.6 kg × 10 h ÷ 52,596 h = 1 kg. */
    @Test
    void assumesSixYearsAndWholeReservationWhenNotGivenAndRecordsBoth() {
        EstimateResult result = estimate(oneGpuTenHours()
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("5259.6")));

        assertThat(result.scope3KgCo2e()).isEqualByComparingTo("1");
        assertThat(result.flags()).contains("default-lifetime");
        Factor lifetime = factorNamed(result, "lifetimeHours");
        assertThat(lifetime.value()).isEqualByComparingTo("52596");
        assertThat(lifetime.source()).startsWith("default:");
        Factor reserved = factorNamed(result, "reservedShare");
        assertThat(reserved.value()).isEqualByComparingTo("1");
        assertThat(reserved.source()).startsWith("default:");
    }

    /*  5e-12 kg × 1 h ÷ 2 h = 2.5e-12: HALF_EVEN keeps 2e-12 where HALF_UP would give 3e-12. */
    @Test
    void roundsTheEmbodiedShareHalfEvenToTwelvePlaces() {
        EstimateResult result = estimate(oneGpuTenHours()
                .hours(bd("1"))
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("0.000000000005"))
                .lifetimeHours(bd("2")));

        assertThat(result.scope3KgCo2e()).isEqualByComparingTo("0.000000000002");
    }

    /*  Water 3.3 kWh × 1.8 L/kWh = 5.94 L; ADP 5.2596 × 10 ÷ 52,596 = 0.001 kgSbEq;
     *  primary energy 2,629.8 × 10 ÷ 52,596 = 0.5 MJ. */
    @Test
    void computesWaterAdpAndPrimaryEnergyWhenTheirFactorsAreGiven() {
        EstimateResult result = estimate(oneGpuTenHours()
                .wueLitresPerKwh(wue("1.8"))
                .adpKgSbEqPerUnit(adp("5.2596"))
                .primaryEnergyMjPerUnit(primaryEnergy("2629.8")));

        assertThat(result.waterLitres()).isEqualByComparingTo("5.94");
        assertThat(result.adpKgSbEq()).isEqualByComparingTo("0.001");
        assertThat(result.primaryEnergyMj()).isEqualByComparingTo("0.5");
    }

    @Test
    void leavesWaterAdpAndPrimaryEnergyAbsentNotZeroWithoutTheirFactors() {
        EstimateResult result = estimate(oneGpuTenHours());

        assertThat(result.waterLitres()).isNull();
        assertThat(result.adpKgSbEq()).isNull();
        assertThat(result.primaryEnergyMj()).isNull();
    }

    @Test
    void listsEveryFactorUsedInOrderAndNoneUnused() {
        EstimateResult result = estimate(oneGpuTenHours()
                .idleWatts(idleWatts("60"))
                .utilisation(bd("0.5"))
                .gridMarketKgCo2ePerKwh(gridMarket("0.1"))
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("1000"))
                .peakFlopsPerSecond(peakFlopsPerSecond("1E+14")));

        assertThat(result.factors()).extracting(Factor::name).containsExactly(
                "hours", "powerWatts", "utilisation", "idleWatts", "averagePowerWatts", "pue",
                "gridLocationKgCo2ePerKwh", "gridMarketKgCo2ePerKwh", "lifetimeHours",
                "reservedShare", "embodiedKgCo2ePerUnit");
    }
}
