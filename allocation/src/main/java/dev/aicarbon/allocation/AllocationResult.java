package dev.aicarbon.allocation;

import java.util.List;
import java.util.Map;

/**
 * The outcome of allocating one set of cells over one set of usage lines.
 *
 * <p>Invariant, enforced by {@link Allocator} before it returns: per component,
 * {@code input = allocatedToProjects + sum(buckets)} exactly.
 *
 * @param allocations rows aggregated by consumer and dimensions, in a deterministic order
 * @param input       sum of all cells' emissions
 * @param allocatedToProjects sum over project rows
 * @param buckets     sum per bucket, every bucket present (zero when empty)
 * @param cellsMatched cells that had at least one usage line with positive usage
 * @param cellsUnmatched cells sent whole to {@link Bucket#UNMATCHED}
 * @param linesUsed   usage lines of positive weight that a matched cell was split over
 */
public record AllocationResult(
        List<Allocation> allocations,
        Emissions input,
        Emissions allocatedToProjects,
        Map<Bucket, Emissions> buckets,
        int cellsMatched,
        int cellsUnmatched,
        int linesUsed) {

    public AllocationResult {
        allocations = List.copyOf(allocations);
        buckets = Map.copyOf(buckets);
    }
}
