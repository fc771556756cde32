package dev.aicarbon.service.projects;

import dev.aicarbon.service.query.EmissionsRowView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        @Schema(description = "Emissions of latestMonth in kgCO2e with their flags, per basis "
                + "(provider-reported, modelled); empty if none")
        Map<String, EmissionsRowView> latestMonthEmissions) {
}
