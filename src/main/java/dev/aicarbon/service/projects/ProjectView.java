package dev.aicarbon.service.projects;

import dev.aicarbon.service.api.KgCo2eView;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A project of the registry with its latest allocated month. */
public record ProjectView(
        String name,
        String displayName,
        String owner,
        String description,
        @Schema(description = "True when registered from a usage tag rather than through the API")
        boolean discovered,
        Instant createdAt,
        List<String> workloads,
        @Schema(description = "Latest month with published allocations; null if none")
        String latestMonth,
        @Schema(description = "Emissions of latestMonth in kgCO2e; null if none")
        KgCo2eView latestMonthEmissions,
        List<String> latestMonthFlags) {
}
