package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.estimates.EstimateCatalogue;
import dev.aicarbon.service.estimates.EstimateRequest;
import dev.aicarbon.service.estimates.EstimateService;
import dev.aicarbon.service.estimates.EstimateView;
import dev.aicarbon.service.estimates.BudgetService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Estimates", description = "Estimates of ML jobs before and beside the providers' data")
@RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.PROJECT_VIEWER})
public class EstimateResource {

    @Inject
    EstimateService estimates;

    @Inject
    EstimateCatalogue catalogue;

    @Inject
    BudgetService budgets;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/estimates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Estimate a job's energy (kWh) and emissions (kgCO2e)",
            description = "a-priori: hours = FLOPs / (count x peak FLOP/s x utilisation), FLOPs given or "
                    + "6 x parameters x tokens; a-posteriori: energy = count x average W x hours x PUE / 1000; "
                    + "measured: energy = measured IT kWh x PUE. Emissions = energy x grid kgCO2e/kWh "
                    + "(location- and market-based) plus the embodied share of the hardware (embodied "
                    + "kgCO2e x hours / lifetime hours x reserved share). Factors left out come from the "
                    + "catalogue and are returned with their sources.")
    @APIResponse(responseCode = "201", description = "Stored estimate")
    @APIResponse(responseCode = "400", description = "A field is missing or out of range; the answer names it")
    public Response create(EstimateRequest request) {
        if (request == null) {
            throw new BadParameterException("project", "a JSON body is required");
        }
        EstimateView estimate = estimates.create(request);
        budgets.evaluateAfterChange();
        return Response.status(201).entity(estimate).build();
    }

    @GET
    @Path("/catalogue/hardware")
    @Operation(summary = "Hardware the estimates know: TDP (W), peak FLOP/s, embodied kgCO2e, sources")
    public List<EstimateCatalogue.Hardware> hardware() {
        return catalogue.hardware();
    }

    @GET
    @Path("/catalogue/grid-factors")
    @Operation(summary = "Location-based grid factors per cloud region, kgCO2e/kWh, with year and source")
    public Map<String, EstimateCatalogue.SourcedValue> gridFactors() {
        return catalogue.gridFactors();
    }

    @GET
    @Path("/catalogue/pue")
    @Operation(summary = "Default PUE per provider, with year and source")
    public Map<String, EstimateCatalogue.SourcedValue> pue() {
        return catalogue.pues();
    }

    @GET
    @Path("/catalogue/wue")
    @Operation(summary = "Water usage effectiveness per provider, litres per kWh, with year and source")
    public Map<String, EstimateCatalogue.SourcedValue> wue() {
        return catalogue.wues();
    }
}
