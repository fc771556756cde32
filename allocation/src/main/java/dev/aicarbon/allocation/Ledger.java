package dev.aicarbon.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the amounts of one allocation run by row, counts cells and lines, and closes the
 * run into an {@link AllocationResult} once conservation is checked. Not thread-safe: one
 * ledger per run.
 */
final class Ledger {

    /**
     * Rows by consumer name, then project rows before a bucket of the same name, then the
     * dimensions with nulls first, then the flags as a bit set in declaration order.
     */
    static final Comparator<Allocation> ROW_ORDER = Comparator
            .comparing(Allocation::consumer)
            .thenComparing(Allocation::bucket, nullsFirst())
            .thenComparing(Allocation::workload, nullsFirst())
            .thenComparing(Allocation::stage, nullsFirst())
            .thenComparing(Allocation::provider)
            .thenComparing(Allocation::accountId)
            .thenComparing(Allocation::month)
            .thenComparing(Allocation::region, nullsFirst())
            .thenComparing(Allocation::service, nullsFirst())
            .thenComparingInt(allocation -> bitSet(allocation.flags()));

    private static final int TOTAL_SLICES = 4;

    private final Map<RowKey, Emissions> amountByRow = new HashMap<>();
    private final Set<WeighedLine> linesUsed = Collections.newSetFromMap(new IdentityHashMap<>());
    private int cellsMatched;
    private int cellsUnmatched;

    void add(RowKey row, Emissions amount) {
        amountByRow.merge(row, amount, Emissions::plus);
    }

    /** Counts a cell split over {@code lines}; those of positive weight count as used. */
    void countMatched(List<WeighedLine> lines) {
        cellsMatched++;
        lines.stream()
                .filter(line -> line.weight().signum() > 0)
                .forEach(linesUsed::add);
    }

    void countUnmatched() {
        cellsUnmatched++;
    }

    /**
     * The run's result. Enforces the invariant: per component, {@code input} equals the
     * project rows plus every bucket, exactly.
     *
     * @throws IllegalStateException naming the first component that is not conserved
     */
    AllocationResult close(Emissions input) {
        return close(sortedRows(), input, cellsMatched, cellsUnmatched, linesUsed.size());
    }

    /**
     * A result of rows already aggregated and in {@link #ROW_ORDER}, with the same invariant
     * enforced as {@link #close(Emissions)}.
     */
    static AllocationResult close(List<Allocation> rows, Emissions input, int cellsMatched,
            int cellsUnmatched, int linesUsed) {
        return close(rows, input, cellsMatched, cellsUnmatched, linesUsed,
                tasks -> tasks.forEach(Runnable::run));
    }

    /**
     * As {@link #close(List, Emissions, int, int, int)}, the totals summed over
     * {@value #TOTAL_SLICES} slices of the rows by tasks that {@code runAll} may run on several
     * threads (returning once all are done), then added slice by slice. BigDecimal sums are
     * exact, their scale the largest added, so the totals do not depend on the slicing.
     */
    static AllocationResult close(List<Allocation> rows, Emissions input, int cellsMatched,
            int cellsUnmatched, int linesUsed, Consumer<List<Runnable>> runAll) {
        Emissions[] projectsBySlice = new Emissions[TOTAL_SLICES];
        List<Map<Bucket, Emissions>> bucketsBySlice = new ArrayList<>(
                Collections.nCopies(TOTAL_SLICES, null));
        List<Runnable> slices = new ArrayList<>();
        for (int slice = 0; slice < TOTAL_SLICES; slice++) {
            int index = slice;
            List<Allocation> part = rows.subList(rows.size() * slice / TOTAL_SLICES,
                    rows.size() * (slice + 1) / TOTAL_SLICES);
            slices.add(() -> {
                projectsBySlice[index] = projectTotal(part);
                bucketsBySlice.set(index, bucketTotals(part));
            });
        }
        runAll.accept(slices);
        Emissions toProjects = Arrays.stream(projectsBySlice)
                .reduce(Emissions.ZERO, Emissions::plus);
        Map<Bucket, Emissions> buckets = bucketTotals(List.of());
        bucketsBySlice.forEach(slice -> slice.forEach((bucket, total) ->
                buckets.merge(bucket, total, Emissions::plus)));

        requireConserved(input, toProjects, buckets);

        return new AllocationResult(rows, input, toProjects, buckets,
                cellsMatched, cellsUnmatched, linesUsed);
    }

    private List<Allocation> sortedRows() {
        return amountByRow.entrySet().stream()
                .map(entry -> entry.getKey().toAllocation(entry.getValue()))
                .sorted(ROW_ORDER)
                .toList();
    }

    private static Emissions projectTotal(List<Allocation> rows) {
        return rows.stream()
                .filter(row -> row.project() != null)
                .map(Allocation::emissions)
                .reduce(Emissions.ZERO, Emissions::plus);
    }

    private static Map<Bucket, Emissions> bucketTotals(List<Allocation> rows) {
        Map<Bucket, Emissions> totals = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            totals.put(bucket, Emissions.ZERO);
        }
        rows.stream()
                .filter(row -> row.bucket() != null)
                .forEach(row -> totals.merge(row.bucket(), row.emissions(), Emissions::plus));
        return totals;
    }

    private static void requireConserved(Emissions input, Emissions toProjects,
            Map<Bucket, Emissions> buckets) {
        Emissions output = buckets.values().stream().reduce(toProjects, Emissions::plus);
        for (EmissionsComponent component : EmissionsComponent.values()) {
            if (component.of(input).compareTo(component.of(output)) != 0) {
                throw new IllegalStateException("allocation did not conserve "
                        + component.fieldName() + ": input " + component.of(input)
                        + ", allocated to projects and buckets " + component.of(output));
            }
        }
    }

    private static <T extends Comparable<? super T>> Comparator<T> nullsFirst() {
        return Comparator.nullsFirst(Comparator.naturalOrder());
    }

    private static int bitSet(Set<Flag> flags) {
        return flags.stream()
                .mapToInt(flag -> 1 << flag.ordinal())
                .sum();
    }
}
