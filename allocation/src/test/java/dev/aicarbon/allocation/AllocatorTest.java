package dev.aicarbon.allocation;

import static dev.aicarbon.allocation.TestData.ACCOUNT_B;
import static dev.aicarbon.allocation.TestData.AWS;
import static dev.aicarbon.allocation.TestData.DEFAULT_ALLOCATOR;
import static dev.aicarbon.allocation.TestData.EC2;
import static dev.aicarbon.allocation.TestData.EU_WEST_1;
import static dev.aicarbon.allocation.TestData.MAY_2025;
import static dev.aicarbon.allocation.TestData.S3;
import static dev.aicarbon.allocation.TestData.US_EAST_1;
import static dev.aicarbon.allocation.TestData.assertEmissions;
import static dev.aicarbon.allocation.TestData.cell;
import static dev.aicarbon.allocation.TestData.combined;
import static dev.aicarbon.allocation.TestData.line;
import static dev.aicarbon.allocation.TestData.onlyRowOf;
import static dev.aicarbon.allocation.TestData.rowsOf;
import static dev.aicarbon.allocation.TestData.scope1;
import static dev.aicarbon.allocation.TestData.scopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    private static final Emissions KG_100_ACROSS_SCOPES = scopes("100", "40", "20", "8");

    @Test
    void splitsCellInProportionToListCost() {
        EmissionsCell cell = cell("c1", KG_100_ACROSS_SCOPES).build();
        UsageLine alpha = line("l1").project("alpha").listCost("1").build();
        UsageLine beta = line("l2").project("beta").listCost("3").build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(alpha, beta));

        assertEmissions(onlyRowOf(result, "alpha").emissions(), scopes("25", "10", "5", "2"));
        assertEmissions(onlyRowOf(result, "beta").emissions(), scopes("75", "30", "15", "6"));
        assertThat(result.cellsMatched()).isEqualTo(1);
        assertThat(result.linesUsed()).isEqualTo(2);
    }

    @Test
    void narrowsAResourceCellToThatResourceIgnoringCase() {
        String vm = "/subscriptions/s1/resourceGroups/ml/providers/Microsoft.Compute/virtualMachines/gpu1";
        EmissionsCell cell = cell("c1", scope1("12")).resource(vm).build();
        UsageLine sameVm = line("l1").project("alpha").listCost("1")
                .resource(vm.toUpperCase(java.util.Locale.ROOT)).build();
        UsageLine otherVm = line("l2").project("beta").listCost("99").resource(vm + "x").build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(sameVm, otherVm));

        assertEmissions(onlyRowOf(result, "alpha").emissions(), scope1("12"));
        assertThat(rowsOf(result, "beta")).isEmpty();
    }

    @Test
    void flagsEveryRowOfACellWhoseLocationBasedScope2IsTheMarketFigure() {
        EmissionsCell cell = cell("c1", scopes("1", "5", "5", "2")).scope2LocationFromMarket().build();
        UsageLine alpha = line("l1").project("alpha").listCost("1").build();
        UsageLine untagged = line("l2").listCost("1").build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(alpha, untagged));

        assertThat(result.allocations())
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.flags()).contains(Flag.SCOPE2_LOCATION_FROM_MARKET));
    }

    @Test
    void splitsByConsumedQuantityWhenThePolicySaysSo() {
        Allocator byQuantity =
                new Allocator(AllocationPolicy.DEFAULT.withMetric(UsageMetric.CONSUMED_QUANTITY));
        EmissionsCell cell = cell("c1", scope1("50")).build();
        UsageLine alpha = line("l1").project("alpha").listCost("100").consumedQuantity("1").build();
        UsageLine beta = line("l2").project("beta").listCost("1").consumedQuantity("4").build();

        AllocationResult result = byQuantity.allocate(List.of(cell), List.of(alpha, beta));

        assertEmissions(onlyRowOf(result, "alpha").emissions(), scope1("10"));
        assertEmissions(onlyRowOf(result, "beta").emissions(), scope1("40"));
    }

    @Test
    void keepsCellWithoutUsageInUnmatchedKeyedByCell() {
        EmissionsCell cellOfB = cell("c1", scope1("42"))
                .account(ACCOUNT_B)
                .region(EU_WEST_1)
                .service(EC2)
                .build();
        UsageLine lineOfA = line("l1").project("alpha").listCost("5").build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cellOfB), List.of(lineOfA));

        Allocation row = onlyRowOf(result, "unmatched");
        assertThat(row.bucket()).isEqualTo(Bucket.UNMATCHED);
        assertThat(List.of(row.provider(), row.accountId(), row.month(), row.region(),
                row.service()))
                .containsExactly(AWS, ACCOUNT_B, MAY_2025, EU_WEST_1, EC2);
        assertThat(row.flags()).isEmpty();
        assertEmissions(row.emissions(), scope1("42"));
        assertThat(result.allocations()).hasSize(1);
        assertThat(List.of(result.cellsMatched(), result.cellsUnmatched(), result.linesUsed()))
                .containsExactly(0, 1, 0);
    }

    @Test
    void sendsCellWhoseUsageSumsToZeroToUnmatchedFlaggedZeroUsage() {
        EmissionsCell cell = cell("c1", scope1("7")).build();
        UsageLine free = line("l1").project("alpha").listCost("0").build();
        UsageLine refund = line("l2").project("beta").listCost("-3").build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(free, refund));

        Allocation row = onlyRowOf(result, "unmatched");
        assertThat(row.flags()).containsExactly(Flag.ZERO_USAGE);
        assertEmissions(row.emissions(), scope1("7"));
        assertThat(result.allocations()).hasSize(1);
    }

    @Test
    void countsNegativeUsageAsZero() {
        EmissionsCell cell = cell("c1", scope1("10")).build();
        UsageLine alpha = line("l1").project("alpha").listCost("4").build();
        UsageLine beta = line("l2").project("beta").listCost("-4").build();

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), List.of(alpha, beta));

        assertEmissions(onlyRowOf(result, "alpha").emissions(), scope1("10"));
        assertEmissions(onlyRowOf(result, "beta").emissions(), scope1("0"));
    }

    /*
     *  cell c1: 90 kg scope 1, policy metric LIST_COST
     *
     *  | line | project | list cost | effective cost | weight | share | flag                |
     *  |------|---------|-----------|----------------|--------|-------|---------------------|
     *  | l1   | alpha   | 2         | 5              | 2      | 60    |                     |
     *  | l2   | beta    | -         | 1              | 1      | 30    | fallback to eff.    |
     *  | l3   | gamma   | -         | -              | 0      | 0     | no usage metric     |
     */
    @Test
    void fallsBackToEffectiveCostAndFlagsIt() {
        EmissionsCell cell = cell("c1", scope1("90")).build();
        List<UsageLine> lines = List.of(
                line("l1").project("alpha").listCost("2").effectiveCost("5").build(),
                line("l2").project("beta").effectiveCost("1").build(),
                line("l3").project("gamma").build());

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), lines);

        assertThat(onlyRowOf(result, "alpha").flags()).isEmpty();
        assertEmissions(onlyRowOf(result, "alpha").emissions(), scope1("60"));
        assertThat(onlyRowOf(result, "beta").flags())
                .containsExactly(Flag.METRIC_FALLBACK_EFFECTIVE_COST);
        assertEmissions(onlyRowOf(result, "beta").emissions(), scope1("30"));
        assertThat(onlyRowOf(result, "gamma").flags()).containsExactly(Flag.NO_USAGE_METRIC);
        assertEmissions(onlyRowOf(result, "gamma").emissions(), Emissions.ZERO);
        assertThat(result.linesUsed()).isEqualTo(2);
    }

    @Test
    void neverSplitsScopeCombinedTotals() {
        EmissionsCell totalsOnly = cell("c1", combined("80", "40")).build();
        EmissionsCell totalsOfB = cell("c2", combined("9", "3")).account(ACCOUNT_B).build();
        UsageLine alpha = line("l1").project("alpha").listCost("1").build();
        UsageLine beta = line("l2").project("beta").listCost("3").build();

        AllocationResult result =
                DEFAULT_ALLOCATOR.allocate(List.of(totalsOnly, totalsOfB), List.of(alpha, beta));

        assertEmissions(onlyRowOf(result, "alpha").emissions(), combined("20", "10"));
        assertEmissions(onlyRowOf(result, "beta").emissions(), combined("60", "30"));
        assertEmissions(onlyRowOf(result, "unmatched").emissions(), combined("9", "3"));
        assertThat(result.allocations())
                .allSatisfy(row -> assertThat(row.flags()).containsExactly(Flag.SCOPE_COMBINED));
    }

    /*
     *  | line | region    | service | project | list cost | c1 (eu-west-1, EC2) | c2 (us-east-1) |
     *  |------|-----------|---------|---------|-----------|---------------------|----------------|
     *  | l1   | eu-west-1 | EC2     | alpha   | 1         | 10                  |                |
     *  | l2   | eu-west-1 | S3      | beta    | 1         |                     |                |
     *  | l3   | us-east-1 | EC2     | gamma   | 1         |                     | 2              |
     *  | l4   | (none)    | EC2     | delta   | 1         |                     |                |
     *  | l5   | us-east-1 | S3      | epsilon | 2         |                     | 4              |
     */
    @Test
    void narrowsCellToItsRegionAndService() {
        EmissionsCell euEc2 = cell("c1", scope1("10")).region(EU_WEST_1).service(EC2).build();
        EmissionsCell usEast = cell("c2", scope1("6")).region(US_EAST_1).build();
        List<UsageLine> lines = List.of(
                line("l1").region(EU_WEST_1).service(EC2).project("alpha").listCost("1").build(),
                line("l2").region(EU_WEST_1).service(S3).project("beta").listCost("1").build(),
                line("l3").region(US_EAST_1).service(EC2).project("gamma").listCost("1").build(),
                line("l4").service(EC2).project("delta").listCost("1").build(),
                line("l5").region(US_EAST_1).service(S3).project("epsilon").listCost("2").build());

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(euEc2, usEast), lines);

        assertThat(result.allocations())
                .extracting(Allocation::consumer)
                .containsExactly("alpha", "epsilon", "gamma");
        assertEmissions(onlyRowOf(result, "alpha").emissions(), scope1("10"));
        assertEmissions(onlyRowOf(result, "gamma").emissions(), scope1("2"));
        assertEmissions(onlyRowOf(result, "epsilon").emissions(), scope1("4"));
    }

    @Test
    void addsUpLinesOfTheSameRowButKeepsDifferentFlagsApart() {
        EmissionsCell cell = cell("c1", scope1("12")).build();
        List<UsageLine> lines = List.of(
                line("l1").project("alpha").listCost("1").build(),
                line("l2").project("alpha").listCost("2").build(),
                line("l3").project("alpha").effectiveCost("3").build());

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), lines);

        List<Allocation> alpha = rowsOf(result, "alpha");
        assertThat(alpha).extracting(Allocation::flags)
                .containsExactly(Set.of(), Set.of(Flag.METRIC_FALLBACK_EFFECTIVE_COST));
        assertEmissions(alpha.get(0).emissions(), scope1("6"));
        assertEmissions(alpha.get(1).emissions(), scope1("6"));
    }

    /*
     *  1 kg over three equal weights: 1/3 rounds to 0.333333333333 (12 places); the first
     *  line by lineId, l1, takes the remainder 1 - 2 * 0.333333333333 = 0.333333333334.
     */
    @Test
    void givesTheRoundingRemainderToTheFirstOfEqualLargestLinesByLineId() {
        EmissionsCell cell = cell("c1", scope1("1")).build();
        List<UsageLine> lines = List.of(
                line("l2").project("beta").listCost("1").build(),
                line("l3").project("gamma").listCost("1").build(),
                line("l1").project("alpha").listCost("1").build());

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(cell), lines);

        assertThat(onlyRowOf(result, "alpha").emissions().scope1KgCo2e())
                .isEqualByComparingTo("0.333333333334");
        assertThat(onlyRowOf(result, "beta").emissions().scope1KgCo2e())
                .isEqualByComparingTo("0.333333333333");
        assertThat(onlyRowOf(result, "gamma").emissions().scope1KgCo2e())
                .isEqualByComparingTo("0.333333333333");
    }

    @Test
    void ordersRowsByConsumerThenDimensionsWithNullsFirst() {
        EmissionsCell wholeAccount = cell("c1", scope1("4")).build();
        EmissionsCell orphan = cell("c2", scope1("1")).account(ACCOUNT_B).build();
        List<UsageLine> lines = List.of(
                line("l1").region(US_EAST_1).project("beta").listCost("1").build(),
                line("l2").region(EU_WEST_1).listCost("1").build(),
                line("l3").region(US_EAST_1).project("alpha").listCost("1").build(),
                line("l4").project("alpha").listCost("1").build());

        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(orphan, wholeAccount), lines);

        assertThat(result.allocations())
                .extracting(Allocation::consumer, Allocation::region)
                .containsExactly(
                        tuple("alpha", null),
                        tuple("alpha", US_EAST_1),
                        tuple("beta", US_EAST_1),
                        tuple("unallocated", EU_WEST_1),
                        tuple("unmatched", null));
    }

    @Test
    void givesIdenticalResultsForShuffledInput() {
        List<EmissionsCell> cells = List.of(
                cell("c1", scope1("10")).region(EU_WEST_1).build(),
                cell("c2", combined("7", "3")).build(),
                cell("c3", scope1("1")).account(ACCOUNT_B).build());
        List<UsageLine> lines = List.of(
                line("l1").region(EU_WEST_1).project("alpha").listCost("1").build(),
                line("l2").region(EU_WEST_1).project("shared").listCost("1").build(),
                line("l3").region(US_EAST_1).project("beta").listCost("2").build(),
                line("l4").region(US_EAST_1).listCost("1").build());
        List<EmissionsCell> cellsReversed = new ArrayList<>(cells);
        Collections.reverse(cellsReversed);
        List<UsageLine> linesReversed = new ArrayList<>(lines);
        Collections.reverse(linesReversed);

        AllocationResult forward = DEFAULT_ALLOCATOR.allocate(cells, lines);
        AllocationResult backward = DEFAULT_ALLOCATOR.allocate(cellsReversed, linesReversed);

        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void reportsEveryBucketEvenWhenEmpty() {
        AllocationResult result = DEFAULT_ALLOCATOR.allocate(List.of(), List.of());

        assertThat(result.allocations()).isEmpty();
        assertThat(result.buckets()).containsOnlyKeys(Bucket.values());
        assertThat(result.buckets().values())
                .allSatisfy(total -> assertEmissions(total, Emissions.ZERO));
        assertEmissions(result.input(), Emissions.ZERO);
    }

    @Test
    void totalsInputProjectsAndBuckets() {
        EmissionsCell matched = cell("c1", scope1("9")).build();
        EmissionsCell orphan = cell("c2", scope1("4")).account(ACCOUNT_B).build();
        UsageLine alpha = line("l1").project("alpha").listCost("2").build();
        UsageLine untagged = line("l2").listCost("1").build();

        AllocationResult result =
                DEFAULT_ALLOCATOR.allocate(List.of(matched, orphan), List.of(alpha, untagged));

        assertEmissions(result.input(), scope1("13"));
        assertEmissions(result.allocatedToProjects(), scope1("6"));
        assertThat(result.buckets()).hasSize(2);
        assertEmissions(result.buckets().get(Bucket.UNALLOCATED), scope1("3"));
        assertEmissions(result.buckets().get(Bucket.UNMATCHED), scope1("4"));
        assertThat(result.cellsMatched()).isEqualTo(1);
        assertThat(result.cellsUnmatched()).isEqualTo(1);
    }
}
