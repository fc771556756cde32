package dev.aicarbon.service.api;

import dev.aicarbon.service.exports.AllocationExport;
import dev.aicarbon.service.security.Caller;
import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.YearMonth;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/exports")
@Tag(name = "Exports", description = "Published figures as files for spreadsheets and BI tools")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class ExportResource {

    @Inject
    AllocationExport export;

    @Inject
    Caller caller;

    @GET
    @Path("/allocations")
    @Operation(summary = "A month's published figures, one row per project, workload, stage, "
            + "provider, account, region, service and scope, in kgCO2e",
            description = "Columns: " + "month, basis, project, workload, stage, provider, account, "
                    + "region, service, scope (scope1, scope2, scope3, scope-combined), "
                    + "location_based_kgco2e, market_based_kgco2e, flags, stale. Streamed. A "
                    + "project viewer gets its projects' rows only.")
    public Response allocations(
            @Parameter(description = "Month, YYYY-MM") @QueryParam("month") String month,
            @Parameter(description = "csv (default) or parquet") @QueryParam("format") String format) {
        YearMonth chosen = Months.required("month", month);
        Set<String> projects = caller.projectScope().orElse(null);
        String kind = format == null ? "csv" : format;
        String file = "allocations-" + chosen;
        return switch (kind) {
            case "csv" -> Response.ok((StreamingOutput) out -> export.writeCsv(chosen, projects, out))
                    .type("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"")
                    .build();
            case "parquet" -> Response.ok((StreamingOutput) out -> export.writeParquet(chosen, projects, out))
                    .type("application/vnd.apache.parquet")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".parquet\"")
                    .build();
            default -> throw new BadParameterException("format", "format must be csv or parquet");
        };
    }
}
