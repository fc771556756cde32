package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Caller;
import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.estimates.BudgetService;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects/{project}/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Budgets", description = "Carbon budgets per project and stage, with status and webhook")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class BudgetResource {

    @Inject
    Caller caller;

    @Inject
    BudgetService budgets;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set a carbon budget (kgCO2e, or kgCO2e per thousand functional units)",
            description = "Status is ok, warning (at warningShare of the limit) or exceeded, on "
                    + "location-based totals; a status change is POSTed to webhookUrl, retried.")
    @APIResponse(responseCode = "201", description = "The budget with its status now")
    @APIResponse(responseCode = "400", description = "A field is missing or out of range; the answer names it")
    @APIResponse(responseCode = "404", description = "Unknown project")
    public Response create(@PathParam("project") String project, BudgetService.BudgetRequest request) {
        caller.requireProject(project);
        BudgetService.BudgetView budget = budgets.create(ProjectScope.known(project), request);
        return Response.status(201).entity(budget).build();
    }

    @GET
    @Transactional
    @Operation(summary = "A project's budgets with used kgCO2e and status")
    public List<BudgetService.BudgetView> list(@PathParam("project") String project) {
        caller.requireProject(project);
        return budgets.list(ProjectScope.known(project));
    }
}
