package dev.aicarbon.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One allocation run split by account (provider, account id and month) over a few threads,
 * merged into exactly the result the run on one thread gives.
 *
 * <p><b>Why the merge is exact.</b> A cell is split only over lines of its own account, a
 * shared line's share only over projects of its own account, a tie only among the lines of one
 * cell; and every row, unmatched ones included, names its provider, account and month. So no
 * share, tie-break or row crosses accounts: the run over all accounts is the union of the runs
 * over each, and rows of different accounts never share a key, so concatenating the parts'
 * rows merges nothing and loses nothing. Sorting them into {@link Ledger#ROW_ORDER}, a total
 * order on rows of distinct keys, gives the single run's order whichever part finished first.
 * The counts are sums; the input is the caller's sum of every cell; conservation is checked on
 * the merged rows, as the single run checks it. An account whose amounts do not fit longs is
 * redone in BigDecimal on its own, where the single run redoes every account: both paths give
 * the same rows (see {@link UnscaledAllocation}), so that changes the cost only.
 *
 * <p><b>Threads.</b> A pool of up to {@code threads - 1} daemon threads is made per call and
 * shut down before the call returns; the calling thread works too, on every step: numbering
 * the lines' accounts (in contiguous chunks), allocating the accounts (largest first, each by
 * one thread, so a month of one huge account gains little) and ranking the merged rows (one
 * task per sort level). Lines all of one account are allocated on the calling thread alone,
 * no thread started. Not thread-safe: one instance per run.
 */
final class ParallelAllocation {

    /** The cells and lines of one account, each in input order. */
    private record Group(List<EmissionsCell> cells, List<UsageLine> lines) {
    }

    /** A chunk's lines by their account's number among {@code numbers}, in input order. */
    private record Chunk(AccountNumbers numbers, List<List<UsageLine>> linesByAccount) {
    }

    private final Allocator allocator;
    private final int threads;

    /** A run by {@code allocator}'s rules on at most {@code threads} threads, at least 2. */
    ParallelAllocation(Allocator allocator, int threads) {
        this.allocator = allocator;
        this.threads = threads;
    }

    /** The run; {@code input} is the sum of the cells, computed by the caller. */
    AllocationResult allocate(List<EmissionsCell> cells, List<UsageLine> lines, Emissions input) {
        // Plan:
        // 1. Number each line's account, the lines cut into one contiguous chunk per thread.
        // 2. Gather each account's cells and lines, each in input order.
        // 3. Allocate the accounts on the threads, largest first, each into its own part.
        // 4. Concatenate the parts' rows, sort them once (ranking the sort levels on the
        //    threads) and close as the single run does.
        if (oneAccount(lines)) {
            return allocator.allocateOnCallingThread(cells, lines, input);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads - 1,
                ParallelAllocation::daemonThread);
        try {
            Chunk[] chunks = numberAccounts(lines, pool);
            List<Group> groups = gather(cells, chunks);

            AllocationPart[] parts = allocateGroups(groups, pool);

            return merge(parts, input, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether every line is of the first line's account (or there is none): then there is
     * nothing to share out, and no thread is started. Stops at the first line of another account.
     */
    private static boolean oneAccount(List<UsageLine> lines) {
        if (lines.isEmpty()) {
            return true;
        }
        UsageLine first = lines.get(0);
        for (UsageLine line : lines) {
            if (!line.accountId().equals(first.accountId())
                    || !line.provider().equals(first.provider())
                    || !line.month().equals(first.month())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Step 1: each chunk numbers its accounts on its own, in the order first seen there, and
     * sorts its lines into them.
     */
    private Chunk[] numberAccounts(List<UsageLine> lines, ExecutorService pool) {
        Chunk[] chunks = new Chunk[threads];
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            int chunk = c;
            int from = (int) ((long) lines.size() * c / threads);
            int to = (int) ((long) lines.size() * (c + 1) / threads);
            tasks.add(() -> chunks[chunk] = numberAccounts(lines.subList(from, to)));
        }
        runAll(tasks, pool);
        return chunks;
    }

    private static Chunk numberAccounts(List<UsageLine> lines) {
        AccountNumbers numbers = new AccountNumbers();
        List<List<UsageLine>> linesByAccount = new ArrayList<>();
        for (UsageLine line : lines) {
            int number = numbers.numberOf(line);
            if (number == linesByAccount.size()) {
                linesByAccount.add(new ArrayList<>());
            }
            linesByAccount.get(number).add(line);
        }
        return new Chunk(numbers, linesByAccount);
    }

    /** Step 2: chunks are taken in input order, so each account's lines keep theirs. */
    private static List<Group> gather(List<EmissionsCell> cells, Chunk[] chunks) {
        AccountNumbers numbers = new AccountNumbers();
        int[][] runWide = runWideNumbers(chunks, numbers);
        int[] lineCounts = new int[numbers.size()];
        for (int c = 0; c < chunks.length; c++) {
            for (int own = 0; own < runWide[c].length; own++) {
                lineCounts[runWide[c][own]] += chunks[c].linesByAccount().get(own).size();
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int lineCount : lineCounts) {
            groups.add(new Group(new ArrayList<>(), new ArrayList<>(lineCount)));
        }
        for (int c = 0; c < chunks.length; c++) {
            for (int own = 0; own < runWide[c].length; own++) {
                groups.get(runWide[c][own]).lines().addAll(chunks[c].linesByAccount().get(own));
            }
        }
        for (EmissionsCell cell : cells) {
            groupOf(numbers.numberOf(cell), groups).cells().add(cell);
        }
        return groups;
    }

    /** Each chunk's own account numbers as the run's, which {@code numbers} hands out. */
    private static int[][] runWideNumbers(Chunk[] chunks, AccountNumbers numbers) {
        int[][] runWide = new int[chunks.length][];
        for (int c = 0; c < chunks.length; c++) {
            AccountNumbers own = chunks[c].numbers();
            runWide[c] = new int[own.size()];
            for (int number = 0; number < own.size(); number++) {
                runWide[c][number] = numbers.numberOf(own.key(number));
            }
        }
        return runWide;
    }

    private static Group groupOf(int number, List<Group> groups) {
        while (groups.size() <= number) {
            groups.add(new Group(new ArrayList<>(), new ArrayList<>()));
        }
        return groups.get(number);
    }

    /** Step 3: the groups as tasks, largest first, each writing its own part. */
    private AllocationPart[] allocateGroups(List<Group> groups, ExecutorService pool) {
        Integer[] largestFirst = new Integer[groups.size()];
        Arrays.setAll(largestFirst, i -> i);
        Arrays.sort(largestFirst, Comparator.comparingInt(i -> -groups.get(i).lines().size()));
        AllocationPart[] parts = new AllocationPart[groups.size()];
        List<Runnable> tasks = new ArrayList<>();
        for (int number : largestFirst) {
            Group group = groups.get(number);
            tasks.add(() -> parts[number] = allocator.allocatePart(group.cells(), group.lines()));
        }

        runAll(tasks, pool);

        return parts;
    }

    /** Step 4. */
    private AllocationResult merge(AllocationPart[] parts, Emissions input,
            ExecutorService pool) {
        int rowCount = 0;
        for (AllocationPart part : parts) {
            rowCount += part.rows().size();
        }
        List<Allocation> rows = new ArrayList<>(rowCount);
        int cellsMatched = 0;
        int cellsUnmatched = 0;
        int linesUsed = 0;
        for (AllocationPart part : parts) {
            rows.addAll(part.rows());
            cellsMatched += part.cellsMatched();
            cellsUnmatched += part.cellsUnmatched();
            linesUsed += part.linesUsed();
        }

        Consumer<List<Runnable>> onThreads = tasks -> runAll(tasks, pool);
        return Ledger.close(RowRanks.sorted(rows, onThreads), input, cellsMatched,
                cellsUnmatched, linesUsed, onThreads);
    }

    /**
     * Runs {@code tasks} on the calling thread and up to {@code threads - 1} pool threads,
     * each taking the next task from one queue, and returns once all are done, what they wrote
     * then visible to the caller. The first failure stops the others taking more tasks and is
     * rethrown as it was thrown.
     */
    private void runAll(List<Runnable> tasks, ExecutorService pool) {
        AtomicInteger next = new AtomicInteger();
        Runnable takeTasks = () -> {
            for (int taken = next.getAndIncrement(); taken < tasks.size();
                    taken = next.getAndIncrement()) {
                try {
                    tasks.get(taken).run();
                } catch (RuntimeException | Error failure) {
                    next.set(tasks.size());
                    throw failure;
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(threads, tasks.size()); i++) {
            helpers.add(pool.submit(takeTasks));
        }
        takeTasks.run();
        helpers.forEach(ParallelAllocation::await);
    }

    /** Waits for a pool thread's work; its failure is rethrown as it was thrown. */
    private static void await(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while allocating", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Thread daemonThread(Runnable work) {
        Thread thread = new Thread(work, "allocation-worker");
        thread.setDaemon(true);
        return thread;
    }
}
