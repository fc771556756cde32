package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.CPU;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.DRAM;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.SERVER_A;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.SSD;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.assertStages;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.quantity;
import static dev.aicarbon.allocation.methodology.MethodologyFixtures.stages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step 1: a hardware model's embodied emissions from its bill of materials. */
class EmbodiedEmissionsTest {

    private static final Map<String, ComponentFactor> CATALOGUE =
            Map.of("cpu", CPU, "dram", DRAM, "ssd", SSD);

    /*
     *  | component | quantity | manufacturing   | transport        | end of life        |
     *  |-----------|----------|-----------------|------------------|--------------------|
     *  | cpu       | 2 each   | 2 × 25  = 50    | 2 × 1.5   = 3    | 2 × 0.3     = 0.6  |
     *  | dram      | 256 GB   | 256 × 0.5 = 128 | 256 × 0.01 = 2.56| 256 × 0.002 = 0.512|
     *  | ssd       | 4 TB     | 4 × 12  = 48    | 4 × 0.4   = 1.6  | 4 × 0.1     = 0.4  |
     *  | server-a  |          | 226             | 7.16             | 1.512              |
     *
     *  In all 234.672 kg.
     */
    @Test
    void sumsQuantityTimesFactorPerStageOverTheBillOfMaterials() {
        StageAmounts embodied = SevenStepModel.embodied(SERVER_A, CATALOGUE);

        assertStages(embodied, stages("226", "7.16", "1.512"));
        assertThat(embodied.totalKgCo2e()).isEqualByComparingTo("234.672");
    }

    @Test
    void countsAComponentListedOnTwoLinesTwice() {
        HardwareModel twoCpuLines = new HardwareModel("split-bom", List.of(
                new BomLine("cpu", quantity("1")),
                new BomLine("cpu", quantity("3"))));

        StageAmounts embodied = SevenStepModel.embodied(twoCpuLines, CATALOGUE);

        assertStages(embodied, stages("100", "6", "1.2"));
    }

    @Test
    void refusesAComponentWithoutAFactorRatherThanCountingItAsZero() {
        HardwareModel withGpu = new HardwareModel("gpu-node", List.of(
                new BomLine("cpu", quantity("2")),
                new BomLine("gpu", quantity("8")),
                new BomLine("nic", quantity("1"))));

        UnresolvedReferenceException thrown = catchThrowableOfType(
                UnresolvedReferenceException.class,
                () -> SevenStepModel.embodied(withGpu, CATALOGUE));

        assertThat(thrown.problems()).containsExactly(
                "hardware model gpu-node has unknown component gpu",
                "hardware model gpu-node has unknown component nic");
    }
}
