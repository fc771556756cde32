package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.APRIL_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.CHASSIS;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.DEFAULT_MODEL;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.MAY_2025;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.RACK_B;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.factor;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.inputs;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Step 0: inputs that name what they do not define, or define it twice, are refused with every
 * problem listed, rather than computed with an assumed zero.
 */
class UnresolvedReferencesTest {

    private static final HardwareModel GPU_NODE = new HardwareModel("gpu-node", List.of(
            new BomLine("chassis", quantity("1")),
            new BomLine("gpu", quantity("8"))));

    static Stream<Arguments> oneProblemEach() {
        return Stream.of(
                problem("asset of an unknown model",
                        in -> in.asset("rack-9", "rack-z", "ams-1", "2025-01-01", null),
                        "asset rack-9 is of unknown hardware model rack-z"),
                problem("model with an unknown component",
                        in -> in.models(GPU_NODE),
                        "hardware model gpu-node has unknown component gpu"),
                problem("asset in an unknown datacenter",
                        in -> in.asset("rack-9", "rack-b", "zrh-9", "2025-01-01", null),
                        "asset rack-9 is in unknown datacenter zrh-9"),
                problem("datacenter month of an unknown datacenter",
                        in -> in.energy("zrh-9", MAY_2025, "1", "1", "0", "0"),
                        "datacenter month 2025-05 is of unknown datacenter zrh-9"),
                problem("usage in a region without datacenters",
                        in -> in.usage("mars-north", MAY_2025, "contoso", ServiceModel.IAAS, "1"),
                        "usage of contoso in 2025-05 is in unknown region mars-north"),
                problem("asset retired before it entered service",
                        in -> in.asset("rack-9", "rack-b", "ams-1", "2025-02-01", "2025-01-31"),
                        "asset rack-9 retired on 2025-01-31, before entering service on "
                                + "2025-02-01"),
                problem("component factor defined twice",
                        in -> in.factors(factor("chassis", "each", "1", "1", "1")),
                        "component factor chassis is defined 2 times"),
                problem("hardware model defined twice",
                        in -> in.models(RACK_B),
                        "hardware model rack-b is defined 2 times"),
                problem("datacenter defined twice",
                        in -> in.datacenter("ams-1", "northeurope"),
                        "datacenter ams-1 is defined 2 times"),
                problem("asset defined more than once",
                        in -> in.asset("rack-1", RACK_B, "ams-1", "2025-03-01")
                                .asset("rack-1", RACK_B, "ams-1", "2025-04-01"),
                        "asset rack-1 is defined 3 times"),
                problem("datacenter month defined twice",
                        in -> in.energy("ams-1", MAY_2025, "1", "1", "0", "0"),
                        "datacenter month 2025-05 of ams-1 is defined 2 times"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneProblemEach")
    void namesTheProblem(String kind, UnaryOperator<MethodologyFixtures.Inputs> fault,
            String expected) {
        MethodologyInputs inputs = fault.apply(valid()).build();

        UnresolvedReferenceException thrown = catchThrowableOfType(
                UnresolvedReferenceException.class,
                () -> DEFAULT_MODEL.compute(MAY_2025, inputs));

        assertThat(thrown.problems()).containsExactly(expected);
        assertThat(thrown).hasMessageContaining(expected);
    }

    @Test
    void listsEveryProblemAtOnce() {
        MethodologyInputs inputs = valid()
                .models(GPU_NODE)
                .asset("rack-9", "rack-z", "zrh-9", "2025-02-01", "2025-01-31")
                .build();

        UnresolvedReferenceException thrown = catchThrowableOfType(
                UnresolvedReferenceException.class,
                () -> DEFAULT_MODEL.compute(MAY_2025, inputs));

        assertThat(thrown.problems()).containsExactly(
                "asset rack-9 is in unknown datacenter zrh-9",
                "asset rack-9 is of unknown hardware model rack-z",
                "asset rack-9 retired on 2025-01-31, before entering service on 2025-02-01",
                "hardware model gpu-node has unknown component gpu");
    }

    @Test
    void neitherReadsNorChecksReportsAndUsageOfOtherMonths() {
        MethodologyInputs inputs = valid()
                .energy("zrh-9", APRIL_2025, "1", "1", "0", "0")
                .energy("ams-1", APRIL_2025, "1", "1", "0", "0")
                .usage("mars-north", APRIL_2025, "contoso", ServiceModel.IAAS, "1")
                .build();

        assertThatNoException().isThrownBy(() -> DEFAULT_MODEL.compute(MAY_2025, inputs));
    }

    @Test
    void acceptsAnAssetRetiredOnTheDayItEnteredService() {
        MethodologyInputs inputs = valid()
                .asset("rack-9", "rack-b", "ams-1", "2025-02-01", "2025-02-01")
                .build();

        assertThatNoException().isThrownBy(() -> DEFAULT_MODEL.compute(MAY_2025, inputs));
    }

    /** A month that resolves: every name defined once. */
    private static MethodologyFixtures.Inputs valid() {
        return inputs()
                .factors(CHASSIS)
                .models(RACK_B)
                .datacenter("ams-1", "westeurope")
                .asset("rack-1", RACK_B, "ams-1", "2025-01-01")
                .energy("ams-1", MAY_2025, "100", "1.1", "0.3", "0.1")
                .usage("westeurope", MAY_2025, "contoso", ServiceModel.IAAS, "1");
    }

    private static Arguments problem(String kind, UnaryOperator<MethodologyFixtures.Inputs> fault,
            String expected) {
        return arguments(kind, fault, expected);
    }
}
