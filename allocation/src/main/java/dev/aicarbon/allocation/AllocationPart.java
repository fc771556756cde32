package dev.aicarbon.allocation;

import java.util.List;

/**
 * What one run over part of the accounts gives before it is merged with the other parts: its
 * rows, in no particular order and not yet checked for conservation, and its counts.
 *
 * @param rows           aggregated rows; no two share a key, and none shares a key with a row
 *                       of another account's part, since every row names its account
 * @param cellsMatched   as {@link AllocationResult#cellsMatched}, for this part's cells
 * @param cellsUnmatched as {@link AllocationResult#cellsUnmatched}
 * @param linesUsed      as {@link AllocationResult#linesUsed}, for this part's lines
 */
record AllocationPart(List<Allocation> rows, int cellsMatched, int cellsUnmatched,
        int linesUsed) {

    /** A whole run's result seen as one part (its rows happen to be sorted already). */
    static AllocationPart of(AllocationResult result) {
        return new AllocationPart(result.allocations(), result.cellsMatched(),
                result.cellsUnmatched(), result.linesUsed());
    }
}
