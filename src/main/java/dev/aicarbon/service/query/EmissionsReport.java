package dev.aicarbon.service.query;

import dev.aicarbon.service.estimates.OffsetService;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an emissions query: grouped rows, each of one basis, and totals per basis. */
@Schema(description = "Emissions of published allocation runs, in kgCO2e, grouped as asked")
public record EmissionsReport(
        @Schema(description = "The project asked for; null for all projects and buckets")
        String project,
        String from,
        String to,
        List<String> groupBy,
        List<EmissionsRowView> rows,
        @Schema(description = "Sum of all rows per basis (provider-reported, modelled); the bases "
                + "are never added together")
        Map<String, EmissionsRowView> totals,
        @Schema(description = "A project's offsets and certificates over the range, beside the "
                + "footprint and never subtracted from it; absent in views across projects")
        OffsetService.OffsetsBeside offsets) {

    public EmissionsReport withOffsets(OffsetService.OffsetsBeside beside) {
        return new EmissionsReport(project, from, to, groupBy, rows, totals, beside);
    }
}
