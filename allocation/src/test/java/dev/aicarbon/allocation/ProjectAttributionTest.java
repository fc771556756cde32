package dev.aicarbon.allocation;

import static dev.aicarbon.allocation.TestData.ACCOUNT_B;
import static dev.aicarbon.allocation.TestData.DEFAULT_ALLOCATOR;
import static dev.aicarbon.allocation.TestData.EU_WEST_1;
import static dev.aicarbon.allocation.TestData.US_EAST_1;
import static dev.aicarbon.allocation.TestData.assertEmissions;
import static dev.aicarbon.allocation.TestData.cell;
import static dev.aicarbon.allocation.TestData.line;
import static dev.aicarbon.allocation.TestData.onlyRowOf;
import static dev.aicarbon.allocation.TestData.rowsOf;
import static dev.aicarbon.allocation.TestData.scope1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a line's share goes to: its tags, untagged usage, shared usage. */
class ProjectAttributionTest {

    /*
     *  cell c1: 60 kg scope 1
     *
     *  | line | project | workload  | stage    | list cost | share |
     *  |------|---------|-----------|----------|-----------|-------|
     *  | l1   | alpha   |           |          | 2         | 30    |
     *  | l2   | (none)  | llm-train | training | 1         | 15    |  -> unallocated
     *  | l3   | "  "    |           |          | 1         | 15    |  -> unallocated
     */
    @Test
    void sendsUntaggedUsageToUnallocated() {
        EmissionsCell cell = cell("c1", scope1("60")).build();
        UsageLine alpha = line("l1").project("alpha").listCost("2").build();
        UsageLine untagged = line("l2")
                .workload("llm-train")
                .stage("training")
                .listCost("1")
                .build();
        UsageLine blankProject = line("l3").project("  ").listCost("1").build();

        AllocationResult result =
                DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(alpha, untagged, blankProject));

        assertEmissions(onlyRowOf(result, "alpha").emissions(), scope1("30"));
        List<Allocation> unallocated = rowsOf(result, "unallocated");
        assertThat(unallocated)
                .extracting(Allocation::bucket, Allocation::workload, Allocation::stage)
                .containsExactly(
                        tuple(Bucket.UNALLOCATED, null, null),
                        tuple(
                                Bucket.UNALLOCATED, "llm-train", Stage.TRAINING));
        assertEmissions(unallocated.get(0).emissions(), scope1("15"));
        assertEmissions(unallocated.get(1).emissions(), scope1("15"));
        assertEmissions(result.buckets().get(Bucket.UNALLOCATED), scope1("30"));
    }

    /*
     *  cell c1: 100 kg scope 1, account A, eu-west-1 only
     *
     *  | line | account | region    | project | workload | list cost | in cell | share of c1 |
     *  |------|---------|-----------|---------|----------|-----------|---------|-------------|
     *  | l1   | A       | eu-west-1 | alpha   |          | 3         | yes     | 60          |
     *  | l2   | A       | us-east-1 | beta    |          | 1         | no      | -           |
     *  | l3   | A       | eu-west-1 | shared  | features | 2         | yes     | 40          |
     *  | l4   | B       | eu-west-1 | gamma   |          | 100       | no      | -           |
     *
     *  Direct usage of account A, all regions: alpha 3, beta 1 (gamma is in account B).
     *  l3's 40 kg -> alpha 40 * 3/4 = 30, beta 40 * 1/4 = 10, both in eu-west-1 as l3 is.
     */
    @Test
    void splitsSharedLinesByDirectUsageOfTheAccount() {
        EmissionsCell cell = cell("c1", scope1("100")).region(EU_WEST_1).build();
        List<UsageLine> lines = List.of(
                line("l1").region(EU_WEST_1).project("alpha").listCost("3").build(),
                line("l2").region(US_EAST_1).project("beta").listCost("1").build(),
                line("l3").region(EU_WEST_1).project("shared").workload("features")
                        .listCost("2").build(),
                line("l4").account(ACCOUNT_B).region(EU_WEST_1).project("gamma")
                        .listCost("100").build());

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), lines);

        List<Allocation> alpha = rowsOf(result, "alpha");
        assertThat(alpha).extracting(Allocation::workload).containsExactly(null, "features");
        assertThat(alpha.get(0).flags()).isEmpty();
        assertEmissions(alpha.get(0).emissions(), scope1("60"));
        assertThat(alpha.get(1).flags()).containsExactly(Flag.SHARED_SPLIT);
        assertEmissions(alpha.get(1).emissions(), scope1("30"));
        Allocation beta = onlyRowOf(result, "beta");
        assertThat(List.of(beta.region(), beta.workload())).containsExactly(EU_WEST_1, "features");
        assertThat(beta.flags()).containsExactly(Flag.SHARED_SPLIT);
        assertEmissions(beta.emissions(), scope1("10"));
        assertThat(rowsOf(result, "gamma")).isEmpty();
        assertEmissions(result.allocatedToProjects(), scope1("100"));
    }

    @Test
    void sendsSharedUsageToUnallocatedWhenNoProjectUsesTheAccountDirectly() {
        EmissionsCell cell = cell("c1", scope1("50")).build();
        UsageLine shared = line("l1").project("shared").listCost("1").build();
        UsageLine untagged = line("l2").listCost("1").build();

        AllocationResult result =
                DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(shared, untagged));

        List<Allocation> unallocated = rowsOf(result, "unallocated");
        assertThat(unallocated).extracting(Allocation::flags)
                .containsExactly(Set.of(), Set.of(Flag.SHARED_WITHOUT_PROJECTS));
        assertEmissions(unallocated.get(0).emissions(), scope1("25"));
        assertEmissions(unallocated.get(1).emissions(), scope1("25"));
        assertEmissions(result.allocatedToProjects(), Emissions.ZERO);
    }

    @Test
    void acceptsAwsUserPrefixedTags() {
        EmissionsCell cell = cell("c1", scope1("5")).build();
        UsageLine line = line("l1")
                .tag("user:ml-project", " alpha ")
                .tag("user:ml-workload", "rag")
                .tag("user:ml-stage", "inference")
                .listCost("1")
                .build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(line));

        Allocation row = onlyRowOf(result, "alpha");
        assertThat(row.workload()).isEqualTo("rag");
        assertThat(row.stage()).isEqualTo(Stage.INFERENCE);
        assertEmissions(row.emissions(), scope1("5"));
    }

    @Test
    void prefersTheUnprefixedTagWhenBothArePresent() {
        EmissionsCell cell = cell("c1", scope1("5")).build();
        UsageLine line = line("l1")
                .tag("ml-project", "alpha")
                .tag("user:ml-project", "beta")
                .listCost("1")
                .build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(line));

        assertThat(result.allocations()).extracting(Allocation::consumer).containsExactly("alpha");
    }

    @Test
    void flagsUnknownStage() {
        EmissionsCell cell = cell("c1", scope1("8")).build();
        UsageLine known = line("l1").project("alpha").stage(" Training ").listCost("1").build();
        UsageLine unknown = line("l2").project("alpha").stage("pretraining").listCost("3").build();

        AllocationResult result =
                DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(known, unknown));

        List<Allocation> alpha = rowsOf(result, "alpha");
        assertThat(alpha).extracting(Allocation::stage).containsExactly(null, Stage.TRAINING);
        assertThat(alpha.get(0).flags()).containsExactly(Flag.UNKNOWN_STAGE);
        assertEmissions(alpha.get(0).emissions(), scope1("6"));
        assertThat(alpha.get(1).flags()).isEmpty();
        assertEmissions(alpha.get(1).emissions(), scope1("2"));
    }
}
