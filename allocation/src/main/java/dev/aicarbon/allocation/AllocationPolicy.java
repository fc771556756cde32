package dev.aicarbon.allocation;

import java.util.Objects;

/**
 * The choices an allocation run is made with.
 *
 * @param metric           the usage metric emissions are split by
 * @param projectTagKey    tag naming the ML project ({@code ml-project} by default)
 * @param workloadTagKey   tag naming the workload ({@code ml-workload} by default)
 * @param stageTagKey      tag naming the lifecycle stage ({@code ml-stage} by default)
 * @param sharedProjectValue project tag value marking a line shared across the projects of
 *                         its account and month ({@code shared} by default)
 */
public record AllocationPolicy(
        UsageMetric metric,
        String projectTagKey,
        String workloadTagKey,
        String stageTagKey,
        String sharedProjectValue) {

    public static final AllocationPolicy DEFAULT = new AllocationPolicy(
            UsageMetric.LIST_COST, "ml-project", "ml-workload", "ml-stage", "shared");

    public AllocationPolicy {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(projectTagKey, "projectTagKey");
        Objects.requireNonNull(workloadTagKey, "workloadTagKey");
        Objects.requireNonNull(stageTagKey, "stageTagKey");
        Objects.requireNonNull(sharedProjectValue, "sharedProjectValue");
    }

    public AllocationPolicy withMetric(UsageMetric newMetric) {
        return new AllocationPolicy(newMetric, projectTagKey, workloadTagKey, stageTagKey,
                sharedProjectValue);
    }
}
