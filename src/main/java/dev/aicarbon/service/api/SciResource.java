package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Caller;
import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.estimates.EstimationError;
import dev.aicarbon.service.estimates.SciService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{project}/intensity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SCI", description = "Software Carbon Intensity per functional unit, and estimation error")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class SciResource {

    @Inject
    Caller caller;

    @Inject
    SciService sci;

    @Inject
    EstimationError estimationError;

    /** The body of a monthly count of functional units. */
    public record UnitCount(BigDecimal units) {
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/unit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define the project's functional unit (a request, a thousand inferences, a run)")
    public SciService.FunctionalUnit define(@PathParam("project") String project, SciService.FunctionalUnit unit) {
        caller.requireProject(project);
        return sci.define(ProjectScope.known(project), unit);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/counts/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report how many functional units the project served in a month")
    public UnitCount count(@PathParam("project") String project, @PathParam("month") String month,
            UnitCount count) {
        caller.requireProject(project);
        sci.count(ProjectScope.known(project), Months.required("month", month),
                count == null ? null : count.units());
        return count;
    }

    @GET
    @Path("/sci")
    @Transactional
    @Operation(summary = "SCI per month in kgCO2e per functional unit",
            description = "SCI = (operational + embodied) / units; operational = scope 1 + scope 2 "
                    + "location-based (market-based instruments never lower SCI), embodied = scope 3. "
                    + "From provider-reported figures (allocated, or estimated), else modelled; basis shown.")
    public List<SciService.SciRow> sci(@PathParam("project") String project, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        caller.requireProject(project);
        MonthRange range = MonthRange.of(from, to, YearMonth::now);
        return sci.sci(ProjectScope.known(project), range.from(), range.to());
    }

    @GET
    @Path("/estimation-error")
    @Transactional
    @Operation(summary = "Estimates against the allocated provider figures that replaced them (kgCO2e)")
    public List<EstimationError.Row> estimationError(@PathParam("project") String project,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        caller.requireProject(project);
        MonthRange range = MonthRange.of(from, to, YearMonth::now);
        return estimationError.of(ProjectScope.known(project), range.from(), range.to());
    }
}
