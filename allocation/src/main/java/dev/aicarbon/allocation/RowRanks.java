package dev.aicarbon.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Sorts rows into {@link Ledger#ROW_ORDER} by comparing small integers instead of strings:
 * each dimension's distinct values are sorted once and replaced by their rank (0 standing
 * for null, which sorts first), so sorting many rows compares ranks only. The order is the
 * same as {@link Ledger#ROW_ORDER}'s, level by level. Ranks are held level by level, each
 * level's slice written by one task, so levels can be ranked on several threads.
 */
final class RowRanks {

    private static final int LEVELS = 10;

    private RowRanks() {
    }

    /** {@code rows} in {@link Ledger#ROW_ORDER}, as a new list. */
    static List<Allocation> sorted(List<Allocation> rows) {
        return sorted(rows, tasks -> tasks.forEach(Runnable::run));
    }

    /**
     * As {@link #sorted(List)}, each level's ranks filled by a task of its own, run by
     * {@code runAll}, which may run them on several threads at once and must return only once
     * all are done (and their writes are visible). Each task writes its own level's slice.
     */
    static List<Allocation> sorted(List<Allocation> rows, Consumer<List<Runnable>> runAll) {
        int rowCount = rows.size();
        int[] ranks = new int[rowCount * LEVELS];
        runAll.accept(List.of(
                () -> fill(ranks, 0, rows, ranksOf(rows, Allocation::consumer)),
                () -> fill(ranks, 2, rows, ranksOf(rows, Allocation::workload)),
                () -> fill(ranks, 4, rows, ranksOf(rows, Allocation::provider)),
                () -> fill(ranks, 5, rows, ranksOf(rows, Allocation::accountId)),
                () -> fill(ranks, 6, rows, ranksOf(rows, Allocation::month)),
                () -> fill(ranks, 7, rows, ranksOf(rows, Allocation::region)),
                () -> fill(ranks, 8, rows, ranksOf(rows, Allocation::service)),
                () -> fill(ranks, 1, rows,
                        row -> row.bucket() == null ? 0 : row.bucket().ordinal() + 1),
                () -> fill(ranks, 3, rows,
                        row -> row.stage() == null ? 0 : row.stage().ordinal() + 1),
                () -> fill(ranks, 9, rows, RowRanks::flagBits)));

        int[] order = packedOrder(ranks, rowCount);
        if (order == null) {
            order = comparedOrder(ranks, rowCount);
        }
        List<Allocation> sorted = new ArrayList<>(rowCount);
        for (int index : order) {
            sorted.add(rows.get(index));
        }
        return sorted;
    }

    /**
     * Row indexes in rank order, sorted as longs that hold every level's rank in just enough
     * bits, most significant level first, and the row index below them; null when they do not
     * fit in 63 bits.
     */
    private static int[] packedOrder(int[] ranks, int rowCount) {
        int[] bits = new int[LEVELS];
        int totalBits = bitsFor(rowCount);
        for (int level = 0; level < LEVELS; level++) {
            int largest = 0;
            for (int row = 0; row < rowCount; row++) {
                largest = Math.max(largest, ranks[level * rowCount + row]);
            }
            bits[level] = bitsFor(largest + 1);
            totalBits += bits[level];
        }
        if (totalBits > 63) {
            return null;
        }

        long[] packed = new long[rowCount];
        int indexBits = bitsFor(rowCount);
        for (int row = 0; row < rowCount; row++) {
            long value = 0;
            for (int level = 0; level < LEVELS; level++) {
                value = (value << bits[level]) | ranks[level * rowCount + row];
            }
            packed[row] = (value << indexBits) | row;
        }
        Arrays.sort(packed);
        int[] order = new int[rowCount];
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < rowCount; i++) {
            order[i] = (int) (packed[i] & indexMask);
        }
        return order;
    }

    private static int[] comparedOrder(int[] ranks, int rowCount) {
        Integer[] order = new Integer[rowCount];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (left, right) -> compare(ranks, rowCount, left, right));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** Bits that hold every value below {@code bound}. */
    private static int bitsFor(int bound) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(bound - 1, 0)));
    }

    private static int compare(int[] ranks, int rowCount, int left, int right) {
        for (int level = 0; level < LEVELS; level++) {
            int byLevel = Integer.compare(ranks[level * rowCount + left],
                    ranks[level * rowCount + right]);
            if (byLevel != 0) {
                return byLevel;
            }
        }
        return 0;
    }

    /** Level {@code level}'s ranks, one per row: the slice of {@code ranks} it owns. */
    private static void fill(int[] ranks, int level, List<Allocation> rows,
            ToIntFunction<Allocation> rank) {
        int start = level * rows.size();
        for (int i = 0; i < rows.size(); i++) {
            ranks[start + i] = rank.applyAsInt(rows.get(i));
        }
    }

    /** Each row's rank of {@code dimension} among its distinct values; null ranks 0. */
    private static <T extends Comparable<? super T>> ToIntFunction<Allocation> ranksOf(
            List<Allocation> rows, Function<Allocation, T> dimension) {
        Map<T, Integer> rankByValue = new HashMap<>();
        for (Allocation row : rows) {
            T value = dimension.apply(row);
            if (value != null) {
                rankByValue.putIfAbsent(value, 0);
            }
        }
        List<T> values = new ArrayList<>(rankByValue.keySet());
        values.sort(null);
        for (int i = 0; i < values.size(); i++) {
            rankByValue.put(values.get(i), i + 1);
        }
        return row -> {
            T value = dimension.apply(row);
            return value == null ? 0 : rankByValue.get(value);
        };
    }

    /** The flags as {@link Ledger#ROW_ORDER} compares them: bit {@code ordinal} per flag. */
    private static int flagBits(Allocation row) {
        int bits = 0;
        for (Flag flag : row.flags()) {
            bits |= FlagMasks.of(flag);
        }
        return bits;
    }
}
