package dev.aicarbon.allocation;

import dev.aicarbon.allocation.AccountLines.LineKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One allocation run by {@link Allocator}'s rules on unscaled longs instead of
 * {@link BigDecimal}s: the same shares, rows, flags, order and totals (every amount at the
 * scale the BigDecimal rule would give it), at a fraction of the cost.
 *
 * <p><b>Why it is exact.</b> Amounts are held as whole multiples of 10^-12 kg, the scale of
 * every rounded share, and the weights of one account as whole multiples of 10^-s for their
 * largest scale s. A share {@code amount × weight ÷ total} rounded HALF_EVEN to 12 places is
 * then the integer quotient of a 128-bit product, rounded the same way; sums are long sums.
 * Whatever does not fit (an amount with more than 12 decimals, a value or sum beyond a long,
 * more distinct tag or dimension values than a packed line key holds: 65,535 projects,
 * 262,143 workloads, 1,023 regions, 16,383 services) throws {@link UnscaledOverflow}, and the
 * caller redoes the run in BigDecimal.
 *
 * <p><b>Why it is fast.</b> Each line is read once into a {@link LineKey}; a row's number is
 * looked up once per line key and cell flags, not per line; lines are never sorted (the tie
 * of equal largest weights is broken by comparing the tied lines' ids); only the result rows
 * are sorted. Not thread-safe: one instance per run.
 */
final class UnscaledAllocation {

    private static final int SHARE_SCALE = ExactSplit.SHARE_SCALE;
    private static final int COMPONENTS = RowTotals.COMPONENTS;
    private static final EmissionsComponent[] COMPONENT_ORDER = EmissionsComponent.values();

    private final LineReader reader;
    private final Map<String, Optional<Stage>> stageByValue = new HashMap<>();
    private final StringIds projects = new StringIds(16);
    private final StringIds workloads = new StringIds(18);
    private final StringIds regions = new StringIds(10);
    private final StringIds services = new StringIds(14);
    private final Map<AccountKey, AccountLines> accounts = new HashMap<>();
    private final RowTotals rows = new RowTotals();
    private final Map<AccountLines, RowTotals> sharedByAccount = new IdentityHashMap<>();
    private final long[] amounts = new long[COMPONENTS];
    private final int[] amountScales = new int[COMPONENTS];
    private final long[] othersTotal = new long[COMPONENTS];
    private int[] covered = new int[64];
    private int cellsMatched;
    private int cellsUnmatched;

    UnscaledAllocation(LineReader reader) {
        this.reader = reader;
    }

    /** The run; {@code input} is the sum of the cells, computed by the caller. */
    AllocationResult allocate(List<EmissionsCell> cells, List<UsageLine> lines, Emissions input) {
        AllocationPart part = part(cells, lines);

        return Ledger.close(RowRanks.sorted(part.rows()), input, part.cellsMatched(),
                part.cellsUnmatched(), part.linesUsed());
    }

    /**
     * The run's rows, unsorted and unchecked, and its counts: all of {@link #allocate} but
     * sorting and closing, for a caller that merges the runs of several account groups.
     */
    AllocationPart part(List<EmissionsCell> cells, List<UsageLine> lines) {
        // Plan:
        // 1. Read each line once into its account: weight as a long, row identity as a key.
        // 2. Seal each account: one weight scale, lines by region, projects' direct weights.
        // 3. Split each cell over the lines it covers, share by share, into row totals;
        //    shares of shared lines wait in their account's own totals.
        // 4. Split each waiting shared total over the account's projects.
        // 5. Turn the totals into rows (sorting and closing are the caller's).
        readLines(lines);
        accounts.values().forEach(AccountLines::seal);
        for (EmissionsCell cell : cells) {
            allocateCell(cell);
        }
        sharedByAccount.forEach(this::splitShared);

        return new AllocationPart(rowsInOrderOpened(), cellsMatched, cellsUnmatched,
                linesUsed());
    }

    /**
     * Step 1, in one pass: each line is touched once, since at a million lines the cost of this
     * step is mostly fetching the lines from memory, not the work done on them.
     */
    private void readLines(List<UsageLine> lines) {
        AccountNumbers numbers = new AccountNumbers();
        List<AccountLines> byNumber = new ArrayList<>();
        for (UsageLine line : lines) {
            int number = numbers.numberOf(line);
            if (number == byNumber.size()) {
                AccountLines opened = new AccountLines(numbers.key(number));
                byNumber.add(opened);
                accounts.put(opened.account(), opened);
            }
            AccountLines account = byNumber.get(number);
            account.add(line, reader.weight(line), lineKeyId(account, line));
        }
    }

    /**
     * The number of the line's key within its account. The key's parts are numbered per run
     * and packed into a long, so a line already seen costs a few lookups and no allocation:
     * bits 0-15 project, 16-33 workload, 34-43 region, 44-57 service, 58-60 stage, 61-63
     * the line's flags.
     */
    private int lineKeyId(AccountLines account, UsageLine line) {
        String project = reader.project(line);
        String workload = reader.workload(line);
        String stageValue = reader.stageValue(line);
        Stage stage = stageValue == null
                ? null
                : stageByValue.computeIfAbsent(stageValue, Stage::fromTag).orElse(null);
        int flags = reader.weightFlags(line);
        if (stage == null && stageValue != null) {
            flags |= FlagMasks.of(Flag.UNKNOWN_STAGE);
        }
        int projectId = projects.idOf(project);
        int workloadId = workloads.idOf(workload);
        int regionId = regions.idOf(line.region());
        int serviceId = services.idOf(line.service());
        long packed = projectId
                | (long) workloadId << 16
                | (long) regionId << 34
                | (long) serviceId << 44
                | (long) (stage == null ? 0 : stage.ordinal() + 1) << 58
                | (long) packedFlags(flags) << 61;

        int id = account.lineKeyId(packed);
        if (id >= 0) {
            return id;
        }
        return account.addLineKey(packed, new LineKey(projects.value(projectId),
                reader.isShared(project), workloads.value(workloadId), stage,
                regions.value(regionId), services.value(serviceId), flags));
    }

    /** The three flags a line can raise on its own, as three bits. */
    private static int packedFlags(int flags) {
        return ((flags & FlagMasks.of(Flag.METRIC_FALLBACK_EFFECTIVE_COST)) != 0 ? 1 : 0)
                | ((flags & FlagMasks.of(Flag.NO_USAGE_METRIC)) != 0 ? 2 : 0)
                | ((flags & FlagMasks.of(Flag.UNKNOWN_STAGE)) != 0 ? 4 : 0);
    }

    /** Step 3. */
    private void allocateCell(EmissionsCell cell) {
        readAmounts(cell.emissions());
        int cellFlags = cellFlags(cell);
        AccountLines account = accounts.get(AccountKey.of(cell));
        int count = account == null ? 0 : cover(account, cell);
        long totalWeight = 0;
        for (int i = 0; i < count; i++) {
            totalWeight = UnscaledArithmetic.plus(totalWeight, account.weight(covered[i]));
        }

        if (totalWeight == 0) {
            int flags = count > 0 ? cellFlags | FlagMasks.of(Flag.ZERO_USAGE) : cellFlags;
            addAmounts(rows, rows.idOf(RowKey.unmatched(cell, FlagMasks.toSet(flags))));
            cellsUnmatched++;
            return;
        }

        splitOverLines(account, count, totalWeight, cellFlags);
        cellsMatched++;
    }

    private void readAmounts(Emissions emissions) {
        for (int k = 0; k < COMPONENTS; k++) {
            BigDecimal amount = COMPONENT_ORDER[k].of(emissions);
            amounts[k] = UnscaledArithmetic.unscaled(amount, SHARE_SCALE);
            amountScales[k] = amount.scale();
        }
    }

    /** Fills {@code covered} with the positions of the lines the cell covers; their count. */
    private int cover(AccountLines account, EmissionsCell cell) {
        int[] candidates = account.candidates(cell.region());
        if (covered.length < candidates.length) {
            covered = new int[candidates.length];
        }
        String service = cell.service();
        String resource = cell.resourceId();
        int count = 0;
        for (int position : candidates) {
            UsageLine line = account.line(position);
            if ((service == null || service.equals(line.service()))
                    && (resource == null || resource.equalsIgnoreCase(line.resourceId()))) {
                covered[count++] = position;
            }
        }
        return count;
    }

    /**
     * Every covered line but the remainder's gets its rounded share of each component; the
     * remainder line gets what is left. A single line takes the whole amount.
     */
    private void splitOverLines(AccountLines account, int count, long totalWeight,
            int cellFlags) {
        int remainderPosition = remainderPosition(account, count);
        int cellFlagsIndex = cellFlagsIndex(cellFlags);
        Arrays.fill(othersTotal, 0);
        RowTotals remainderTotals = null;
        int remainderRow = -1;
        for (int i = 0; i < count; i++) {
            int position = covered[i];
            account.markUsed(position);
            int row = rowOf(account, position, cellFlagsIndex, cellFlags);
            RowTotals totals = row >= 0 ? rows : sharedByAccount.get(account);
            int id = row >= 0 ? row : -row - 2;
            if (count == 1) {
                addWholeAmounts(totals, id);
            } else if (position == remainderPosition) {
                remainderTotals = totals;
                remainderRow = id;
            } else {
                addShares(totals, id, account.weight(position), totalWeight);
            }
        }
        if (remainderTotals != null) {
            for (int k = 0; k < COMPONENTS; k++) {
                remainderTotals.add(remainderRow, k,
                        UnscaledArithmetic.minus(amounts[k], othersTotal[k]), SHARE_SCALE);
            }
        }
    }

    private void addShares(RowTotals totals, int row, long weight, long totalWeight) {
        for (int k = 0; k < COMPONENTS; k++) {
            long share = UnscaledArithmetic.share(amounts[k], weight, totalWeight);
            othersTotal[k] = UnscaledArithmetic.plus(othersTotal[k], share);
            totals.add(row, k, share, SHARE_SCALE);
        }
    }

    /**
     * A split over one weight: the amount minus a zero sum of other shares, which in
     * BigDecimal carries the amount's scale but at least 0.
     */
    private void addWholeAmounts(RowTotals totals, int row) {
        for (int k = 0; k < COMPONENTS; k++) {
            totals.add(row, k, amounts[k], Math.max(amountScales[k], 0));
        }
    }

    private void addAmounts(RowTotals totals, int row) {
        for (int k = 0; k < COMPONENTS; k++) {
            totals.add(row, k, amounts[k], amountScales[k]);
        }
    }

    /**
     * The covered line of the largest weight; among equal ones the smallest line id, and among
     * equal ids the first in input order: the line {@link AccountUsage}'s stable sort by id
     * followed by {@link ExactSplit}'s first largest weight would pick.
     */
    private int remainderPosition(AccountLines account, int count) {
        int best = covered[0];
        for (int i = 1; i < count; i++) {
            int position = covered[i];
            long weight = account.weight(position);
            long bestWeight = account.weight(best);
            if (weight > bestWeight || (weight == bestWeight && account.line(position).lineId()
                    .compareTo(account.line(best).lineId()) < 0)) {
                best = position;
            }
        }
        return best;
    }

    /**
     * The row a line's shares go to under cells of these flags: a number in {@link #rows}, or,
     * for a shared line waiting to be split, {@code -id - 2} for its account's shared totals.
     *
     * <p>Rows are opened without a lookup: within an account, distinct line keys under the same
     * cell flags make distinct rows, since the line's flags, the cell's flags and the routing
     * flags ({@code SHARED_*}) are disjoint sets; rows of other accounts differ by account; and
     * unmatched rows, the only ones that can repeat, are looked up.
     */
    private int rowOf(AccountLines account, int position, int cellFlagsIndex, int cellFlags) {
        int cached = account.cachedRow(cellFlagsIndex, position);
        if (cached != -1) {
            return cached;
        }
        LineKey key = account.lineKey(position);
        int flags = key.flags() | cellFlags;
        int row;
        if (key.shared() && account.projects().length > 0) {
            RowTotals shared = sharedByAccount.computeIfAbsent(account, any -> new RowTotals());
            row = -shared.openUnique(rowKey(account, key, null, null,
                    flags | FlagMasks.of(Flag.SHARED_SPLIT))) - 2;
        } else if (key.shared()) {
            row = rows.openUnique(rowKey(account, key, null, Bucket.UNALLOCATED,
                    flags | FlagMasks.of(Flag.SHARED_WITHOUT_PROJECTS)));
        } else if (key.project() == null) {
            row = rows.openUnique(rowKey(account, key, null, Bucket.UNALLOCATED, flags));
        } else {
            row = rows.openUnique(rowKey(account, key, key.project(), null, flags));
        }
        account.cacheRow(cellFlagsIndex, position, row);
        return row;
    }

    private static RowKey rowKey(AccountLines account, LineKey key, String project,
            Bucket bucket, int flags) {
        AccountKey id = account.account();
        return new RowKey(project, bucket, key.workload(), key.stage(), id.provider(),
                id.accountId(), id.month(), key.region(), key.service(), FlagMasks.toSet(flags));
    }

    private static int cellFlags(EmissionsCell cell) {
        int flags = 0;
        if (cell.emissions().hasCombinedTotals()) {
            flags |= FlagMasks.of(Flag.SCOPE_COMBINED);
        }
        if (cell.scope2LocationFromMarket()) {
            flags |= FlagMasks.of(Flag.SCOPE2_LOCATION_FROM_MARKET);
        }
        return flags;
    }

    private static int cellFlagsIndex(int cellFlags) {
        return ((cellFlags & FlagMasks.of(Flag.SCOPE_COMBINED)) != 0 ? 1 : 0)
                | ((cellFlags & FlagMasks.of(Flag.SCOPE2_LOCATION_FROM_MARKET)) != 0 ? 2 : 0);
    }

    /**
     * Step 4: each waiting total is split over the account's projects by direct weight, in
     * project name order, the first largest weight taking the remainder.
     */
    private void splitShared(AccountLines account, RowTotals shared) {
        String[] projectNames = account.projects();
        long[] weights = account.projectWeights();
        long totalWeight = 0;
        int remainder = 0;
        for (int j = 0; j < weights.length; j++) {
            totalWeight = UnscaledArithmetic.plus(totalWeight, weights[j]);
            if (weights[j] > weights[remainder]) {
                remainder = j;
            }
        }
        int[] targets = new int[projectNames.length];
        for (int pending = 0; pending < shared.size(); pending++) {
            RowKey key = shared.key(pending);
            for (int j = 0; j < projectNames.length; j++) {
                targets[j] = rows.openUnique(key.withProject(projectNames[j]));
            }
            for (int k = 0; k < COMPONENTS; k++) {
                splitComponent(shared, pending, k, targets, weights, totalWeight, remainder);
            }
        }
    }

    private void splitComponent(RowTotals shared, int pending, int k, int[] targets,
            long[] weights, long totalWeight, int remainder) {
        long amount = shared.amount(pending, k);
        if (targets.length == 1) {
            rows.add(targets[0], k, amount, Math.max(shared.scale(pending, k), 0));
            return;
        }
        long others = 0;
        for (int j = 0; j < targets.length; j++) {
            if (j != remainder) {
                long share = UnscaledArithmetic.share(amount, weights[j], totalWeight);
                others = UnscaledArithmetic.plus(others, share);
                rows.add(targets[j], k, share, SHARE_SCALE);
            }
        }
        rows.add(targets[remainder], k, UnscaledArithmetic.minus(amount, others), SHARE_SCALE);
    }

    /** Step 5. */
    private List<Allocation> rowsInOrderOpened() {
        List<Allocation> allocations = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            allocations.add(rows.key(row).toAllocation(rows.emissions(row)));
        }
        return allocations;
    }

    private int linesUsed() {
        int used = 0;
        for (AccountLines account : accounts.values()) {
            used += account.usedCount();
        }
        return used;
    }
}
