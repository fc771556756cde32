package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path's ledger: per row, each of the six components as an unscaled long at scale
 * {@value ExactSplit#SHARE_SCALE}, with the scale the {@link BigDecimal} sum of the same
 * amounts would carry (the largest scale added). Rows are numbered in the order first seen;
 * callers keep the numbers so that adding costs no hashing. Not thread-safe.
 */
final class RowTotals {

    static final int COMPONENTS = 6;
    private static final int NO_SCALE = Integer.MIN_VALUE;

    private final Map<RowKey, Integer> idByKey = new HashMap<>();
    private final List<RowKey> keys = new ArrayList<>();
    private long[] unscaled = new long[COMPONENTS * 64];
    private int[] scales = new int[COMPONENTS * 64];

    RowTotals() {
        Arrays.fill(scales, NO_SCALE);
    }

    /** The number of {@code key}'s row, opened empty when new. */
    int idOf(RowKey key) {
        Integer known = idByKey.get(key);
        if (known != null) {
            return known;
        }
        int id = keys.size();
        keys.add(key);
        idByKey.put(key, id);
        ensureCapacity(id + 1);
        return id;
    }

    /**
     * Opens a row for {@code key} without looking it up, for callers that know no other row
     * has that key (rows made from distinct keys by an injective rule).
     */
    int openUnique(RowKey key) {
        int id = keys.size();
        keys.add(key);
        ensureCapacity(id + 1);
        return id;
    }

    /** Adds {@code amount} (at scale 12) to a component; {@code scale} is the amount's own. */
    void add(int row, int component, long amount, int scale) {
        int slot = row * COMPONENTS + component;
        unscaled[slot] = UnscaledArithmetic.plus(unscaled[slot], amount);
        if (scale > scales[slot]) {
            scales[slot] = scale;
        }
    }

    int size() {
        return keys.size();
    }

    RowKey key(int row) {
        return keys.get(row);
    }

    long amount(int row, int component) {
        return unscaled[row * COMPONENTS + component];
    }

    int scale(int row, int component) {
        return scales[row * COMPONENTS + component];
    }

    /** The row's amounts as {@link BigDecimal}s, each at the scale its sum would have. */
    Emissions emissions(int row) {
        return new Emissions(decimal(row, 0), decimal(row, 1), decimal(row, 2),
                decimal(row, 3), decimal(row, 4), decimal(row, 5));
    }

    private BigDecimal decimal(int row, int component) {
        int slot = row * COMPONENTS + component;
        BigDecimal value = BigDecimal.valueOf(unscaled[slot], ExactSplit.SHARE_SCALE);
        int scale = scales[slot];
        return scale == ExactSplit.SHARE_SCALE || scale == NO_SCALE
                ? value
                : value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private void ensureCapacity(int rows) {
        if (rows * COMPONENTS <= unscaled.length) {
            return;
        }
        int length = Math.max(rows * COMPONENTS, unscaled.length * 2);
        unscaled = Arrays.copyOf(unscaled, length);
        int oldLength = scales.length;
        scales = Arrays.copyOf(scales, length);
        Arrays.fill(scales, oldLength, length, NO_SCALE);
    }
}
