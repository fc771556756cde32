package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Caller;
import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.query.EmissionsQuery;
import dev.aicarbon.service.query.EmissionsReport;
import dev.aicarbon.service.query.GroupKey;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/emissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emissions", description = "Allocated emissions across projects, for dashboards")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class EmissionsResource {

    @Inject
    Caller caller;

    @Inject
    EmissionsQuery emissions;

    @GET
    @Operation(summary = "Allocated emissions of all projects and buckets, in kgCO2e",
            description = "Give month, or from and to. groupBy takes project, month, provider, "
                    + "account, region, service, workload, stage. Grouped by project, the buckets "
                    + "unallocated and unmatched appear as pseudo-projects, so that per month the "
                    + "rows add up to the imported emissions.")
    @APIResponse(responseCode = "400", description = "A parameter is malformed; the answer names it")
    public EmissionsReport emissions(
            @Parameter(description = "Month, YYYY-MM (shorthand for from = to = month)")
            @QueryParam("month") String month,
            @Parameter(description = "First month, YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM, inclusive") @QueryParam("to") String to,
            @Parameter(description = "Keys to group by") @QueryParam("groupBy") List<String> groupBy) {
        if (month != null && (from != null || to != null)) {
            throw new BadParameterException("month", "give month, or from and to, not both");
        }
        List<GroupKey> keys = GroupKey.parse(groupBy, GroupKey.all());
        Set<String> scope = caller.projectScope().orElse(null);
        MonthRange range = month != null
                ? MonthRange.single(Months.required("month", month))
                : MonthRange.of(from, to, () -> emissions.latestMonth(null, scope));
        return emissions.report(null, scope, range.from(), range.to(), keys);
    }
}

