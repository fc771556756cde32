package dev.aicarbon.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run read and produced, as written to {@code summary.csv}.
 *
 * @param counts named counts in writing order (see docs/spark.md)
 * @param month  the month's sums; {@code month.input()} equals the emissions file's cells of
 *               the month and {@code month.allocated()}, exactly
 */
record JobReport(Map<String, Long> counts, GroupOutcome month) {

    JobReport {
        counts = new LinkedHashMap<>(counts);
    }

    long count(String name) {
        Long count = counts.get(name);
        if (count == null) {
            throw new IllegalArgumentException("no count named " + name);
        }
        return count;
    }
}
