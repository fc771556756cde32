package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Allocator;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Allocates a month one account group at a time: lines arrive grouped by provider and account,
 * and each group is allocated with the engine together with its own cells, so only one
 * account's lines are held at once.
 *
 * <p>Why the month's result is the union of the groups' results, row for row: the engine
 * matches a cell only to lines of its own provider, account and month, splits a shared line
 * only over projects of that same account and month, and every row it emits carries the
 * group's provider and account; so no row, share or tie-break crosses groups, and the groups'
 * rows never share a key. The month's totals are then the exact sums of the groups' totals
 * ({@link MonthTotals}). Cells of accounts without a line are allocated last, with no lines:
 * whole to the unmatched bucket, as in a whole-month call. Every row is checked to name its
 * group, since a row that did not would break that argument.
 *
 * <p>The order of the groups changes nothing: each group's rows are its own, and the totals
 * are exact sums. The lines within a group reach the engine in the order read, which the
 * engine does not depend on either (ties are broken by line id).
 *
 * <p>Not thread-safe; one per run.
 */
final class AccountGroupAllocation {

    private final Allocator allocator;
    private final Map<GroupKey, List<EmissionsCell>> cellsByGroup = new LinkedHashMap<>();
    private final Set<GroupKey> allocated = new HashSet<>();
    private final Consumer<List<Allocation>> groupRows;
    private final MonthTotals totals;
    private GroupKey current;
    private List<UsageLine> currentLines = new ArrayList<>();

    /**
     * @param cells     the month's cells, in the order a whole-month call would take them
     * @param groupRows receives each group's rows once it is allocated
     */
    AccountGroupAllocation(AllocationPolicy policy, List<EmissionsCell> cells,
            Consumer<List<Allocation>> groupRows) {
        this.allocator = Allocator.singleThreaded(policy);
        this.groupRows = groupRows;
        this.totals = new MonthTotals(cells.size());
        for (EmissionsCell cell : cells) {
            cellsByGroup.computeIfAbsent(new GroupKey(cell.provider(), cell.accountId()),
                    key -> new ArrayList<>()).add(cell);
        }
    }

    /**
     * Takes the next line. Lines of one provider and account must come together: a line of a
     * group already allocated is refused, since its share would be computed without it.
     */
    void add(UsageLine line) {
        if (current == null || !current.contains(line)) {
            GroupKey next = new GroupKey(line.provider(), line.accountId());
            if (allocated.contains(next)) {
                throw new IllegalStateException("usage lines of " + next
                        + " did not come together; the month cannot be allocated by account");
            }
            allocateCurrent();
            current = next;
        }
        currentLines.add(line);
    }

    /**
     * Allocates all the lines of one account at once; accounts may come in any order, each
     * once. Not to be mixed with {@link #add}.
     */
    void addAccount(List<UsageLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        for (UsageLine line : lines) {
            add(line);
        }
        allocateCurrent();
    }

    /** Allocates the last group and the cells no line matched; answers the month's totals. */
    MonthTotals finish() {
        allocateCurrent();
        List<EmissionsCell> withoutLines = new ArrayList<>();
        cellsByGroup.values().forEach(withoutLines::addAll);
        cellsByGroup.clear();
        if (!withoutLines.isEmpty()) {
            AllocationResult result = allocator.allocate(withoutLines, List.of());
            totals.add(result, 0);
            groupRows.accept(result.allocations());
        }
        totals.requireConserved();
        return totals;
    }

    private void allocateCurrent() {
        if (current == null) {
            return;
        }
        List<EmissionsCell> cells = cellsByGroup.getOrDefault(current, List.of());
        cellsByGroup.remove(current);
        AllocationResult result = allocator.allocate(cells, currentLines);
        requireInGroup(result.allocations(), current);
        totals.add(result, currentLines.size());
        groupRows.accept(result.allocations());
        allocated.add(current);
        current = null;
        currentLines = new ArrayList<>();
    }

    private static void requireInGroup(List<Allocation> rows, GroupKey group) {
        for (Allocation row : rows) {
            if (!group.provider().equals(row.provider()) || !group.accountId().equals(row.accountId())) {
                throw new IllegalStateException("the engine returned a row of " + row.provider() + "/"
                        + row.accountId() + " for the group " + group
                        + "; groups could overlap and the month's sums would be wrong");
            }
        }
    }

    /** One provider account; the month is the run's. */
    private record GroupKey(String provider, String accountId) {

        boolean contains(UsageLine line) {
            return provider.equals(line.provider()) && accountId.equals(line.accountId());
        }

        @Override
        public String toString() {
            return provider + "/" + accountId;
        }
    }
}
