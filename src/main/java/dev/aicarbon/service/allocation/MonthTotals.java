package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A month's totals, summed exactly over the results of its account groups. Sums of
 * {@link Emissions} are exact, so the order of the groups does not change them.
 */
final class MonthTotals {

    private final int cellsRead;
    private final Map<Bucket, Emissions> buckets = new EnumMap<>(Bucket.class);
    private Emissions input = Emissions.ZERO;
    private Emissions allocatedToProjects = Emissions.ZERO;
    private int cellsMatched;
    private int cellsUnmatched;
    private int linesRead;
    private int linesUsed;
    private long rows;

    MonthTotals(int cellsRead) {
        this.cellsRead = cellsRead;
        for (Bucket bucket : Bucket.values()) {
            buckets.put(bucket, Emissions.ZERO);
        }
    }

    /**
     * Adds one result row computed elsewhere (the Spark job), with the input it came from
     * counted by the caller through {@link #addInput}.
     */
    void addRow(dev.aicarbon.allocation.Allocation row) {
        if (row.bucket() == null) {
            allocatedToProjects = allocatedToProjects.plus(row.emissions());
        } else {
            buckets.merge(row.bucket(), row.emissions(), Emissions::plus);
        }
        rows++;
    }

    /** Counts input and line figures reported by an external run, for its record. */
    void addInput(Emissions amount, int matched, int unmatched, int lines, int used) {
        input = input.plus(amount);
        cellsMatched += matched;
        cellsUnmatched += unmatched;
        linesRead += lines;
        linesUsed += used;
    }

    /** Adds one group's result, of {@code lines} usage lines. */
    void add(AllocationResult result, int lines) {
        input = input.plus(result.input());
        allocatedToProjects = allocatedToProjects.plus(result.allocatedToProjects());
        result.buckets().forEach((bucket, amount) -> buckets.merge(bucket, amount, Emissions::plus));
        cellsMatched += result.cellsMatched();
        cellsUnmatched += result.cellsUnmatched();
        linesRead += lines;
        linesUsed += result.linesUsed();
        rows += result.allocations().size();
    }

    /**
     * Checks, per component, that the month's input equals what projects received plus every
     * bucket, exactly; the engine checked each group, this checks their sum as written.
     *
     * @throws IllegalStateException naming the component that is not conserved
     */
    void requireConserved() {
        Emissions output = buckets.values().stream().reduce(allocatedToProjects, Emissions::plus);
        Emissions difference = input.minus(output);
        if (!difference.isEqualByValue(Emissions.ZERO)) {
            throw new IllegalStateException("the month's groups did not conserve the input: input "
                    + input + ", projects and buckets " + output);
        }
        if (cellsMatched + cellsUnmatched != cellsRead) {
            throw new IllegalStateException(cellsRead + " cells read but " + cellsMatched
                    + " matched and " + cellsUnmatched + " unmatched");
        }
    }

    Emissions input() {
        return input;
    }

    Emissions allocatedToProjects() {
        return allocatedToProjects;
    }

    Map<Bucket, Emissions> buckets() {
        return Collections.unmodifiableMap(buckets);
    }

    int cellsRead() {
        return cellsRead;
    }

    int cellsMatched() {
        return cellsMatched;
    }

    int cellsUnmatched() {
        return cellsUnmatched;
    }

    int linesRead() {
        return linesRead;
    }

    int linesUsed() {
        return linesUsed;
    }

    long rows() {
        return rows;
    }
}
