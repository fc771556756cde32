package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a usage line's weight and tags under an {@link AllocationPolicy}. Tags are read with
 * {@link Tags#value}, so AWS's {@code user:} prefixed keys count too, the unprefixed key
 * winning when both are present.
 */
final class LineReader {

    private final AllocationPolicy policy;

    LineReader(AllocationPolicy policy) {
        this.policy = policy;
    }

    WeighedLine read(UsageLine line) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        BigDecimal weight = weight(line, flags);
        String project = Tags.value(line.tags(), policy.projectTagKey());
        boolean shared = policy.sharedProjectValue().equals(project);
        String workload = Tags.value(line.tags(), policy.workloadTagKey());
        Stage stage = stage(Tags.value(line.tags(), policy.stageTagKey()), flags);

        return new WeighedLine(line, weight, project, shared, workload, stage, flags);
    }

    /** The policy's metric, else EffectiveCost (flagged), else zero (flagged); never negative. */
    private BigDecimal weight(UsageLine line, Set<Flag> flags) {
        BigDecimal chosen = metricOf(line);
        if (chosen == null && line.effectiveCost() != null) {
            flags.add(Flag.METRIC_FALLBACK_EFFECTIVE_COST);
            chosen = line.effectiveCost();
        }
        if (chosen == null) {
            flags.add(Flag.NO_USAGE_METRIC);
            return BigDecimal.ZERO;
        }

        return chosen.signum() < 0 ? BigDecimal.ZERO : chosen;
    }

    private BigDecimal metricOf(UsageLine line) {
        return switch (policy.metric()) {
            case LIST_COST -> line.listCost();
            case EFFECTIVE_COST -> line.effectiveCost();
            case CONSUMED_QUANTITY -> line.consumedQuantity();
        };
    }

    /** A known stage, or null; a present value that names no stage is flagged. */
    private static Stage stage(String value, Set<Flag> flags) {
        Optional<Stage> known = Stage.fromTag(value);
        if (known.isEmpty() && value != null) {
            flags.add(Flag.UNKNOWN_STAGE);
        }
        return known.orElse(null);
    }
}
