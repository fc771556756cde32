package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.methodology.ConsumerRowView;
import dev.aicarbon.service.methodology.DatacenterView;
import dev.aicarbon.service.methodology.MethodologyQuery;
import dev.aicarbon.service.methodology.MethodologyRunView;
import dev.aicarbon.service.methodology.MethodologyService;
import dev.aicarbon.service.methodology.ReconciliationRow;
import dev.aicarbon.service.methodology.RegionView;
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
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/methodology")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Methodology", description = "The seven-step method: hardware lifecycle, six-year "
        + "amortisation, region factors, usage-based attribution (docs/methodology.md)")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class MethodologyResource {

    @Inject
    MethodologyService methodology;

    @Inject
    MethodologyQuery results;

    @Inject
    BudgetService budgets;

    /** The body of a methodology run request. */
    public record RunRequest(
            @Schema(description = "Month to compute, YYYY-MM", required = true) String month,
            @Schema(description = "Amortisation period in months; default 72 (six years)")
            Integer lifetimeMonths) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compute a month with the seven-step method (kgCO2e)",
            description = "Embodied emissions of every asset amortised over 72 months, datacenter "
                    + "scope 1, 2 (IT kWh x PUE x grid kgCO2e/kWh) and 3, region totals and factors "
                    + "per usage unit, consumer emissions. One transaction; supersedes the month's "
                    + "previous run. Per region and component, consumers + unused-capacity = region.")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "400", description = "month missing or malformed")
    @APIResponse(responseCode = "422", description = "No inputs for the month, or inputs that do not resolve")
    public MethodologyRunView run(RunRequest request) {
        if (request == null) {
            throw new BadParameterException("month", "month is required, as YYYY-MM");
        }
        YearMonth month = Months.required("month", request.month());
        Integer lifetime = request.lifetimeMonths();
        if (lifetime != null && lifetime < 1) {
            throw new BadParameterException("lifetimeMonths", "lifetimeMonths must be at least 1");
        }
        MethodologyRunView run = methodology.run(month, lifetime);
        budgets.evaluateAfterChange();
        return run;
    }

    @GET
    @Path("/runs")
    @Operation(summary = "List methodology runs, newest first, optionally of one month")
    public List<MethodologyRunView> runs(@QueryParam("month") String month) {
        return methodology.list(Months.optional("month", month));
    }

    @GET
    @Path("/runs/{runId}")
    @Operation(summary = "One methodology run with its totals in kgCO2e")
    public MethodologyRunView runById(@PathParam("runId") long runId) {
        return methodology.find(runId)
                .orElseThrow(() -> new NotFoundException("no methodology run " + runId));
    }

    @GET
    @Path("/regions/{region}")
    @Operation(summary = "A region's modelled month: emissions (kgCO2e), usage and factors "
            + "(kgCO2e per usage unit)")
    @APIResponse(responseCode = "404", description = "No published result for that region and month")
    public RegionView region(@PathParam("region") String region,
            @Parameter(description = "YYYY-MM") @QueryParam("month") String month) {
        YearMonth yearMonth = Months.required("month", month);
        return results.region(region, yearMonth)
                .orElseThrow(() -> new NotFoundException("no methodology result for region " + region
                        + " in " + yearMonth));
    }

    @GET
    @Path("/datacenters/{datacenter}")
    @Operation(summary = "A datacenter's modelled month in kgCO2e, with the assets amortising")
    @APIResponse(responseCode = "404", description = "No published result for that datacenter and month")
    public DatacenterView datacenter(@PathParam("datacenter") String datacenter,
            @Parameter(description = "YYYY-MM") @QueryParam("month") String month) {
        YearMonth yearMonth = Months.required("month", month);
        return results.datacenter(datacenter, yearMonth)
                .orElseThrow(() -> new NotFoundException("no methodology result for datacenter "
                        + datacenter + " in " + yearMonth));
    }

    @GET
    @Path("/consumers/{consumer: .+}/emissions")
    @Operation(summary = "A consumer's modelled emissions in kgCO2e",
            description = "A workload-level consumer is addressed with its slash: "
                    + "/consumers/llm-pretrain/pretrain-7b/emissions. "
                    + "groupBy takes month, region, serviceModel, scope (scope1, "
                    + "scope2-location, scope2-market, scope3) and stage (manufacturing, transport, "
                    + "end_of_life: the hardware life-cycle stage of scope 3).")
    @APIResponse(responseCode = "404", description = "No published result names that consumer")
    public List<ConsumerRowView> consumer(@PathParam("consumer") String consumer,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") List<String> groupBy) {
        if (!results.consumerExists(consumer)) {
            throw new NotFoundException("no methodology result for consumer " + consumer);
        }
        MonthRange range = MonthRange.of(from, to, YearMonth::now);
        return results.consumer(consumer, range.from(), range.to(), groupBy);
    }

    @GET
    @Path("/reconciliation")
    @Operation(summary = "Provider-reported and modelled emissions side by side (kgCO2e)",
            description = "For each provider, region and month that has both an allocated "
                    + "provider-reported figure and a modelled region figure: both, never summed, "
                    + "and their difference (modelled - provider-reported).")
    public List<ReconciliationRow> reconciliation(
            @Parameter(description = "YYYY-MM") @QueryParam("month") String month) {
        return results.reconciliation(Months.required("month", month));
    }
}
