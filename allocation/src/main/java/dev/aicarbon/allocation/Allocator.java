package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits provider emissions cells over usage lines and attributes them to ML projects.
 *
 * <p><b>Matching.</b> A cell is split over the usage lines of its provider, account
 * ({@code SubAccountId}) and month and, where the cell names them, of its region and its
 * service (exact string equality) and of its resource (ignoring case). Lines are expected
 * to be {@code ChargeCategory = Usage} already.
 *
 * <p><b>Weights.</b> A line weighs its value of the policy's {@link UsageMetric}. When that is
 * null, its EffectiveCost is used and the line's rows carry
 * {@link Flag#METRIC_FALLBACK_EFFECTIVE_COST}; when that is null too, the line weighs zero and
 * carries {@link Flag#NO_USAGE_METRIC}. A negative value (a refund or correction that slipped
 * into usage) weighs zero. A cell with no line, or whose lines weigh zero in total, goes whole
 * to {@link Bucket#UNMATCHED} under its own dimensions, flagged {@link Flag#ZERO_USAGE} in the
 * second case.
 *
 * <p><b>Projects.</b> The project, workload and stage come from the tags named by the policy,
 * looked up as given and then behind AWS's {@code user:} prefix. A line without a project (or
 * with a blank one) goes to {@link Bucket#UNALLOCATED}, keeping its workload and stage. A stage
 * value that is not a {@link Stage} leaves the stage null and flags {@link Flag#UNKNOWN_STAGE}.
 *
 * <p><b>Shared lines.</b> A line whose project is the policy's shared value has its share of
 * each cell split again over the projects with direct usage in the same provider, account and
 * month (all regions and services), in proportion to their total direct weight. Those rows keep
 * the shared line's dimensions and carry {@link Flag#SHARED_SPLIT}. With no such project the
 * share goes to {@link Bucket#UNALLOCATED} flagged {@link Flag#SHARED_WITHOUT_PROJECTS}.
 *
 * <p><b>Rounding.</b> Each split (a cell over its lines, a shared share over projects) treats
 * the six components of {@link Emissions} separately, and combined totals are never turned
 * into scopes. A share is {@code component × weight ÷ totalWeight} rounded HALF_EVEN to 12
 * decimal places of kgCO2e, except for the largest weight, whose share is the component minus
 * the sum of the other shares; among equal largest weights the first takes it (lines in
 * lineId order, projects in name order). Every split thus adds up exactly to what it split.
 * Known shortcoming: the remainder absorbs up to 0.5e-12 kg per other share, so for n weights
 * it can dip below zero, by at most (n−1) × 0.5e-12 kg, and only when the component is below
 * n(n−1) × 0.5e-12 kg (under 5e-7 kg over 1,000 lines). A largest-remainder rule would lift it.
 *
 * <p><b>Conservation.</b> Before returning, per component, the sum of the cells must equal
 * the project rows plus every bucket exactly; otherwise {@link IllegalStateException}.
 *
 * <p><b>Two paths, one result.</b> A run is made on unscaled longs ({@link UnscaledAllocation})
 * when every amount has at most 12 decimals and every value and sum fits in a long (and the
 * distinct values fit its packed keys), and in {@link BigDecimal} otherwise; both follow the
 * rules above to the same rows, amounts (scale included), flags, order and totals. A property
 * test holds them to it.
 *
 * <p><b>Threads.</b> A call of at least {@value #MIN_LINES_FOR_THREADS} lines over two or more
 * accounts (provider, account id and month) may allocate the accounts on several threads and
 * merge them ({@link ParallelAllocation}); the result is the one a single thread gives, row for
 * row, since nothing in the rules above crosses accounts (a property test holds it to that).
 * By default an allocator uses up to {@link Runtime#availableProcessors()} threads, so a whole
 * month in one call uses the machine's cores; a call whose lines are all of one account stays
 * on the calling thread (one pass comparing each line's account to the first's tells it).
 * {@link #singleThreaded} keeps every call on the calling thread and skips that pass: the
 * service and the Spark job use it, since they split the month by account and bring their
 * own parallelism. Worker threads are daemons, made per call and shut down before it returns.
 *
 * <p>Immutable and thread-safe; each call works on its own state.
 */
public final class Allocator {

    /** Fewer lines than this are allocated on the calling thread: threads would cost more. */
    static final int MIN_LINES_FOR_THREADS = 10_000;

    private final LineReader reader;
    private final int threads;

    /** An allocator for {@code policy}, not null, using up to as many threads as cores. */
    public Allocator(AllocationPolicy policy) {
        this(policy, Runtime.getRuntime().availableProcessors());
    }

    /**
     * An allocator for {@code policy}, not null, using up to {@code threads} threads per call,
     * the calling thread included.
     *
     * @throws IllegalArgumentException if {@code threads} is below 1
     */
    public Allocator(AllocationPolicy policy, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.reader = new LineReader(Objects.requireNonNull(policy, "policy"));
        this.threads = threads;
    }

    /** An allocator for {@code policy} that works on the calling thread alone. */
    public static Allocator singleThreaded(AllocationPolicy policy) {
        return new Allocator(policy, 1);
    }

    /**
     * Allocates {@code cells} over {@code lines}. Neither list nor any element may be null;
     * line ids are assumed unique (they order ties, see {@link AccountUsage}).
     *
     * @return rows in a deterministic order, with totals that conserve the input exactly
     */
    public AllocationResult allocate(List<EmissionsCell> cells, List<UsageLine> lines) {
        Emissions input = totalOf(cells);
        if (threads > 1 && lines.size() >= MIN_LINES_FOR_THREADS) {
            return new ParallelAllocation(this, threads).allocate(cells, lines, input);
        }
        return allocateOnCallingThread(cells, lines, input);
    }

    /** The run on the calling thread; {@code input} is the sum of the cells. */
    AllocationResult allocateOnCallingThread(List<EmissionsCell> cells, List<UsageLine> lines,
            Emissions input) {
        try {
            return new UnscaledAllocation(reader).allocate(cells, lines, input);
        } catch (UnscaledOverflow beyondLongs) {
            return allocateInBigDecimal(cells, lines);
        }
    }

    /**
     * The run over some accounts' cells and lines as a part to merge: in unscaled longs when
     * they fit, else in BigDecimal. Called by several threads at once: each call has its own
     * state.
     */
    AllocationPart allocatePart(List<EmissionsCell> cells, List<UsageLine> lines) {
        try {
            return new UnscaledAllocation(reader).part(cells, lines);
        } catch (UnscaledOverflow beyondLongs) {
            return AllocationPart.of(allocateInBigDecimal(cells, lines));
        }
    }

    /** The run in {@link BigDecimal} throughout: any scale, any magnitude. */
    AllocationResult allocateInBigDecimal(List<EmissionsCell> cells, List<UsageLine> lines) {
        // Plan:
        // 1. Read each line once: weight, project, workload, stage, flags.
        // 2. Index the lines by provider, account and month, so a cell only scans its own
        //    account; each index also totals its projects' direct weights.
        // 3. For each cell, take the lines it covers and split it over them by weight, or send
        //    it whole to UNMATCHED.
        // 4. Route each line's share: to its project, to UNALLOCATED, or, for a shared line,
        //    split again over the account's projects.
        // 5. Aggregate rows, check conservation, total the result (Ledger).
        Map<AccountKey, AccountUsage> usageByAccount = indexByAccount(lines);

        Ledger ledger = new Ledger();
        SharedShares shared = new SharedShares();
        for (EmissionsCell cell : cells) {
            AccountKey account = AccountKey.of(cell);
            allocateCell(cell, usageByAccount.getOrDefault(account, AccountUsage.NONE), ledger, shared);
        }
        shared.splitInto(ledger);

        return ledger.close(totalOf(cells));
    }

    /** Steps 1 and 2. */
    private Map<AccountKey, AccountUsage> indexByAccount(List<UsageLine> lines) {
        return lines.stream()
                .map(reader::read)
                .collect(Collectors.groupingBy(
                        weighed -> AccountKey.of(weighed.line()),
                        Collectors.collectingAndThen(Collectors.toList(), AccountUsage::new)));
    }

    /** Step 3. */
    private void allocateCell(EmissionsCell cell, AccountUsage usage, Ledger ledger, SharedShares shared) {
        List<WeighedLine> covered = usage.coveredBy(cell);
        List<BigDecimal> weights = covered.stream().map(WeighedLine::weight).toList();
        boolean anyWeight = weights.stream().anyMatch(weight -> weight.signum() > 0);

        if (!anyWeight) {
            sendToUnmatched(cell, !covered.isEmpty(), ledger);
            return;
        }

        List<Emissions> shares = ProportionalSplit.split(cell.emissions(), weights);
        Set<Flag> cellFlags = cellFlags(cell);
        for (int i = 0; i < covered.size(); i++) {
            route(covered.get(i), shares.get(i), cellFlags, usage, ledger, shared);
        }
        ledger.countMatched(covered);
    }

    private void sendToUnmatched(EmissionsCell cell, boolean hadLines, Ledger ledger) {
        Set<Flag> flags = cellFlags(cell);
        if (hadLines) {
            flags.add(Flag.ZERO_USAGE);
        }

        ledger.add(RowKey.unmatched(cell, flags), cell.emissions());
        ledger.countUnmatched();
    }

    /** Step 4. */
    private void route(WeighedLine line, Emissions share, Set<Flag> cellFlags,
            AccountUsage usage, Ledger ledger, SharedShares shared) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(line.flags());
        flags.addAll(cellFlags);

        if (line.shared()) {
            splitShared(line, share, flags, usage, ledger, shared);
        } else if (line.isUntagged()) {
            ledger.add(RowKey.forBucket(line, Bucket.UNALLOCATED, flags), share);
        } else {
            ledger.add(RowKey.forProject(line, line.project(), flags), share);
        }
    }

    /**
     * A shared line's share waits in {@code shared}, summed with the other shares of the same
     * account and row, and is split over the account's projects once at the end: the split
     * then costs one pass per row, not one per line and cell.
     */
    private void splitShared(WeighedLine line, Emissions share, Set<Flag> flags, AccountUsage usage,
            Ledger ledger, SharedShares shared) {
        if (usage.directWeightByProject().isEmpty()) {
            flags.add(Flag.SHARED_WITHOUT_PROJECTS);
            ledger.add(RowKey.forBucket(line, Bucket.UNALLOCATED, flags), share);
            return;
        }

        flags.add(Flag.SHARED_SPLIT);
        shared.add(usage, RowKey.forProject(line, null, flags), share);
    }

    /** The flags every row from this cell carries; a fresh, mutable set. */
    private static Set<Flag> cellFlags(EmissionsCell cell) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (cell.emissions().hasCombinedTotals()) {
            flags.add(Flag.SCOPE_COMBINED);
        }
        if (cell.scope2LocationFromMarket()) {
            flags.add(Flag.SCOPE2_LOCATION_FROM_MARKET);
        }
        return flags;
    }

    private static Emissions totalOf(List<EmissionsCell> cells) {
        return cells.stream()
                .map(EmissionsCell::emissions)
                .reduce(Emissions.ZERO, Emissions::plus);
    }
}
