package dev.aicarbon.service.config;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.UsageMetric;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The service's own settings, under the {@code carbon.} prefix. */
@ConfigMapping(prefix = "carbon")
public interface CarbonConfig {

    /**
     * Where the embedded PostgreSQL keeps its data (also {@code CARBON_DATA_DIR}); read by
     * the main method before Quarkus starts, default {@code ./data}.
     */
    Optional<String> dataDir();

    Allocation allocation();

    Imports imports();

    interface Allocation {

        /** Usage metric emissions are split by: LIST_COST, EFFECTIVE_COST or CONSUMED_QUANTITY. */
        @WithDefault("LIST_COST")
        UsageMetric metric();

        @WithDefault("ml-project")
        String projectTag();

        @WithDefault("ml-workload")
        String workloadTag();

        @WithDefault("ml-stage")
        String stageTag();

        /** Project tag value marking a line shared across its account's projects. */
        @WithDefault("shared")
        String sharedValue();

        default AllocationPolicy policy() {
            return new AllocationPolicy(metric(), projectTag(), workloadTag(), stageTag(),
                    sharedValue());
        }
    }

    interface Imports {

        /** How many quarantined rows an import answer lists; the rest are behind the API. */
        @WithDefault("1000")
        int errorsListed();
    }
}
