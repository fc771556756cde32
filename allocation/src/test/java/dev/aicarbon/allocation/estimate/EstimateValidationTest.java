package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.CALCULATOR;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.aPrioriOneDevice;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.adp;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.assertRefusedFor;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.bd;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.drawWattsFromRequest;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.embodiedKgCo2e;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.estimate;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.gridLocation;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.gridMarket;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.idleWatts;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.measuredTwelveKwh;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.oneGpuTenHours;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.peakFlopsPerSecond;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.primaryEnergy;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.pue;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.tdpWatts;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.wue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input an estimate cannot do without, or cannot take as given, refused with the REST API
 * field to correct. Each case changes one input of a valid fixture.
 */
class EstimateValidationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedInputs")
    void refusesTheInputNamingItsField(EstimateInputs.Builder inputs, String field) {
        assertRefusedFor(field, () -> CALCULATOR.estimate(inputs.build()));
    }

    static Stream<Arguments> refusedInputs() {
        return Stream.of(
                refused("count of zero", oneGpuTenHours().count(bd("0")), "count"),
                refused("negative count", oneGpuTenHours().count(bd("-1")), "count"),
                refused("a posteriori without count", oneGpuTenHours().count(null), "count"),
                refused("a priori without count", aPrioriOneDevice().count(null), "count"),
                refused("measured embodied share without count", measuredTwelveKwh()
                        .count(null).hours(bd("1")).includeEmbodied(true)
                        .embodiedKgCo2ePerUnit(embodiedKgCo2e("100")), "count"),

                refused("zero hours", oneGpuTenHours().hours(bd("0")), "hours"),
                refused("negative hours", oneGpuTenHours().hours(bd("-2")), "hours"),
                refused("a posteriori without hours", oneGpuTenHours().hours(null), "hours"),
                refused("a priori given hours", aPrioriOneDevice().hours(bd("3")), "hours"),
                refused("measured with zero hours", measuredTwelveKwh().hours(bd("0")), "hours"),
                refused("measured embodied share without hours", measuredTwelveKwh()
                        .includeEmbodied(true).embodiedKgCo2ePerUnit(embodiedKgCo2e("100")),
                        "hours"),

                refused("utilisation of zero", oneGpuTenHours().utilisation(bd("0")),
                        "utilisation"),
                refused("utilisation above one", oneGpuTenHours().utilisation(bd("1.01")),
                        "utilisation"),
                refused("negative utilisation", oneGpuTenHours().utilisation(bd("-0.5")),
                        "utilisation"),
                refused("a priori without utilisation", aPrioriOneDevice().utilisation(null),
                        "utilisation"),

                refused("PUE below one", oneGpuTenHours().pue(pue("0.99")), "pue"),
                refused("no PUE", oneGpuTenHours().pue(null), "pue"),

                refused("a posteriori without power", oneGpuTenHours().powerWatts(null),
                        "powerWatts"),
                refused("a priori without power", aPrioriOneDevice().powerWatts(null),
                        "powerWatts"),
                refused("requested draw of zero",
                        oneGpuTenHours().powerWatts(drawWattsFromRequest("0")), "powerWatts"),
                refused("catalogue TDP of zero", oneGpuTenHours().powerWatts(tdpWatts("0")),
                        "hardware"),
                refused("negative idle draw", oneGpuTenHours().idleWatts(idleWatts("-1")),
                        "hardware"),
                refused("idle draw above TDP", oneGpuTenHours().idleWatts(idleWatts("301")),
                        "hardware"),

                refused("zero FLOPs", aPrioriOneDevice().flops(bd("0")), "flops"),
                refused("negative FLOPs", aPrioriOneDevice().flops(bd("-1E+18")), "flops"),
                refused("neither FLOPs nor parameters and tokens",
                        aPrioriOneDevice().flops(null), "flops"),
                refused("parameters without tokens",
                        aPrioriOneDevice().flops(null).parameters(bd("1E+9")), "tokens"),
                refused("tokens without parameters",
                        aPrioriOneDevice().flops(null).tokens(bd("1E+9")), "parameters"),
                refused("zero parameters", aPrioriOneDevice().flops(null)
                        .parameters(bd("0")).tokens(bd("1E+9")), "parameters"),
                refused("negative tokens", aPrioriOneDevice().flops(null)
                        .parameters(bd("1E+9")).tokens(bd("-1")), "tokens"),
                refused("a priori without peak rate",
                        aPrioriOneDevice().peakFlopsPerSecond(null), "peakFlopsPerSecond"),
                refused("peak rate of zero",
                        aPrioriOneDevice().peakFlopsPerSecond(peakFlopsPerSecond("0")),
                        "peakFlopsPerSecond"),

                refused("no location-based grid factor",
                        oneGpuTenHours().gridLocationKgCo2ePerKwh(null), "region"),
                refused("negative location-based factor",
                        oneGpuTenHours().gridLocationKgCo2ePerKwh(gridLocation("-0.1")),
                        "gridKgCo2ePerKwh"),
                refused("negative market-based factor",
                        oneGpuTenHours().gridMarketKgCo2ePerKwh(gridMarket("-0.1")),
                        "gridKgCo2ePerKwh"),

                refused("reserved share of zero", oneGpuTenHours().reservedShare(bd("0")),
                        "reservedShare"),
                refused("reserved share above one", oneGpuTenHours().reservedShare(bd("1.5")),
                        "reservedShare"),
                refused("lifetime of zero", oneGpuTenHours().lifetimeHours(bd("0")),
                        "lifetimeHours"),
                refused("negative lifetime", oneGpuTenHours().lifetimeHours(bd("-8760")),
                        "lifetimeHours"),
                refused("embodied included without a factor",
                        oneGpuTenHours().includeEmbodied(true), "embodiedKgCo2e"),
                refused("negative embodied factor", oneGpuTenHours().includeEmbodied(true)
                        .embodiedKgCo2ePerUnit(embodiedKgCo2e("-1")), "embodiedKgCo2e"),

                refused("measured without measured energy",
                        measuredTwelveKwh().measuredEnergyKwh(null), "measuredEnergyKwh"),
                refused("negative measured energy",
                        measuredTwelveKwh().measuredEnergyKwh(bd("-0.1")), "measuredEnergyKwh"),
                refused("measured energy given to an a posteriori estimate",
                        oneGpuTenHours().measuredEnergyKwh(bd("3")), "measuredEnergyKwh"),

                refused("negative WUE", oneGpuTenHours().wueLitresPerKwh(wue("-1")), "region"),
                refused("negative ADP", oneGpuTenHours().adpKgSbEqPerUnit(adp("-1")),
                        "hardware"),
                refused("negative primary energy",
                        oneGpuTenHours().primaryEnergyMjPerUnit(primaryEnergy("-1")),
                        "hardware"));
    }

    /*  The edges of every range are inside it: utilisation, reserved share 1; PUE 1; factors 0. */
    @Test
    void acceptsTheClosedEndsOfEveryRange() {
        EstimateResult result = estimate(oneGpuTenHours()
                .utilisation(bd("1"))
                .idleWatts(idleWatts("300"))
                .pue(pue("1"))
                .gridLocationKgCo2ePerKwh(gridLocation("0"))
                .gridMarketKgCo2ePerKwh(gridMarket("0"))
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e("0"))
                .reservedShare(bd("1")));

        assertThat(result.energyKwh()).isEqualByComparingTo("3");
        assertThat(result.totalLocationKgCo2e()).isZero();
    }

    @Test
    void ignoresInputsTheMethodDoesNotRead() {
        EstimateResult result = estimate(oneGpuTenHours()
                .flops(bd("-1"))
                .peakFlopsPerSecond(peakFlopsPerSecond("0")));

        assertThat(result.energyKwh()).isEqualByComparingTo("3.3");
    }

    @Test
    void refusesNullInputsAndAMissingMethod() {
        assertThatNullPointerException().isThrownBy(() -> CALCULATOR.estimate(null));
        assertThatNullPointerException().isThrownBy(() -> EstimateInputs.builder(null));
    }

    private static Arguments refused(String description, EstimateInputs.Builder inputs,
            String field) {
        return Arguments.of(Named.of(description, inputs), field);
    }
}
