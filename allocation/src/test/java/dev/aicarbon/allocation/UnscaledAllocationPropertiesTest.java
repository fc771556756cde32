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
 * The long-arithmetic path gives what the BigDecimal path gives: the same rows in the same
 * order, each amount equal including its scale ({@link BigDecimal#equals}), the same flags,
 * totals and counts. Inputs are drawn to hit the corners: ties of largest weights broken by
 * line id (ids repeat), single-line cells, negative and zero amounts, amounts of 0 to 12
 * decimals, weights of mixed scales, resource cells in differing case, shared lines in
 * accounts with and without projects.
 */
class UnscaledAllocationPropertiesTest {

    record Scenario(AllocationPolicy policy, List<EmissionsCell> cells, List<UsageLine> lines) {
    }

    @Property(tries = 2000)
    void givesExactlyTheResultOfTheBigDecimalPath(@ForAll("scenarios") Scenario scenario) {
        Allocator allocator = new Allocator(scenario.policy());
        AllocationResult reference = allocator.allocateInBigDecimal(scenario.cells(),
                scenario.lines());

        AllocationResult fast = new UnscaledAllocation(new LineReader(scenario.policy()))
                .allocate(scenario.cells(), scenario.lines(), reference.input());

        assertThat(fast.allocations()).containsExactlyElementsOf(reference.allocations());
        assertThat(fast).isEqualTo(reference);
    }

    @Property(tries = 200)
    void fallsBackToBigDecimalForAmountsBeyondTwelveDecimals(
            @ForAll("scenarios") Scenario scenario) {
        List<EmissionsCell> cells = scenario.cells().stream()
                .map(cell -> new EmissionsCell(cell.cellId(), cell.provider(), cell.accountId(),
                        cell.month(), cell.region(), cell.service(), cell.resourceId(),
                        cell.emissions().plus(Emissions.ofScopes(new BigDecimal("1E-13"),
                                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)),
                        cell.scope2LocationFromMarket()))
                .toList();
        Allocator allocator = new Allocator(scenario.policy());

        AllocationResult result = allocator.allocate(cells, scenario.lines());

        assertThat(result).isEqualTo(allocator.allocateInBigDecimal(cells, scenario.lines()));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<AllocationPolicy> policies = Arbitraries.of(UsageMetric.class)
                .map(AllocationPolicy.DEFAULT::withMetric);
        Arbitrary<List<EmissionsCell>> cells = cell().list().ofMaxSize(10).map(TestData::numbered);
        Arbitrary<List<UsageLine>> lines = line().list().ofMaxSize(40);
        return Combinators.combine(policies, cells, lines).as(Scenario::new);
    }

    // ---- generators -------------------------------------------------------------------------

    /** Account a3 has cells but never lines. */
    private Arbitrary<EmissionsCell> cell() {
        return Combinators.combine(
                        Arbitraries.of("a1", "a2", "a3"),
                        Arbitraries.of("r1", "r2").injectNull(0.4),
                        Arbitraries.of("s1", "s2").injectNull(0.6),
                        Arbitraries.of("vm-1", "VM-1", "vm-2").injectNull(0.8),
                        emissions(),
                        Arbitraries.of(true, false))
                .as((account, region, service, resource, emissions, fromMarket) ->
                        new EmissionsCell("unnumbered", "aws", account, MONTH, region, service,
                                resource, emissions, fromMarket));
    }

    private Arbitrary<UsageLine> line() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 9).map(id -> "line-" + id),
                        Arbitraries.of("a1", "a2"),
                        Arbitraries.of("r1", "r2").injectNull(0.2),
                        Arbitraries.of("s1", "s2").injectNull(0.2),
                        weight().list().ofSize(3),
                        tags(),
                        Arbitraries.of("vm-1", "vm-2").injectNull(0.5))
                .as((id, account, region, service, usage, tags, resource) ->
                        new UsageLine(id, "aws", account, MONTH, region, service, usage.get(0),
                                usage.get(1), usage.get(2), tags, resource));
    }

    private static final YearMonth MONTH = YearMonth.of(2025, 6);

    private static Arbitrary<Emissions> emissions() {
        Arbitrary<Emissions> byScope = Combinators
                .combine(kilograms(), kilograms(), kilograms(), kilograms())
                .as(Emissions::ofScopes);
        Arbitrary<Emissions> combinedTotals = Combinators
                .combine(kilograms(), kilograms())
                .as(Emissions::ofCombinedTotals);
        return Arbitraries.frequencyOf(Tuple.of(2, byScope), Tuple.of(1, combinedTotals));
    }

    /** Corrections below zero too; 0 to 12 decimals; tiny amounts that make remainders dip. */
    private static Arbitrary<BigDecimal> kilograms() {
        Arbitrary<BigDecimal> amounts = Arbitraries.integers().between(0, 12)
                .flatMap(scale -> Arbitraries.bigDecimals()
                        .between(new BigDecimal("-50"), new BigDecimal("100000"))
                        .ofScale(scale));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(1, Arbitraries.of(new BigDecimal("1E-12"), new BigDecimal("7E-12"),
                        new BigDecimal("2E+3"))),
                Tuple.of(5, amounts));
    }

    /** Repeated values make ties of the largest weight; scales differ within an account. */
    private static Arbitrary<BigDecimal> weight() {
        Arbitrary<BigDecimal> anyScale = Arbitraries.integers().between(0, 8)
                .flatMap(scale -> Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, new BigDecimal("99999"))
                        .ofScale(scale));
        return Arbitraries.frequencyOf(
                        Tuple.of(4, anyScale),
                        Tuple.of(3, Arbitraries.of(new BigDecimal("2"), new BigDecimal("2.000"),
                                new BigDecimal("0.5"), new BigDecimal("3E+2"))),
                        Tuple.of(1, Arbitraries.of(BigDecimal.ZERO, new BigDecimal("-1.25"))))
                .injectNull(0.15);
    }

    private static Arbitrary<Map<String, String>> tags() {
        return Combinators.combine(
                        Arbitraries.of("ml-project", "user:ml-project"),
                        Arbitraries.of("alpha", "beta", " alpha", "shared", " ").injectNull(0.2),
                        Arbitraries.of("training", "DATA ", "pretraining").injectNull(0.4),
                        Arbitraries.of("llm", "rag").injectNull(0.5))
                .as((projectKey, project, stage, workload) -> TestData.tagsOf(projectKey, project,
                        "user:ml-stage", stage, "ml-workload", workload));
    }


}
