package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A usage line as the engine uses it, read once: its weight under the policy's metric and
 * what its tags say about who consumed it.
 *
 * @param weight   the line's usage under the policy's metric, never negative; zero when the
 *                 line had no usable metric
 * @param project  trimmed project tag value, null when the tag was missing or blank; the
 *                 policy's shared value for shared lines
 * @param shared   true when {@code project} is the policy's shared value
 * @param workload trimmed workload tag value, null when missing or blank
 * @param stage    the stage tag as a known stage, null when missing or unknown
 * @param flags    what reading the line raised: metric fallback, no metric, unknown stage
 */
record WeighedLine(
        UsageLine line,
        BigDecimal weight,
        String project,
        boolean shared,
        String workload,
        Stage stage,
        Set<Flag> flags) {

    WeighedLine {
        flags = Set.copyOf(flags);
    }

    /** The project this line uses directly, or null when it is shared or untagged. */
    String directProject() {
        return shared ? null : project;
    }

    boolean isUntagged() {
        return project == null;
    }
}
