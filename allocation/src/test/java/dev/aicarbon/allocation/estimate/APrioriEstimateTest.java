package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.aPrioriOneDevice;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.bd;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.drawWattsFromRequest;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.estimate;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.factorNamed;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.idleWatts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A priori estimates, from 1e18 FLOPs on one device of 1e14 FLOP/s peak at 50 % FLOP
 * utilisation, TDP 400 W, PUE 1.2, 0.3 kgCO2e/kWh.
 */
class APrioriEstimateTest {

    /*
     *  1e18 ÷ (1 × 1e14 × 0.5 × 3600) = 5.5555… h, HALF_EVEN at 12 places: 5.555555555556.
     *  Energy at full TDP: 400 × 5.555555555556 × 1.2 ÷ 1000 = 2.66666666666688 kWh, exactly.
     */
    @Test
    void derivesHoursFromFlopsPeakRateAndUtilisation() {
        EstimateResult result = estimate(aPrioriOneDevice());

        assertThat(result.method()).isEqualTo(EstimateMethod.A_PRIORI);
        assertThat(result.hours()).isEqualByComparingTo("5.555555555556");
        assertThat(result.energyKwh()).isEqualByComparingTo("2.66666666666688");
        assertThat(result.scope2LocationKgCo2e()).isEqualByComparingTo("0.800000000000064");
        Factor hours = factorNamed(result, "hours");
        assertThat(hours.value()).isEqualByComparingTo(result.hours());
        assertThat(hours.source()).contains("peakFlopsPerSecond");
    }

    /*  The 50 % is FLOP utilisation, not power: power stays at the 400 W TDP, flagged. */
    @Test
    void assumesFullTdpEvenWithUtilisationAndIdleDrawAndFlagsIt() {
        EstimateResult result = estimate(aPrioriOneDevice().idleWatts(idleWatts("100")));

        assertThat(factorNamed(result, "averagePowerWatts").value()).isEqualByComparingTo("400");
        assertThat(result.flags()).contains("power-from-tdp");
    }

    /*  300 × 5.555555555556 × 1.2 ÷ 1000 = 2.00000000000016 kWh. */
    @Test
    void takesAnAverageDrawFromTheRequestWithoutFlag() {
        EstimateResult result = estimate(aPrioriOneDevice()
                .powerWatts(drawWattsFromRequest("300")));

        assertThat(result.energyKwh()).isEqualByComparingTo("2.00000000000016");
        assertThat(result.flags()).doesNotContain("power-from-tdp");
    }

    /*  4 devices share the work: 1e18 ÷ (4 × 1e14 × 0.5 × 3600) = 1.388888888889 h each. */
    @Test
    void spreadsTheWorkOverTheDevices() {
        EstimateResult result = estimate(aPrioriOneDevice().count(bd("4")));

        assertThat(result.hours()).isEqualByComparingTo("1.388888888889");
    }

    /*  6 × 1e9 × 2e10 = 1.2e20 FLOPs; ÷ 1.8e17 FLOP/h = 666.666666666667 h. */
    @Test
    void derivesFlopsFromSixTimesParametersTimesTokensAndFlagsIt() {
        EstimateResult result = estimate(aPrioriOneDevice()
                .flops(null)
                .parameters(bd("1E+9"))
                .tokens(bd("2E+10")));

        Factor flops = factorNamed(result, "flops");
        assertThat(flops.value()).isEqualByComparingTo("1.2E+20");
        assertThat(flops.source()).isEqualTo("6 x parameters x tokens");
        assertThat(result.hours()).isEqualByComparingTo("666.666666666667");
        assertThat(result.flags()).contains("flops-from-parameters-and-tokens");
    }

    @Test
    void prefersGivenFlopsOverParametersAndTokens() {
        EstimateResult result = estimate(aPrioriOneDevice()
                .parameters(bd("1E+9"))
                .tokens(bd("2E+10")));

        assertThat(factorNamed(result, "flops").value()).isEqualByComparingTo("1E+18");
        assertThat(result.flags()).doesNotContain("flops-from-parameters-and-tokens");
    }
}
