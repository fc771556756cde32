package dev.aicarbon.spark;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Allocator;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.allocation.UsageMetric;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Allocates one account group (provider, account, month) on an executor with the engine
 * itself: {@code Allocator.singleThreaded(policy).allocate(cells, lines)}, nothing re-implemented
 * (one account per call: Spark brings the parallelism).
 *
 * <p>Why a group can be allocated alone: the engine matches a cell only to lines of its own
 * provider, account and month, and splits a shared line over the projects of that same
 * account and month; every row it emits carries the group's provider, account and month. So
 * the engine run over the whole month is the union of its runs over the groups, row for row,
 * and the groups' rows never share a key. The engine checks conservation for the group before
 * it returns; this class also refuses a row that names another account, which would break
 * that argument.
 */
final class AccountGroupAllocator implements Serializable {

    private final UsageMetric metric;
    private final String projectTagKey;
    private final String workloadTagKey;
    private final String stageTagKey;
    private final String sharedProjectValue;

    /** Keeps the policy's parts: {@link AllocationPolicy} itself is not serializable. */
    AccountGroupAllocator(AllocationPolicy policy) {
        this.metric = policy.metric();
        this.projectTagKey = policy.projectTagKey();
        this.workloadTagKey = policy.workloadTagKey();
        this.stageTagKey = policy.stageTagKey();
        this.sharedProjectValue = policy.sharedProjectValue();
    }

    GroupOutcome allocate(AccountGroupKey key, Iterable<CellRow> cellRows,
            Iterable<LineRow> lineRows) {
        List<EmissionsCell> cells = stream(cellRows).map(CellRow::toEmissionsCell).toList();
        List<UsageLine> lines = stream(lineRows).map(LineRow::toUsageLine).toList();

        AllocationResult result = Allocator.singleThreaded(policy()).allocate(cells, lines);

        ArrayList<AllocationRow> rows = new ArrayList<>(result.allocations().size());
        for (Allocation allocation : result.allocations()) {
            requireInGroup(allocation, key);
            rows.add(AllocationRow.of(allocation));
        }
        return new GroupOutcome(key.sortText(), rows, KgCo2eAmounts.of(result.input()),
                KgCo2eAmounts.of(result.allocatedToProjects()),
                KgCo2eAmounts.of(result.buckets().get(Bucket.UNALLOCATED)),
                KgCo2eAmounts.of(result.buckets().get(Bucket.UNMATCHED)),
                cells.size(), result.cellsMatched(), result.cellsUnmatched(), lines.size(),
                result.linesUsed(), 1);
    }

    private AllocationPolicy policy() {
        return new AllocationPolicy(metric, projectTagKey, workloadTagKey, stageTagKey,
                sharedProjectValue);
    }

    private static void requireInGroup(Allocation allocation, AccountGroupKey key) {
        boolean inGroup = allocation.provider().equals(key.provider())
                && allocation.accountId().equals(key.accountId())
                && allocation.month().toString().equals(key.month());
        if (!inGroup) {
            throw new IllegalStateException("the engine returned a row of "
                    + allocation.provider() + "/" + allocation.accountId() + "/"
                    + allocation.month() + " for the group of " + key.provider() + "/"
                    + key.accountId() + "/" + key.month()
                    + "; groups could then overlap and the job's sum would be wrong");
        }
    }

    private static <T> java.util.stream.Stream<T> stream(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false);
    }
}
