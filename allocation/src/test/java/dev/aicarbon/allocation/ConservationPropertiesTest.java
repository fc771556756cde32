package dev.aicarbon.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Conservation and determinism on generated inputs: random cells (some narrowed, some with
 * combined totals, some in accounts without usage) over random lines (shared, untagged,
 * unknown stages, missing metrics, zero and negative usage).
 */
class ConservationPropertiesTest {

    record Scenario(AllocationPolicy policy, List<EmissionsCell> cells, List<UsageLine> lines) {

        AllocationResult allocate() {
            return new Allocator(policy).allocate(cells, lines);
        }
    }

    @Property
    void allocatesEveryComponentOfTheInputExactly(@ForAll("scenarios") Scenario scenario) {
        AllocationResult result = scenario.allocate();

        Emissions cellsTotal = sumOfCells(scenario);
        Emissions rowsTotal = sumOfRows(result, row -> true);
        // The contract allows 0.000001 kg; the rounding rule gives exact, so exact is tested.
        for (EmissionsComponent component : EmissionsComponent.values()) {
            assertThat(component.of(rowsTotal))
                    .as(component.fieldName())
                    .isEqualByComparingTo(component.of(cellsTotal));
        }
    }

    @Property
    void reportsTotalsThatMatchTheRows(@ForAll("scenarios") Scenario scenario) {
        AllocationResult result = scenario.allocate();

        TestData.assertEmissions(result.input(), sumOfCells(scenario));
        TestData.assertEmissions(result.allocatedToProjects(),
                sumOfRows(result, row -> row.project() != null));
        assertThat(result.buckets()).containsOnlyKeys(Bucket.values());
        for (Bucket bucket : Bucket.values()) {
            TestData.assertEmissions(result.buckets().get(bucket),
                    sumOfRows(result, row -> row.bucket() == bucket));
        }
        assertThat(result.cellsMatched() + result.cellsUnmatched())
                .isEqualTo(scenario.cells().size());
    }

    @Property
    void neverAllocatesANegativeAmount(@ForAll("scenarios") Scenario scenario) {
        AllocationResult result = scenario.allocate();

        for (Allocation row : result.allocations()) {
            for (EmissionsComponent component : EmissionsComponent.values()) {
                assertThat(component.of(row.emissions()))
                        .as("%s of %s", component.fieldName(), row)
                        .isGreaterThanOrEqualTo(BigDecimal.ZERO);
            }
        }
    }

    @Property
    void givesTheSameResultWhateverTheInputOrder(@ForAll("scenarios") Scenario scenario,
            @ForAll Random random) {
        List<EmissionsCell> cells = new ArrayList<>(scenario.cells());
        List<UsageLine> lines = new ArrayList<>(scenario.lines());
        Collections.shuffle(cells, random);
        Collections.shuffle(lines, random);

        AllocationResult shuffled = new Allocator(scenario.policy()).allocate(cells, lines);

        assertThat(shuffled).isEqualTo(scenario.allocate());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<AllocationPolicy> policies = Arbitraries.of(UsageMetric.class)
                .map(AllocationPolicy.DEFAULT::withMetric);
        Arbitrary<List<EmissionsCell>> cells = cell().list().ofMaxSize(12).map(TestData::numbered);
        Arbitrary<List<UsageLine>> lines = line().list().ofMaxSize(30).map(this::numberLines);
        return Combinators.combine(policies, cells, lines).as(Scenario::new);
    }

    // ---- generators -------------------------------------------------------------------------

    /** Account a4 has cells but never lines. */
    private Arbitrary<EmissionsCell> cell() {
        return Combinators.combine(
                        Arbitraries.of("aws", "gcp"),
                        Arbitraries.of("a1", "a2", "a3", "a4"),
                        months(),
                        Arbitraries.of("r1", "r2").injectNull(0.6),
                        Arbitraries.of("s1", "s2").injectNull(0.6),
                        emissions())
                .as((provider, account, month, region, service, emissions) ->
                        new EmissionsCell("unnumbered", provider, account, month, region, service,
                                emissions));
    }

    private Arbitrary<UsageLine> line() {
        return Combinators.combine(
                        Arbitraries.of("aws", "gcp"),
                        Arbitraries.of("a1", "a2", "a3"),
                        months(),
                        Arbitraries.of("r1", "r2").injectNull(0.2),
                        Arbitraries.of("s1", "s2").injectNull(0.2),
                        usage().list().ofSize(3),
                        tags())
                .as((provider, account, month, region, service, usage, tags) ->
                        new UsageLine("unnumbered", provider, account, month, region, service,
                                usage.get(0), usage.get(1), usage.get(2), tags));
    }

    private static Arbitrary<YearMonth> months() {
        return Arbitraries.of(YearMonth.of(2025, 4), YearMonth.of(2025, 5));
    }

    private static Arbitrary<Emissions> emissions() {
        Arbitrary<Emissions> byScope = Combinators
                .combine(kilograms(), kilograms(), kilograms(), kilograms())
                .as(Emissions::ofScopes);
        Arbitrary<Emissions> combinedTotals = Combinators
                .combine(kilograms(), kilograms())
                .as(Emissions::ofCombinedTotals);
        return Arbitraries.frequencyOf(
                Tuple.of(3, byScope),
                Tuple.of(1, combinedTotals));
    }

    /** Up to 1000 kg with 0 to 6 decimal places, often exactly zero. */
    private static Arbitrary<BigDecimal> kilograms() {
        Arbitrary<BigDecimal> amounts = Arbitraries.integers().between(0, 6)
                .flatMap(scale -> Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, new BigDecimal("1000"))
                        .ofScale(scale));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(4, amounts));
    }

    /** A metric value: missing, zero, a refund below zero, or positive. */
    private static Arbitrary<BigDecimal> usage() {
        Arbitrary<BigDecimal> positive = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0001"), new BigDecimal("500"))
                .ofScale(4);
        return Arbitraries.frequencyOf(
                Tuple.of(6, positive),
                Tuple.of(1, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(1, Arbitraries.just(new BigDecimal("-2.5"))))
                .injectNull(0.25);
    }

    private static Arbitrary<Map<String, String>> tags() {
        return Combinators.combine(
                        Arbitraries.of("ml-project", "user:ml-project"),
                        Arbitraries.of("alpha", "beta", " gamma ", "shared", "  ").injectNull(0.2),
                        Arbitraries.of("training", "Inference", "pretraining", "").injectNull(0.4),
                        Arbitraries.of("llm", "rag").injectNull(0.5))
                .as((projectKey, project, stage, workload) -> TestData.tagsOf(projectKey, project,
                        "ml-stage", stage, "ml-workload", workload));
    }



    /** Line ids must be unique for the result not to depend on input order. */
    private List<UsageLine> numberLines(List<UsageLine> lines) {
        return IntStream.range(0, lines.size())
                .mapToObj(i -> {
                    UsageLine line = lines.get(i);
                    return new UsageLine("line-" + i, line.provider(), line.accountId(),
                            line.month(), line.region(), line.service(), line.listCost(),
                            line.effectiveCost(), line.consumedQuantity(), line.tags());
                })
                .toList();
    }

    // ---- sums ---------------------------------------------------------------------------------

    private static Emissions sumOfCells(Scenario scenario) {
        return sum(scenario.cells().stream().map(EmissionsCell::emissions).toList());
    }

    private static Emissions sumOfRows(AllocationResult result, Predicate<Allocation> which) {
        return sum(result.allocations().stream()
                .filter(which)
                .map(Allocation::emissions)
                .toList());
    }

    private static Emissions sum(List<Emissions> amounts) {
        return amounts.stream().reduce(Emissions.ZERO, Emissions::plus);
    }
}
