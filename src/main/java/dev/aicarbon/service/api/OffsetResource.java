package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Caller;
import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.estimates.OffsetService;
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

@Path("/api/v1/projects/{project}/offsets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offsets", description = "Offsets and certificates, reported beside the footprint, never netted")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class OffsetResource {

    @Inject
    Caller caller;

    @Inject
    OffsetService offsets;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Record an offset (kgCO2e) or a renewable energy certificate (MWh)",
            description = "Recorded beside the footprint; never subtracted from any total. A request "
                    + "asking to net it (netAgainstFootprint) is refused.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "A field is missing or out of range, or netting was asked")
    public Response record(@PathParam("project") String project, OffsetService.OffsetRequest request) {
        caller.requireProject(project);
        return Response.status(201).entity(offsets.record(ProjectScope.known(project), request)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "A project's offsets (kgCO2e) and certificates (MWh)")
    public List<OffsetService.OffsetView> list(@PathParam("project") String project) {
        caller.requireProject(project);
        return offsets.list(ProjectScope.known(project));
    }
}
