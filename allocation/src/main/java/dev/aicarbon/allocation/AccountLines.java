package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fast path's view of the usage lines of one provider, account and month: weights as
 * unscaled longs at one scale, each line's row identity as a small number (its
 * {@link LineKey}), lines by region, and the projects' direct weights. Lines stay in input
 * order; ties are broken by comparing line ids where they occur, never by sorting.
 *
 * <p>Built by {@link #add} line by line, then {@link #seal}ed once before cells are split.
 */
final class AccountLines {

    private static final int INITIAL_CAPACITY = 1 << 10;

    /**
     * What a line contributes to its row's identity within the account: rows from lines of equal
     * keys (and from cells of equal flags) are the same row.
     *
     * @param flags the line's own flags as a {@link FlagMasks} mask
     */
    record LineKey(String project, boolean shared, String workload, Stage stage, String region,
            String service, int flags) {
    }

    private final AccountKey account;
    private final LongIntMap lineKeyIds;
    private final List<LineKey> lineKeys = new ArrayList<>();
    private UsageLine[] lines = new UsageLine[INITIAL_CAPACITY];
    private long[] weights = new long[INITIAL_CAPACITY];
    private int[] weightScales = new int[INITIAL_CAPACITY];
    private int[] lineKeyOf = new int[INITIAL_CAPACITY];
    private int count;

    private Map<String, int[]> positionsByRegion;
    private int[] allPositions;
    private String[] projects;
    private long[] projectWeights;
    private boolean[] used;
    private int usedCount;
    private int[][] rowByCellFlagsAndLineKey;

    /** An account without lines yet; they are {@link #add}ed. */
    AccountLines(AccountKey account) {
        this.account = account;
        this.lineKeyIds = new LongIntMap(INITIAL_CAPACITY);
    }

    AccountKey account() {
        return account;
    }

    /** The number of the line key packed as {@code packedKey}, or -1 when not seen yet. */
    int lineKeyId(long packedKey) {
        return lineKeyIds.get(packedKey);
    }

    /** Numbers a new line key; {@code key} is what {@code packedKey} packs. */
    int addLineKey(long packedKey, LineKey key) {
        int id = lineKeys.size();
        lineKeys.add(key);
        lineKeyIds.put(packedKey, id);
        return id;
    }

    /** Adds a line of weight {@code weight} (not negative) whose row identity is key {@code id}. */
    void add(UsageLine line, BigDecimal weight, int lineKeyId) {
        if (count == lines.length) {
            grow();
        }
        lines[count] = line;
        weightScales[count] = weight.scale();
        weights[count] = UnscaledArithmetic.unscaled(weight, weight.scale());
        lineKeyOf[count] = lineKeyId;
        count++;
    }

    private void grow() {
        int capacity = Math.multiplyExact(lines.length, 2);
        lines = Arrays.copyOf(lines, capacity);
        weights = Arrays.copyOf(weights, capacity);
        weightScales = Arrays.copyOf(weightScales, capacity);
        lineKeyOf = Arrays.copyOf(lineKeyOf, capacity);
    }

    /** Brings weights to one scale, indexes lines by region and totals direct weights. */
    void seal() {
        int commonScale = Integer.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            commonScale = Math.max(commonScale, weightScales[i]);
        }
        for (int i = 0; i < count; i++) {
            weights[i] = UnscaledArithmetic.timesPowerOfTen(weights[i],
                    commonScale - weightScales[i]);
        }
        indexByRegion();
        totalDirectWeights();
        used = new boolean[count];
        rowByCellFlagsAndLineKey = new int[4][];
    }

    UsageLine line(int position) {
        return lines[position];
    }

    long weight(int position) {
        return weights[position];
    }

    LineKey lineKey(int position) {
        return lineKeys.get(lineKeyOf[position]);
    }

    /** Positions of the lines in {@code region}, or of all lines for a null region. */
    int[] candidates(String region) {
        if (region == null) {
            return allPositions;
        }
        int[] positions = positionsByRegion.get(region);
        return positions == null ? new int[0] : positions;
    }

    /** Projects with positive direct weight, in name order, as {@link AccountUsage} has them. */
    String[] projects() {
        return projects;
    }

    /** Their direct weights, at this account's weight scale. */
    long[] projectWeights() {
        return projectWeights;
    }

    /** Marks a line as used by a matched cell; counted once however many cells use it. */
    void markUsed(int position) {
        if (!used[position] && weights[position] > 0) {
            used[position] = true;
            usedCount++;
        }
    }

    int usedCount() {
        return usedCount;
    }

    /**
     * The row number cached for lines of the position's key under cells of flags index
     * {@code cellFlagsIndex} (0 to 3), or -1 before the first {@link #cacheRow}.
     */
    int cachedRow(int cellFlagsIndex, int position) {
        int[] rows = rowByCellFlagsAndLineKey[cellFlagsIndex];
        return rows == null ? -1 : rows[lineKeyOf[position]];
    }

    void cacheRow(int cellFlagsIndex, int position, int row) {
        int[] rows = rowByCellFlagsAndLineKey[cellFlagsIndex];
        if (rows == null) {
            rows = new int[lineKeys.size()];
            Arrays.fill(rows, -1);
            rowByCellFlagsAndLineKey[cellFlagsIndex] = rows;
        }
        rows[lineKeyOf[position]] = row;
    }

    /** Reads each line's region from its key, so regions are hashed once per key. */
    private void indexByRegion() {
        Map<String, Integer> regionIds = new HashMap<>();
        int[] regionOfKey = new int[lineKeys.size()];
        for (int id = 0; id < regionOfKey.length; id++) {
            String region = lineKeys.get(id).region();
            regionOfKey[id] = region == null
                    ? -1
                    : regionIds.computeIfAbsent(region, any -> regionIds.size());
        }
        int[] counts = new int[regionIds.size()];
        for (int i = 0; i < count; i++) {
            int region = regionOfKey[lineKeyOf[i]];
            if (region >= 0) {
                counts[region]++;
            }
        }
        int[][] positions = new int[counts.length][];
        for (int region = 0; region < counts.length; region++) {
            positions[region] = new int[counts[region]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < count; i++) {
            int region = regionOfKey[lineKeyOf[i]];
            if (region >= 0) {
                positions[region][filled[region]++] = i;
            }
        }
        positionsByRegion = new HashMap<>();
        regionIds.forEach((region, id) -> positionsByRegion.put(region, positions[id]));
        allPositions = new int[count];
        Arrays.setAll(allPositions, i -> i);
    }

    /** Sums per line key first, so the map sees one entry per key rather than per line. */
    private void totalDirectWeights() {
        long[] byKey = new long[lineKeys.size()];
        for (int i = 0; i < count; i++) {
            byKey[lineKeyOf[i]] = UnscaledArithmetic.plus(byKey[lineKeyOf[i]], weights[i]);
        }
        TreeMap<String, Long> byProject = new TreeMap<>();
        for (int id = 0; id < byKey.length; id++) {
            LineKey key = lineKeys.get(id);
            if (key.project() != null && !key.shared()) {
                byProject.merge(key.project(), byKey[id], UnscaledArithmetic::plus);
            }
        }
        byProject.values().removeIf(total -> total == 0);
        projects = byProject.keySet().toArray(new String[0]);
        projectWeights = byProject.values().stream().mapToLong(Long::longValue).toArray();
    }

}
