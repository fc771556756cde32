package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.service.allocation.AllocationService;
import dev.aicarbon.service.allocation.RunView;
import dev.aicarbon.service.estimates.BudgetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Allocations", description = "Allocation runs of a month")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class AllocationResource {

    @Inject
    AllocationService allocations;

    @Inject
    BudgetService budgets;

    @Inject
    dev.aicarbon.service.allocation.SparkRunLoader sparkResults;

    /** The body of an allocation request. */
    public record AllocationRequest(
            @Schema(description = "Month to allocate, YYYY-MM", required = true) String month,
            @Schema(description = "LIST_COST, EFFECTIVE_COST or CONSUMED_QUANTITY; default the "
                    + "configured carbon.allocation.metric (LIST_COST)")
            String usageMetric) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allocate a month's provider emissions to ML projects",
            description = "Splits every emissions cell of the month over its usage lines and "
                    + "attributes them to projects by tag. Publishes the run and supersedes the "
                    + "month's previous one. Totals in kgCO2e; per component, input = projects + "
                    + "buckets exactly.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "400", description = "month missing or not YYYY-MM")
    @APIResponse(responseCode = "422", description = "Nothing imported for that month")
    public RunView allocate(AllocationRequest request) {
        if (request == null) {
            throw new BadParameterException("month", "month is required, as YYYY-MM");
        }
        RunView run = allocations.allocate(Months.required("month", request.month()),
                metric(request.usageMetric()));
        budgets.evaluateAfterChange();
        return run;
    }

    @POST
    @Path("/spark")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Publish the Spark job's results as the month's allocation run",
            description = "The body is the job's output directory zipped (summary.csv, totals.csv, "
                    + "allocations.csv; docs/spark.md). Refused unless the results' input equals "
                    + "the emissions the service holds for the month, and the rows add up to the "
                    + "job's totals and conserve the input. Supersedes the month's previous run.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "400", description = "Not the job's output, or computed on other inputs")
    @APIResponse(responseCode = "422", description = "No emissions imported for the month")
    public RunView loadSparkResults(java.io.InputStream body,
            @QueryParam("source") @jakarta.ws.rs.DefaultValue("spark-results.zip") String source) {
        RunView run = sparkResults.load(body, source);
        budgets.evaluateAfterChange();
        return run;
    }

    private static UsageMetric metric(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return UsageMetric.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("usageMetric", "usageMetric must be one of "
                    + Arrays.toString(UsageMetric.values()) + ", got '" + name + "'");
        }
    }

    @GET
    @Operation(summary = "List runs, newest first, optionally of one month")
    public List<RunView> list(@QueryParam("month") String month) {
        return allocations.list(Months.optional("month", month));
    }

    @GET
    @Path("/{runId}")
    @Operation(summary = "One run")
    public RunView get(@PathParam("runId") long runId) {
        return allocations.find(runId).orElseThrow(() -> new NotFoundException("no allocation run " + runId));
    }
}
