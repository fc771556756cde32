package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a usage line's weight and tags under an {@link AllocationPolicy}. Tags are read with
 * {@link Tags#value}, so AWS's {@code user:} prefixed keys count too, the unprefixed key
 * winning when both are present.
 */
final class LineReader {

    private final AllocationPolicy policy;
    private final String prefixedProjectKey;
    private final String prefixedWorkloadKey;
    private final String prefixedStageKey;

    LineReader(AllocationPolicy policy) {
        this.policy = policy;
        this.prefixedProjectKey = Tags.AWS_USER_TAG_PREFIX + policy.projectTagKey();
        this.prefixedWorkloadKey = Tags.AWS_USER_TAG_PREFIX + policy.workloadTagKey();
        this.prefixedStageKey = Tags.AWS_USER_TAG_PREFIX + policy.stageTagKey();
    }

    WeighedLine read(UsageLine line) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(FlagMasks.toSet(weightFlags(line)));
        String project = project(line);
        String stageValue = stageValue(line);
        Stage stage = Stage.fromTag(stageValue).orElse(null);
        if (stage == null && stageValue != null) {
            flags.add(Flag.UNKNOWN_STAGE);
        }

        return new WeighedLine(line, weight(line), project, isShared(project), workload(line),
                stage, flags);
    }

    /** The policy's metric, else EffectiveCost, else zero; never negative. */
    BigDecimal weight(UsageLine line) {
        BigDecimal chosen = metricOf(line);
        if (chosen == null) {
            chosen = line.effectiveCost();
        }
        if (chosen == null || chosen.signum() < 0) {
            return BigDecimal.ZERO;
        }
        return chosen;
    }

    /**
     * The flags {@link #weight} raises, as a {@link FlagMasks} mask: EffectiveCost stood in for
     * the metric, or neither was present.
     */
    int weightFlags(UsageLine line) {
        if (metricOf(line) != null) {
            return 0;
        }
        return line.effectiveCost() != null
                ? FlagMasks.of(Flag.METRIC_FALLBACK_EFFECTIVE_COST)
                : FlagMasks.of(Flag.NO_USAGE_METRIC);
    }

    /** The trimmed project tag, null when missing or blank. */
    String project(UsageLine line) {
        return Tags.value(line.tags(), policy.projectTagKey(), prefixedProjectKey);
    }

    boolean isShared(String project) {
        return policy.sharedProjectValue().equals(project);
    }

    /** The trimmed workload tag, null when missing or blank. */
    String workload(UsageLine line) {
        return Tags.value(line.tags(), policy.workloadTagKey(), prefixedWorkloadKey);
    }

    /**
     * The trimmed stage tag as written, null when missing or blank; a value {@link Stage#fromTag}
     * does not know is flagged {@link Flag#UNKNOWN_STAGE}.
     */
    String stageValue(UsageLine line) {
        return Tags.value(line.tags(), policy.stageTagKey(), prefixedStageKey);
    }

    private BigDecimal metricOf(UsageLine line) {
        return switch (policy.metric()) {
            case LIST_COST -> line.listCost();
            case EFFECTIVE_COST -> line.effectiveCost();
            case CONSUMED_QUANTITY -> line.consumedQuantity();
        };
    }
}
