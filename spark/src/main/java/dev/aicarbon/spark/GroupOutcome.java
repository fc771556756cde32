package dev.aicarbon.spark;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * What the engine made of one account group, or, summed, of the whole month (then without
 * rows and with {@code groups} counting the groups summed).
 *
 * @param rows        the group's allocation rows in the engine's order; empty in sums
 * @param input       the group's cells, summed
 * @param projects    allocated to projects
 * @param unallocated in the {@code unallocated} bucket
 * @param unmatched   in the {@code unmatched} bucket
 */
record GroupOutcome(
        String sortText,
        ArrayList<AllocationRow> rows,
        KgCo2eAmounts input,
        KgCo2eAmounts projects,
        KgCo2eAmounts unallocated,
        KgCo2eAmounts unmatched,
        long cells,
        long cellsMatched,
        long cellsUnmatched,
        long lines,
        long linesUsed,
        long groups) implements Serializable {

    static final GroupOutcome NONE = new GroupOutcome("", new ArrayList<>(), KgCo2eAmounts.ZERO,
            KgCo2eAmounts.ZERO, KgCo2eAmounts.ZERO, KgCo2eAmounts.ZERO, 0, 0, 0, 0, 0, 0);

    /** The counts and totals of both, without rows. */
    GroupOutcome plus(GroupOutcome other) {
        return new GroupOutcome("", new ArrayList<>(), input.plus(other.input),
                projects.plus(other.projects), unallocated.plus(other.unallocated),
                unmatched.plus(other.unmatched), cells + other.cells,
                cellsMatched + other.cellsMatched, cellsUnmatched + other.cellsUnmatched,
                lines + other.lines, linesUsed + other.linesUsed, groups + other.groups);
    }

    /** Projects plus both buckets: what conservation compares with the input. */
    KgCo2eAmounts allocated() {
        return projects.plus(unallocated).plus(unmatched);
    }
}
