package dev.aicarbon.allocation.estimate;

import static dev.aicarbon.allocation.estimate.EstimateFixtures.CALCULATOR;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.embodiedKgCo2e;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.gridLocation;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.gridMarket;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.idleWatts;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.pue;
import static dev.aicarbon.allocation.estimate.EstimateFixtures.tdpWatts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Linearity, the whole-lifetime embodied share and agreement between methods, generated. */
class EstimatePropertiesTest {

    /** Energy and both scope 2 figures are proportional to count and to hours, exactly. */
    @Property(tries = 200)
    void scalesEnergyAndScope2LinearlyWithCountAndHours(
            @ForAll("counts") BigDecimal count, @ForAll("hours") BigDecimal hours,
            @ForAll("utilisations") BigDecimal utilisation,
            @ForAll @IntRange(min = 1, max = 50) int multiple) {
        BigDecimal k = BigDecimal.valueOf(multiple);
        EstimateInputs base = interpolated(count, hours, utilisation).build();

        EstimateResult once = CALCULATOR.estimate(base);
        EstimateResult moreDevices =
                CALCULATOR.estimate(base.toBuilder().count(count.multiply(k)).build());
        EstimateResult longer =
                CALCULATOR.estimate(base.toBuilder().hours(hours.multiply(k)).build());

        for (EstimateResult scaled : new EstimateResult[] {moreDevices, longer}) {
            assertThat(scaled.energyKwh()).isEqualByComparingTo(once.energyKwh().multiply(k));
            assertThat(scaled.scope2LocationKgCo2e())
                    .isEqualByComparingTo(once.scope2LocationKgCo2e().multiply(k));
            assertThat(scaled.scope2MarketKgCo2e())
                    .isEqualByComparingTo(once.scope2MarketKgCo2e().multiply(k));
        }
    }

    /** Held for its whole lifetime, a share of the devices carries that share of embodied. */
    @Property(tries = 200)
    void chargesTheWholeEmbodiedTimesCountTimesShareOverTheWholeLifetime(
            @ForAll("counts") BigDecimal count, @ForAll("hours") BigDecimal lifetimeHours,
            @ForAll("utilisations") BigDecimal reservedShare,
            @ForAll("kilograms") BigDecimal embodiedPerUnit) {
        EstimateInputs inputs = interpolated(count, lifetimeHours, BigDecimal.ONE)
                .includeEmbodied(true)
                .embodiedKgCo2ePerUnit(embodiedKgCo2e(embodiedPerUnit.toPlainString()))
                .lifetimeHours(lifetimeHours)
                .reservedShare(reservedShare)
                .build();

        EstimateResult result = CALCULATOR.estimate(inputs);

        assertThat(result.scope3KgCo2e()).isEqualByComparingTo(
                embodiedPerUnit.multiply(count).multiply(reservedShare));
        assertThat(result.totalLocationKgCo2e()).isEqualByComparingTo(
                result.scope2LocationKgCo2e().add(result.scope3KgCo2e()));
    }

    /** Measuring exactly what the model predicts gives the model's energy and emissions. */
    @Property(tries = 200)
    void agreesWithAMeasurementOfTheEnergyItModels(
            @ForAll("counts") BigDecimal count, @ForAll("hours") BigDecimal hours,
            @ForAll("utilisations") BigDecimal utilisation) {
        EstimateResult modelled = CALCULATOR.estimate(interpolated(count, hours, utilisation)
                .build());
        BigDecimal averageWatts = modelled.factors().stream()
                .filter(factor -> factor.name().equals("averagePowerWatts"))
                .findFirst().orElseThrow().value();
        BigDecimal itKwh = count.multiply(averageWatts).multiply(hours).movePointLeft(3);

        EstimateResult measured = CALCULATOR.estimate(EstimateInputs
                .builder(EstimateMethod.MEASURED)
                .measuredEnergyKwh(itKwh)
                .pue(pue("1.15"))
                .gridLocationKgCo2ePerKwh(gridLocation("0.42"))
                .gridMarketKgCo2ePerKwh(gridMarket("0.07"))
                .build());

        assertThat(measured.energyKwh()).isEqualByComparingTo(modelled.energyKwh());
        assertThat(measured.totalMarketKgCo2e()).isEqualByComparingTo(modelled.totalMarketKgCo2e());
    }

    private static EstimateInputs.Builder interpolated(BigDecimal count, BigDecimal hours,
            BigDecimal utilisation) {
        return EstimateInputs.builder(EstimateMethod.A_POSTERIORI)
                .count(count)
                .hours(hours)
                .powerWatts(tdpWatts("700"))
                .idleWatts(idleWatts("87.5"))
                .utilisation(utilisation)
                .pue(pue("1.15"))
                .gridLocationKgCo2ePerKwh(gridLocation("0.42"))
                .gridMarketKgCo2ePerKwh(gridMarket("0.07"));
    }

    // ---- generators -----------------------------------------------------------------------

    @Provide
    Arbitrary<BigDecimal> counts() {
        return decimals("0.01", "4096", 2);
    }

    @Provide
    Arbitrary<BigDecimal> hours() {
        return decimals("0.001", "60000", 3);
    }

    @Provide
    Arbitrary<BigDecimal> utilisations() {
        return decimals("0.0001", "1", 4);
    }

    @Provide
    Arbitrary<BigDecimal> kilograms() {
        return decimals("0", "20000", 4);
    }

    private static Arbitrary<BigDecimal> decimals(String min, String max, int scale) {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal(min), new BigDecimal(max))
                .ofScale(scale);
    }
}
