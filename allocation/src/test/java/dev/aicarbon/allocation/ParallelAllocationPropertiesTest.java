package dev.aicarbon.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Allocating accounts on several threads and merging gives exactly what one thread gives: the
 * same rows in the same order, each amount equal including its scale, the same flags, totals
 * and counts. Months are drawn over one account or many (two providers, four account ids, two
 * months), with cells in accounts that have no lines, ties of largest weights (line ids
 * repeat), negative and zero amounts, scope-combined cells, shared and untagged lines, and
 * amounts beyond twelve decimals in one account only, which the single thread redoes whole in
 * BigDecimal and the merge redoes for that account alone.
 */
class ParallelAllocationPropertiesTest {

    private static final YearMonth JUNE = YearMonth.of(2025, 6);
    private static final YearMonth JULY = YearMonth.of(2025, 7);

    /** Where lines may fall; cells also fall in account {@code a9}, which has none. */
    record Accounts(List<String> providers, List<String> accountIds, List<YearMonth> months) {
    }

    record Month(AllocationPolicy policy, List<EmissionsCell> cells, List<UsageLine> lines,
            int threads) {
    }

    @Property(tries = 1500)
    void mergesAccountsIntoExactlyTheSingleThreadedResult(@ForAll("months") Month month) {
        AllocationResult single = Allocator.singleThreaded(month.policy())
                .allocate(month.cells(), month.lines());

        AllocationResult merged = mergedRun(month, month.cells());

        assertThat(merged.allocations()).containsExactlyElementsOf(single.allocations());
        assertThat(merged).isEqualTo(single);
    }

    @Property(tries = 300)
    void redoesOnlyTheAccountBeyondLongsInBigDecimalToTheSameResult(
            @ForAll("months") Month month) {
        List<EmissionsCell> cells = month.cells().stream()
                .map(cell -> cell.accountId().equals("a1") ? withThirteenthDecimal(cell) : cell)
                .toList();
        AllocationResult single = Allocator.singleThreaded(month.policy())
                .allocate(cells, month.lines());

        AllocationResult merged = mergedRun(month, cells);

        assertThat(merged.allocations()).containsExactlyElementsOf(single.allocations());
        assertThat(merged).isEqualTo(single);
    }

    private static AllocationResult mergedRun(Month month, List<EmissionsCell> cells) {
        Emissions input = cells.stream()
                .map(EmissionsCell::emissions)
                .reduce(Emissions.ZERO, Emissions::plus);
        return new ParallelAllocation(new Allocator(month.policy()), month.threads())
                .allocate(cells, month.lines(), input);
    }

    private static EmissionsCell withThirteenthDecimal(EmissionsCell cell) {
        Emissions tiny = Emissions.ofScopes(new BigDecimal("3E-13"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
        return new EmissionsCell(cell.cellId(), cell.provider(), cell.accountId(), cell.month(),
                cell.region(), cell.service(), cell.resourceId(), cell.emissions().plus(tiny),
                cell.scope2LocationFromMarket());
    }

    @Provide
    Arbitrary<Month> months() {
        Accounts one = new Accounts(List.of("aws"), List.of("a1"), List.of(JUNE));
        Accounts many = new Accounts(List.of("aws", "gcp"), List.of("a1", "a2", "a3", "a4"),
                List.of(JUNE, JULY));
        return Arbitraries.of(one, many).flatMap(this::monthOver);
    }

    private Arbitrary<Month> monthOver(Accounts accounts) {
        Arbitrary<AllocationPolicy> policies = Arbitraries.of(UsageMetric.class)
                .map(AllocationPolicy.DEFAULT::withMetric);
        Arbitrary<List<EmissionsCell>> cells = cell(accounts).list().ofMaxSize(24)
                .map(TestData::numbered);
        Arbitrary<List<UsageLine>> lines = line(accounts).list().ofMaxSize(80);
        Arbitrary<Integer> threads = Arbitraries.integers().between(2, 4);
        return Combinators.combine(policies, cells, lines, threads).as(Month::new);
    }

    // ---- generators -------------------------------------------------------------------------

    private static Arbitrary<EmissionsCell> cell(Accounts accounts) {
        Arbitrary<String> accountIds = Arbitraries.of(accounts.accountIds())
                .injectNull(0.1)
                .map(id -> id == null ? "a9" : id);
        return Combinators.combine(
                        Arbitraries.of(accounts.providers()),
                        accountIds,
                        Arbitraries.of(accounts.months()),
                        Arbitraries.of("r1", "r2").injectNull(0.4),
                        Arbitraries.of("s1", "s2").injectNull(0.6),
                        Arbitraries.of("vm-1", "VM-1").injectNull(0.85),
                        emissions(),
                        Arbitraries.of(true, false))
                .as((provider, accountId, month, region, service, resource, emissions,
                        fromMarket) -> new EmissionsCell("unnumbered", provider, accountId,
                                month, region, service, resource, emissions, fromMarket));
    }

    private static Arbitrary<UsageLine> line(Accounts accounts) {
        Arbitrary<UsageLine> unplaced = Combinators.combine(
                        Arbitraries.integers().between(0, 5).map(id -> "line-" + id),
                        Arbitraries.of(accounts.providers()),
                        Arbitraries.of(accounts.accountIds()),
                        Arbitraries.of(accounts.months()),
                        Arbitraries.of("r1", "r2").injectNull(0.2),
                        Arbitraries.of("s1", "s2").injectNull(0.2),
                        weight().list().ofSize(3),
                        Arbitraries.of("vm-1", "vm-2").injectNull(0.5))
                .as((id, provider, accountId, month, region, service, usage, resource) ->
                        new UsageLine(id, provider, accountId, month, region, service,
                                usage.get(0), usage.get(1), usage.get(2), Map.of(), resource));
        return Combinators.combine(unplaced, tags())
                .as((line, tags) -> new UsageLine(line.lineId(), line.provider(),
                        line.accountId(), line.month(), line.region(), line.service(),
                        line.listCost(), line.effectiveCost(), line.consumedQuantity(), tags,
                        line.resourceId()));
    }

    private static Arbitrary<Emissions> emissions() {
        Arbitrary<Emissions> byScope = Combinators
                .combine(kilograms(), kilograms(), kilograms(), kilograms())
                .as(Emissions::ofScopes);
        Arbitrary<Emissions> combined = Combinators.combine(kilograms(), kilograms())
                .as(Emissions::ofCombinedTotals);
        return Arbitraries.frequencyOf(Tuple.of(3, byScope), Tuple.of(1, combined));
    }

    /** Negative corrections, zero, 0 to 12 decimals, and amounts small enough to dip. */
    private static Arbitrary<BigDecimal> kilograms() {
        Arbitrary<BigDecimal> scaled = Arbitraries.integers().between(0, 12)
                .flatMap(scale -> Arbitraries.bigDecimals()
                        .between(new BigDecimal("-40"), new BigDecimal("90000"))
                        .ofScale(scale));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(BigDecimal.ZERO, new BigDecimal("2E-12"),
                        new BigDecimal("5E+2"))),
                Tuple.of(5, scaled));
    }

    /** Few distinct values, so largest weights tie; mixed scales; null and negative. */
    private static Arbitrary<BigDecimal> weight() {
        Arbitrary<BigDecimal> scaled = Arbitraries.integers().between(0, 6)
                .flatMap(scale -> Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, new BigDecimal("5000"))
                        .ofScale(scale));
        return Arbitraries.frequencyOf(
                        Tuple.of(3, scaled),
                        Tuple.of(3, Arbitraries.of(new BigDecimal("4"), new BigDecimal("4.00"),
                                new BigDecimal("1E+1"))),
                        Tuple.of(1, Arbitraries.of(BigDecimal.ZERO, new BigDecimal("-3"))))
                .injectNull(0.1);
    }

    /** Direct projects, shared and untagged lines, known and unknown stages. */
    private static Arbitrary<Map<String, String>> tags() {
        return Combinators.combine(
                        Arbitraries.of("ml-project", "user:ml-project"),
                        Arbitraries.of("alpha", "beta", "gamma", "shared").injectNull(0.25),
                        Arbitraries.of("inference", "Training", "tuning").injectNull(0.4),
                        Arbitraries.of("llm", "vision").injectNull(0.5))
                .as((projectKey, project, stage, workload) -> TestData.tagsOf(projectKey, project,
                        "ml-stage", stage, "user:ml-workload", workload));
    }

}
