package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.close.CloseReport;
import dev.aicarbon.service.close.CloseRuns;
import dev.aicarbon.service.close.MonthClose;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Month close", description = "Runs of the monthly close and their differences")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST})
public class RunsResource {

    @Inject
    CloseRuns runs;

    @Inject
    MonthClose close;

    /** The body of a close request. */
    public record CloseRequest(String month, String triggeredBy) {
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a month now (kgCO2e totals in the answer)",
            description = "The same close as the CLI command and the schedule; exitCode says how it ended.")
    public CloseReport closeNow(CloseRequest request) {
        if (request == null) {
            throw new BadParameterException("month", "month is required, as YYYY-MM");
        }
        String by = request.triggeredBy() == null ? "api" : "api: " + request.triggeredBy();
        return close.close(Months.required("month", request.month()), by, line -> { });
    }

    @GET
    @Operation(summary = "Month closes, newest first: trigger, inputs with hashes, stages, totals (kgCO2e)")
    public List<CloseReport> list(@QueryParam("month") String month) {
        return runs.list(Months.optional("month", month));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One month close")
    public CloseReport get(@PathParam("id") long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("no close run " + id));
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "Per project, this close's allocated kgCO2e against another close's")
    public List<CloseRuns.ProjectDiff> diff(@PathParam("id") long id, @QueryParam("against") Long against) {
        if (against == null) {
            throw new BadParameterException("against", "against is required: the id of another close");
        }
        CloseReport report = runs.find(id).orElseThrow(() -> new NotFoundException("no close run " + id));
        CloseReport other = runs.find(against).orElseThrow(() -> new NotFoundException("no close run " + against));
        return runs.diff(report, other);
    }
}
