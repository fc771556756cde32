package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.APRIL_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.CHASSIS;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.DEFAULT_MODEL;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.MAY_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.RACK_B;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.assertEmissions;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.datacenterOf;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.emissions;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.inputs;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.kg;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Step 2, scopes 1 and 2, and what a datacenter without a report gets. */
class DatacenterEmissionsTest {

    /*
     *  ams-1, May 2025: 10,000 kWh of IT energy at a PUE of 1.2 = 12,000 kWh.
     *
     *  | scope 2        | grid factor    | emissions             |
     *  |----------------|----------------|-----------------------|
     *  | location-based | 0.3 kg / kWh   | 12,000 × 0.3  = 3,600 |
     *  | market-based   | 0.05 kg / kWh  | 12,000 × 0.05 =   600 |
     */
    @Test
    void computesScope2LocationAndMarketBasedFromEnergyTimesPueTimesGridFactor() {
        MethodologyInputs inputs = inputs()
                .datacenter("ams-1", "westeurope")
                .report("ams-1", MAY_2025, "10000", "1.2", "0.3", "0.05", "1312")
                .build();

        DatacenterResult ams = datacenterOf(DEFAULT_MODEL.compute(MAY_2025, inputs), "ams-1");

        assertEmissions(ams.emissions(), emissions("1312", "3600", "600", StageAmounts.ZERO));
        assertThat(ams.itEnergyKwh()).isEqualByComparingTo("10000");
        assertThat(ams.energyReported()).isTrue();
    }

    /*
     *  | source              | amount  | factor            | kgCO2e |
     *  |---------------------|---------|-------------------|--------|
     *  | diesel (generators) | 100 L   | 2.68 kg / L       | 268    |
     *  | R-410A leaked       | 0.5 kg  | GWP 2088          | 1,044  |
     *  | scope 1             |         |                   | 1,312  |
     */
    @Test
    void computesScope1FromDieselBurntAndRefrigerantLeaked() {
        assertThat(DirectEmissions.scope1KgCo2e(kg("100"), kg("2.68"), kg("0.5"), kg("2088")))
                .isEqualByComparingTo("1312");
    }

    @Test
    void refusesANegativeAmountOfDiesel() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DirectEmissions.scope1KgCo2e(kg("-1"), kg("2.68"), kg("0"),
                        kg("2088")))
                .withMessageContaining("dieselLitres");
    }

    @Test
    void givesADatacenterWithoutAReportNoScope1Or2AndSaysSo() {
        MethodologyInputs inputs = inputs()
                .factors(CHASSIS)
                .models(RACK_B)
                .datacenter("ams-1", "westeurope")
                .asset("rack-1", RACK_B, "ams-1", "2025-01-01")
                .build();

        DatacenterResult ams = datacenterOf(DEFAULT_MODEL.compute(MAY_2025, inputs), "ams-1");

        assertThat(ams.energyReported()).isFalse();
        assertThat(ams.itEnergyKwh()).isEqualByComparingTo("0");
        assertEmissions(ams.emissions(), emissions("0", "0", "0", stages("100", "10", "1")));
    }

    @Test
    void readsTheReportOfTheMonthAskedOnly() {
        MethodologyInputs inputs = inputs()
                .datacenter("ams-1", "westeurope")
                .report("ams-1", APRIL_2025, "999", "1.5", "1", "1", "999")
                .report("ams-1", MAY_2025, "1000", "1", "0.2", "0.1", "5")
                .build();

        DatacenterResult ams = datacenterOf(DEFAULT_MODEL.compute(MAY_2025, inputs), "ams-1");

        assertEmissions(ams.emissions(), emissions("5", "200", "100", StageAmounts.ZERO));
        assertThat(ams.itEnergyKwh()).isEqualByComparingTo("1000");
    }

    @Test
    void refusesAPueBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> inputs().report("ams-1", MAY_2025, "1", "0.9", "0", "0", "0"))
                .withMessageContaining("pue");
    }
}
