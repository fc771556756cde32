package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.MAY_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.emissions;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.kg;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.stages;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Step 7 on its own, since a correct model never lets it fail. */
class ConservationCheckTest {

    private static final ModelledEmissions REGION =
            emissions("10", "20", "5", stages("3", "2", "1"));

    @Test
    void refusesARegionWhoseConsumersAndUnusedCapacityMissAComponent() {
        RegionResult region =
                new RegionResult("westeurope", REGION, kg("1"), null, ModelledEmissions.ZERO);
        ConsumerResult almost = consumer(emissions("10", "20", "5", stages("3", "1.999", "1")));

        assertThatIllegalStateException()
                .isThrownBy(() -> ConservationCheck.requireConserved(MAY_2025, region,
                        List.of(almost)))
                .withMessageContaining("scope3 transport")
                .withMessageContaining("westeurope")
                .withMessageContaining("2025-05");
    }

    @Test
    void acceptsConsumersAndUnusedCapacityThatAddUpExactly() {
        ModelledEmissions unused = emissions("4", "0", "5", stages("0", "2", "1"));
        RegionResult region = new RegionResult("westeurope", REGION, kg("1"), null, unused);
        ConsumerResult rest = consumer(emissions("6", "20", "0", stages("3", "0", "0")));

        assertThatNoException()
                .isThrownBy(() -> ConservationCheck.requireConserved(MAY_2025, region,
                        List.of(rest)));
    }

    private static ConsumerResult consumer(ModelledEmissions emissions) {
        return new ConsumerResult("contoso", "westeurope", ServiceModel.IAAS, kg("1"), kg("1"),
                emissions);
    }
}
