package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.APRIL_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.CHASSIS;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.DEFAULT_MODEL;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.MAY_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.RACK_B;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.assertEmissions;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.consumerOf;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.emissions;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.inputs;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.kg;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.regionOf;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.stages;
import static dev.aicarbon.allocation.methodology.ServiceModel.IAAS;
import static dev.aicarbon.allocation.methodology.ServiceModel.PAAS;
import static dev.aicarbon.allocation.methodology.ServiceModel.SAAS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * Steps 3 to 6 on one month, May 2025. Every asset is a rack-b (100 / 10 / 1 kg a month).
 *
 * <pre>
 *  | datacenter | region     | racks | IT kWh | PUE | loc | mkt  | s1    | s2 loc | s2 mkt | s3      |
 *  |------------|------------|-------|--------|-----|-----|------|-------|--------|--------|---------|
 *  | ams-1      | westeurope | 2     | 10,000 | 1.2 | 0.3 | 0.05 | 1,312 | 3,600  | 600    | 200/20/2|
 *  | dub-1      | westeurope | 1     | 5,000  | 1.1 | 0.4 | 0    | 88    | 2,200  | 0      | 100/10/1|
 *  | westeurope |            |       |        |     |     |      | 1,400 | 5,800  | 600    | 300/30/3|
 *
 *  Policy: PaaS weighs 2, IaaS 1.
 *
 *  | consumer | model | usage rows  | weighted | scope 1 | s2 loc | s2 mkt | scope 3      |
 *  |----------|-------|-------------|----------|---------|--------|--------|--------------|
 *  | contoso  | IaaS  | 250 + 350   | 600      | 840     | 3,480  | 360    | 180/18/1.8   |
 *  | fabrikam | PaaS  | 200         | 400      | 560     | 2,320  | 240    | 120/12/1.2   |
 *  | total    |       |             | 1,000    | 1,400   | 5,800  | 600    | 300/30/3     |
 *
 *  Factors per unit: 1,400 / 1,000 = 1.4; 5,800 / 1,000 = 5.8; 600 / 1,000 = 0.6;
 *  333 / 1,000 = 0.333.
 * </pre>
 */
class RegionAttributionTest {

    private static final SevenStepModel PAAS_WEIGHS_TWO =
            new SevenStepModel(MethodologyPolicy.DEFAULT.withWeight(PAAS, kg("2")));

    @Test
    void sumsTheDatacentersOfARegion() {
        RegionResult westEurope = regionOf(computeWestEurope(), "westeurope");

        assertEmissions(westEurope.emissions(),
                emissions("1400", "5800", "600", stages("300", "30", "3")));
    }

    @Test
    void computesTheRegionFactorsPerUnitOfWeightedUsage() {
        RegionResult westEurope = regionOf(computeWestEurope(), "westeurope");

        assertThat(westEurope.totalUsage()).isEqualByComparingTo("1000");
        assertThat(westEurope.factors().scope1KgCo2ePerUnit()).isEqualByComparingTo("1.4");
        assertThat(westEurope.factors().scope2LocationKgCo2ePerUnit())
                .isEqualByComparingTo("5.8");
        assertThat(westEurope.factors().scope2MarketKgCo2ePerUnit()).isEqualByComparingTo("0.6");
        assertThat(westEurope.factors().scope3KgCo2ePerUnit()).isEqualByComparingTo("0.333");
        assertEmissions(westEurope.unusedCapacity(), ModelledEmissions.ZERO);
    }

    @Test
    void weighsUsageByServiceModelAndSplitsEveryScopeByWeightedUsage() {
        MethodologyResult result = computeWestEurope();

        ConsumerResult contoso = consumerOf(result, "contoso", IAAS);
        ConsumerResult fabrikam = consumerOf(result, "fabrikam", PAAS);
        assertThat(contoso.weightedUsage()).isEqualByComparingTo("600");
        assertThat(fabrikam.normalisedUsage()).isEqualByComparingTo("200");
        assertThat(fabrikam.weightedUsage()).isEqualByComparingTo("400");
        assertEmissions(contoso.emissions(),
                emissions("840", "3480", "360", stages("180", "18", "1.8")));
        assertEmissions(fabrikam.emissions(),
                emissions("560", "2320", "240", stages("120", "12", "1.2")));
    }

    @Test
    void sumsUsageRowsOfTheSameConsumerRegionAndServiceModel() {
        MethodologyResult result = computeWestEurope();

        assertThat(result.consumers())
                .extracting(ConsumerResult::consumer, ConsumerResult::serviceModel)
                .containsExactly(tuple("contoso", IAAS), tuple("fabrikam", PAAS));
        assertThat(consumerOf(result, "contoso", IAAS).normalisedUsage())
                .isEqualByComparingTo("600");
    }

    /*  contoso: 840 + 3,480 + 199.8 = 4,519.8 location-based; 840 + 360 + 199.8 = 1,399.8. */
    @Test
    void addsScopesIntoLocationAndMarketBasedTotals() {
        ModelledEmissions contoso = consumerOf(computeWestEurope(), "contoso", IAAS).emissions();

        assertThat(contoso.scope3KgCo2e()).isEqualByComparingTo("199.8");
        assertThat(contoso.totalLocationKgCo2e()).isEqualByComparingTo("4519.8");
        assertThat(contoso.totalMarketKgCo2e()).isEqualByComparingTo("1399.8");
    }

    @Test
    void readsUsageOfTheMonthAskedOnly() {
        MethodologyInputs inputs = westEurope()
                .usage("westeurope", APRIL_2025, "contoso", IAAS, "1000000")
                .build();

        MethodologyResult result = PAAS_WEIGHS_TWO.compute(MAY_2025, inputs);

        assertThat(regionOf(result, "westeurope").totalUsage()).isEqualByComparingTo("1000");
        assertThat(consumerOf(result, "contoso", IAAS).normalisedUsage())
                .isEqualByComparingTo("600");
    }

    /*
     *  | datacenter | region      | racks | IT kWh | PUE | loc | market | usage |
     *  |------------|-------------|-------|--------|-----|-----|--------|-------|
     *  | hel-1      | northeurope | 1     | 2,000  | 1   | 0.1 | 0.1    | none  |
     *
     *  Nothing to divide by: all 0 / 200 / 200 / 100/10/1 kg stay in unused-capacity.
     */
    @Test
    void keepsAllEmissionsOfARegionWithoutUsageAsUnusedCapacity() {
        MethodologyInputs inputs = inputs()
                .factors(CHASSIS)
                .models(RACK_B)
                .datacenter("hel-1", "northeurope")
                .asset("rack-4", RACK_B, "hel-1", "2025-01-01")
                .energy("hel-1", MAY_2025, "2000", "1", "0.1", "0.1")
                .build();

        RegionResult northEurope = regionOf(DEFAULT_MODEL.compute(MAY_2025, inputs), "northeurope");

        ModelledEmissions all = emissions("0", "200", "200", stages("100", "10", "1"));
        assertEmissions(northEurope.emissions(), all);
        assertEmissions(northEurope.unusedCapacity(), all);
        assertThat(northEurope.totalUsage()).isEqualByComparingTo("0");
        assertThat(northEurope.factors()).isNull();
    }

    /*  SaaS weighs 0 under this policy: 50 units of SaaS usage weigh nothing. */
    @Test
    void keepsEmissionsAsUnusedCapacityWhenAllUsageWeighsZero() {
        SevenStepModel saasWeighsZero =
                new SevenStepModel(MethodologyPolicy.DEFAULT.withWeight(SAAS, kg("0")));
        MethodologyInputs inputs = inputs()
                .datacenter("hel-1", "northeurope")
                .report("hel-1", MAY_2025, "0", "1", "0", "0", "7")
                .usage("northeurope", MAY_2025, "contoso", SAAS, "50")
                .build();

        MethodologyResult result = saasWeighsZero.compute(MAY_2025, inputs);

        RegionResult northEurope = regionOf(result, "northeurope");
        assertEmissions(northEurope.unusedCapacity(), emissions("7", "0", "0", StageAmounts.ZERO));
        assertThat(northEurope.factors()).isNull();
        ConsumerResult contoso = consumerOf(result, "contoso", SAAS);
        assertThat(contoso.normalisedUsage()).isEqualByComparingTo("50");
        assertThat(contoso.weightedUsage()).isEqualByComparingTo("0");
        assertEmissions(contoso.emissions(), ModelledEmissions.ZERO);
    }

    @Test
    void givesConsumersZeroInARegionWithUsageButNoEmissions() {
        MethodologyInputs inputs = inputs()
                .datacenter("gav-1", "swedencentral")
                .energy("gav-1", MAY_2025, "0", "1", "0.2", "0.1")
                .usage("swedencentral", MAY_2025, "contoso", IAAS, "10")
                .build();

        MethodologyResult result = DEFAULT_MODEL.compute(MAY_2025, inputs);

        RegionResult swedenCentral = regionOf(result, "swedencentral");
        assertThat(swedenCentral.factors().scope1KgCo2ePerUnit()).isEqualByComparingTo("0");
        assertThat(swedenCentral.factors().scope3KgCo2ePerUnit()).isEqualByComparingTo("0");
        assertEmissions(swedenCentral.unusedCapacity(), ModelledEmissions.ZERO);
        assertEmissions(consumerOf(result, "contoso", IAAS).emissions(), ModelledEmissions.ZERO);
    }

    /*
     *  100 kg of scope 1 over three consumers of 1 unit each:
     *  factor 100 / 3 = 33.33333333333333 (16 significant digits, display only);
     *  b and c get 33.333333333333 (12 places), a (first of the equal largest) the remainder
     *  100 − 66.666666666666 = 33.333333333334.
     */
    @Test
    void roundsFactorsToSixteenDigitsAndGivesTheSplitRemainderToTheFirstLargestWeight() {
        MethodologyInputs inputs = inputs()
                .datacenter("par-1", "francecentral")
                .report("par-1", MAY_2025, "0", "1", "0", "0", "100")
                .usage("francecentral", MAY_2025, "c", IAAS, "1")
                .usage("francecentral", MAY_2025, "a", IAAS, "1")
                .usage("francecentral", MAY_2025, "b", IAAS, "1")
                .build();

        MethodologyResult result = DEFAULT_MODEL.compute(MAY_2025, inputs);

        assertThat(regionOf(result, "francecentral").factors().scope1KgCo2ePerUnit())
                .isEqualByComparingTo("33.33333333333333");
        assertThat(result.consumers())
                .extracting(ConsumerResult::consumer, row -> row.emissions().scope1KgCo2e())
                .containsExactly(
                        tuple("a", kg("33.333333333334")),
                        tuple("b", kg("33.333333333333")),
                        tuple("c", kg("33.333333333333")));
    }

    /*
     *  100 kg of scope 1 over six rows of 1 unit, given out of order: five get
     *  100 / 6 = 16.666666666667, and the first in consumer then service model order, a IaaS,
     *  the remainder 100 − 83.333333333335 = 16.666666666665.
     */
    @Test
    void breaksTiesForTheRemainderByConsumerThenServiceModel() {
        MethodologyInputs inputs = inputs()
                .datacenter("par-1", "francecentral")
                .report("par-1", MAY_2025, "0", "1", "0", "0", "100")
                .usage("francecentral", MAY_2025, "e", IAAS, "1")
                .usage("francecentral", MAY_2025, "a", SAAS, "1")
                .usage("francecentral", MAY_2025, "d", PAAS, "1")
                .usage("francecentral", MAY_2025, "b", IAAS, "1")
                .usage("francecentral", MAY_2025, "a", IAAS, "1")
                .usage("francecentral", MAY_2025, "c", SAAS, "1")
                .build();

        MethodologyResult result = DEFAULT_MODEL.compute(MAY_2025, inputs);

        assertThat(result.consumers())
                .extracting(ConsumerResult::consumer, ConsumerResult::serviceModel,
                        row -> row.emissions().scope1KgCo2e())
                .containsExactly(
                        tuple("a", IAAS, kg("16.666666666665")),
                        tuple("a", SAAS, kg("16.666666666667")),
                        tuple("b", IAAS, kg("16.666666666667")),
                        tuple("c", SAAS, kg("16.666666666667")),
                        tuple("d", PAAS, kg("16.666666666667")),
                        tuple("e", IAAS, kg("16.666666666667")));
    }

    @Test
    void listsDatacentersRegionsAndConsumersInNameOrder() {
        MethodologyInputs inputs = westEurope()
                .datacenter("hel-1", "northeurope")
                .usage("northeurope", MAY_2025, "contoso", SAAS, "1")
                .usage("northeurope", MAY_2025, "alpine", IAAS, "1")
                .build();

        MethodologyResult result = PAAS_WEIGHS_TWO.compute(MAY_2025, inputs);

        assertThat(result.month()).isEqualTo(MAY_2025);
        assertThat(result.datacenters()).extracting(DatacenterResult::datacenter)
                .containsExactly("ams-1", "dub-1", "hel-1");
        assertThat(result.regions()).extracting(RegionResult::region)
                .containsExactly("northeurope", "westeurope");
        assertThat(result.consumers())
                .extracting(ConsumerResult::consumer, ConsumerResult::region,
                        ConsumerResult::serviceModel)
                .containsExactly(
                        tuple("alpine", "northeurope", IAAS),
                        tuple("contoso", "northeurope", SAAS),
                        tuple("contoso", "westeurope", IAAS),
                        tuple("fabrikam", "westeurope", PAAS));
    }

    private static MethodologyResult computeWestEurope() {
        return PAAS_WEIGHS_TWO.compute(MAY_2025, westEurope().build());
    }

    /** The scenario drawn above; datacenters listed out of name order on purpose. */
    private static MethodologyFixtures.Inputs westEurope() {
        return inputs()
                .factors(CHASSIS)
                .models(RACK_B)
                .datacenter("dub-1", "westeurope")
                .datacenter("ams-1", "westeurope")
                .asset("rack-1", RACK_B, "ams-1", "2024-03-01")
                .asset("rack-2", RACK_B, "ams-1", "2025-05-20")
                .asset("rack-3", RACK_B, "dub-1", "2020-01-15")
                .report("ams-1", MAY_2025, "10000", "1.2", "0.3", "0.05", "1312")
                .report("dub-1", MAY_2025, "5000", "1.1", "0.4", "0", "88")
                .usage("westeurope", MAY_2025, "fabrikam", PAAS, "200")
                .usage("westeurope", MAY_2025, "contoso", IAAS, "250")
                .usage("westeurope", MAY_2025, "contoso", IAAS, "350");
    }
}
