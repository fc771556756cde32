package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Caller;
import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.estimates.EstimateService;
import dev.aicarbon.service.estimates.OffsetService;
import dev.aicarbon.service.estimates.EstimateView;
import dev.aicarbon.service.projects.ProjectService;
import dev.aicarbon.service.projects.ProjectView;
import dev.aicarbon.service.query.EmissionsQuery;
import dev.aicarbon.service.query.EmissionsReport;
import dev.aicarbon.service.query.GroupKey;
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
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The ML project registry and each project's emissions")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class ProjectResource {

    @Inject
    Caller caller;

    @Inject
    ProjectService projects;

    @Inject
    EmissionsQuery emissions;

    @Inject
    EstimateService estimateService;

    @Inject
    OffsetService offsets;

    @Inject
    dev.aicarbon.service.query.AnswerCache answers;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @GET
    @Operation(summary = "List projects with their latest month's emissions (kgCO2e)")
    public List<ProjectView> list() {
        return projects.list().stream()
                .filter(view -> caller.mayRead(view.name()))
                .toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a project", description = "Projects named by usage tags are "
            + "registered on import as discovered; this registers one ahead, with its details.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Name malformed or reserved")
    @APIResponse(responseCode = "409", description = "A project of that name exists")
    public Response register(ProjectService.Registration registration) {
        return Response.status(201).entity(projects.register(registration)).build();
    }

    @GET
    @Path("/{project}")
    @Operation(summary = "One project")
    @APIResponse(responseCode = "404", description = "Unknown project")
    public ProjectView get(@PathParam("project") String project) {
        caller.requireProject(project);
        return projects.find(project).orElseThrow(() -> unknown(project));
    }

    @GET
    @Path("/{project}/emissions")
    @Operation(summary = "A project's allocated emissions in kgCO2e",
            description = "Rows of published allocation runs between from and to (inclusive), "
                    + "grouped by the groupBy keys: month, provider, account, region, service, "
                    + "workload, stage (repeat the parameter or separate with commas). Each row "
                    + "carries scope 1, scope 2 location-based and market-based, scope 3, "
                    + "scope-combined totals, totalLocation (1 + 2 location + 3) and totalMarket "
                    + "(1 + 2 market + 3), in kgCO2e, and its flags.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmissionsReport.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed; the answer names it")
    @APIResponse(responseCode = "404", description = "Unknown project")
    public Response emissions(@PathParam("project") String project,
            @Parameter(description = "First month, YYYY-MM; default the latest allocated month")
            @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM, inclusive; default from")
            @QueryParam("to") String to,
            @Parameter(description = "Keys to group by") @QueryParam("groupBy") List<String> groupBy,
            @Parameter(description = "Refused: offsets are never netted") @QueryParam("net") Boolean net,
            @Parameter(description = "Refused: offsets are never netted") @QueryParam("includeOffsets")
            Boolean includeOffsets) {
        if (Boolean.TRUE.equals(net) || Boolean.TRUE.equals(includeOffsets)) {
            throw new BadParameterException(Boolean.TRUE.equals(net) ? "net" : "includeOffsets",
                    OffsetService.NEVER_NETTED);
        }
        caller.requireProject(project);
        List<GroupKey> keys = GroupKey.parse(groupBy, EnumSet.complementOf(EnumSet.of(GroupKey.PROJECT)));
        // Kept as the JSON itself: writing it was what a kept answer still cost the most.
        byte[] json = answers.get(List.of("project-emissions", project, String.valueOf(from),
                String.valueOf(to), keys), () -> serialised(report(project, from, to, keys)));
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private byte[] serialised(EmissionsReport report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the emissions report", e);
        }
    }

    /** The report, or 404 for an unknown project (not kept: a project may be registered later). */
    private EmissionsReport report(String project, String from, String to, List<GroupKey> keys) {
        if (!projects.exists(project)) {
            throw unknown(project);
        }
        MonthRange range = MonthRange.of(from, to, () -> emissions.latestMonth(project));
        return emissions.report(project, range.from(), range.to(), keys)
                .withOffsets(offsets.beside(project, range.from(), range.to()));
    }

    @GET
    @Path("/{project}/estimates")
    @Operation(summary = "A project's stored job estimates (kWh, kgCO2e), newest month first")
    @APIResponse(responseCode = "404", description = "Unknown project")
    public List<EstimateView> estimates(@PathParam("project") String project) {
        caller.requireProject(project);
        if (!projects.exists(project)) {
            throw unknown(project);
        }
        return estimateService.list(project);
    }

    private static NotFoundException unknown(String project) {
        return new NotFoundException("no project " + project);
    }
}
