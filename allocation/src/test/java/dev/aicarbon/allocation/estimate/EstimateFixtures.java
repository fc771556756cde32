package dev.aicarbon.allocation.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Small named inputs for the estimate tests; every builder is fresh, nothing is shared. */
final class EstimateFixtures {

    static final EstimateCalculator CALCULATOR = new EstimateCalculator();

    private EstimateFixtures() {
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    /** A catalogue TDP: its source is not "request". */
    static Factor tdpWatts(String watts) {
        return new Factor("powerWatts", bd(watts), "W", "catalogue: test hardware TDP");
    }

    /** An average draw the request gave. */
    static Factor drawWattsFromRequest(String watts) {
        return Factor.fromRequest("powerWatts", bd(watts), "W");
    }

    static Factor idleWatts(String watts) {
        return new Factor("idleWatts", bd(watts), "W", "catalogue: test hardware idle draw");
    }

    static Factor pue(String ratio) {
        return new Factor("pue", bd(ratio), "ratio", "provider default: test");
    }

    static Factor gridLocation(String kgPerKwh) {
        return new Factor("gridLocationKgCo2ePerKwh", bd(kgPerKwh), "kgCO2e/kWh",
                "provider default: test region, location-based");
    }

    static Factor gridMarket(String kgPerKwh) {
        return new Factor("gridMarketKgCo2ePerKwh", bd(kgPerKwh), "kgCO2e/kWh",
                "provider default: test region, market-based");
    }

    static Factor embodiedKgCo2e(String perUnit) {
        return new Factor("embodiedKgCo2ePerUnit", bd(perUnit), "kgCO2e",
                "catalogue: test hardware");
    }

    static Factor peakFlopsPerSecond(String flopsPerSecond) {
        return new Factor("peakFlopsPerSecond", bd(flopsPerSecond), "FLOP/s",
                "catalogue: test hardware peak");
    }

    static Factor wue(String litresPerKwh) {
        return new Factor("wueLitresPerKwh", bd(litresPerKwh), "L/kWh", "provider default: test");
    }

    static Factor adp(String kgSbEqPerUnit) {
        return new Factor("adpKgSbEqPerUnit", bd(kgSbEqPerUnit), "kgSbEq", "catalogue: test");
    }

    static Factor primaryEnergy(String mjPerUnit) {
        return new Factor("primaryEnergyMjPerUnit", bd(mjPerUnit), "MJ", "catalogue: test");
    }

    /** One GPU, TDP 300 W, 10 hours, PUE 1.1, 0.5 kgCO2e/kWh, nothing else. */
    static EstimateInputs.Builder oneGpuTenHours() {
        return EstimateInputs.builder(EstimateMethod.A_POSTERIORI)
                .count(bd("1"))
                .hours(bd("10"))
                .powerWatts(tdpWatts("300"))
                .pue(pue("1.1"))
                .gridLocationKgCo2ePerKwh(gridLocation("0.5"));
    }

    /** 1e18 FLOPs on one 1e14 FLOP/s device at 50 %: 20,000 s = 5.555555555556 h. */
    static EstimateInputs.Builder aPrioriOneDevice() {
        return EstimateInputs.builder(EstimateMethod.A_PRIORI)
                .count(bd("1"))
                .flops(bd("1E+18"))
                .peakFlopsPerSecond(peakFlopsPerSecond("1E+14"))
                .utilisation(bd("0.5"))
                .powerWatts(tdpWatts("400"))
                .pue(pue("1.2"))
                .gridLocationKgCo2ePerKwh(gridLocation("0.3"));
    }

    /** 12 kWh of IT energy measured on 2 devices, PUE 1.25, 0.2 kgCO2e/kWh, no hours. */
    static EstimateInputs.Builder measuredTwelveKwh() {
        return EstimateInputs.builder(EstimateMethod.MEASURED)
                .count(bd("2"))
                .measuredEnergyKwh(bd("12"))
                .pue(pue("1.25"))
                .gridLocationKgCo2ePerKwh(gridLocation("0.2"));
    }

    static EstimateResult estimate(EstimateInputs.Builder inputs) {
        return CALCULATOR.estimate(inputs.build());
    }

    static Factor factorNamed(EstimateResult result, String name) {
        return result.factors().stream()
                .filter(factor -> factor.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no factor " + name + " in "
                        + result.factors()));
    }

    static void assertRefusedFor(String field, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidEstimateException.class,
                        refused -> assertThat(refused.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }
}
