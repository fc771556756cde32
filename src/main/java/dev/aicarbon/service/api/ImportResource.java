package dev.aicarbon.service.api;

import dev.aicarbon.service.imports.ImportService;
import dev.aicarbon.service.imports.ImportSummary;
import dev.aicarbon.service.model.ImportBatch;
import dev.aicarbon.service.model.QuarantinedRow;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "FOCUS usage and provider emissions files in")
public class ImportResource {

    static final String TEXT_CSV = "text/csv";

    @Inject
    ImportService imports;

    @POST
    @Path("/focus")
    @Consumes(TEXT_CSV)
    @Operation(summary = "Import a FOCUS 1.x cost and usage CSV export",
            description = "Any of the three clouds' FOCUS exports. Extra columns (provider x_ "
                    + "columns) are ignored. Rows that cannot be used are quarantined and listed. "
                    + "Byte-identical content is not stored twice. A file for a provider account "
                    + "and month already imported replaces the earlier rows (a restatement).")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "200", description = "Same content imported before; nothing stored")
    @APIResponse(responseCode = "400", description = "Not CSV, or required columns missing; nothing stored")
    public Response importFocus(InputStream body,
            @Parameter(description = "File name to name in errors")
            @QueryParam("source") @DefaultValue("request body") String source) {
        return answer(imports.importFocus(body, source));
    }

    @POST
    @Path("/emissions")
    @Consumes(TEXT_CSV)
    @Operation(summary = "Import a provider emissions CSV (kgCO2e)",
            description = "Header provider,account_id,month,region,service,scope1_kgco2e,"
                    + "scope2_location_kgco2e,scope2_market_kgco2e,scope3_kgco2e; rows of providers "
                    + "that publish no scope split carry total_location_kgco2e and "
                    + "total_market_kgco2e instead and are kept as scope-combined. All amounts in "
                    + "kilograms of CO2e.")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "200", description = "Same content imported before; nothing stored")
    @APIResponse(responseCode = "400", description = "Not CSV, or required columns missing; nothing stored")
    public Response importEmissions(InputStream body,
            @Parameter(description = "File name to name in errors")
            @QueryParam("source") @DefaultValue("request body") String source) {
        return answer(imports.importEmissions(body, source));
    }

    @POST
    @Path("/methodology/{kind}")
    @Consumes(TEXT_CSV)
    @Operation(summary = "Import a seven-step methodology input file",
            description = "kind, in the order references require: component-factors "
                    + "(component,unit,manufacturing_kgco2e,transport_kgco2e,end_of_life_kgco2e: "
                    + "kgCO2e per unit of the component), hardware-models (model,component,quantity), "
                    + "datacenters (datacenter,region[,provider]), assets (asset_id,model,datacenter,"
                    + "in_service_date,retired_date), datacenter-months (datacenter,month,it_energy_kwh,"
                    + "pue,location_kgco2e_per_kwh,market_kgco2e_per_kwh,scope1_kgco2e), usage (region,"
                    + "month,consumer,service_model,normalised_usage). Rows naming something not "
                    + "imported yet are quarantined with the reason. See docs/methodology.md.")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "200", description = "Same content imported before; nothing stored")
    @APIResponse(responseCode = "400", description = "Not CSV, or required columns missing; nothing stored")
    @APIResponse(responseCode = "404", description = "Unknown kind")
    public Response importMethodology(
            @Parameter(description = "component-factors, hardware-models, datacenters, assets, "
                    + "datacenter-months or usage")
            @PathParam("kind") String kind,
            InputStream body,
            @Parameter(description = "File name to name in errors")
            @QueryParam("source") @DefaultValue("request body") String source) {
        if (!ImportService.METHODOLOGY_KINDS.contains(kind)) {
            throw new NotFoundException("no methodology file kind " + kind + "; known: "
                    + String.join(", ", ImportService.METHODOLOGY_KINDS));
        }
        return answer(imports.importMethodology(kind, body, source));
    }

    @GET
    @Operation(summary = "List imports, newest first")
    @Transactional
    public List<ImportBatch> list() {
        return ImportBatch.list("order by id desc");
    }

    @GET
    @Path("/{importId}")
    @Operation(summary = "One import's summary with its first quarantined rows")
    public ImportSummary get(@PathParam("importId") long importId) {
        return imports.find(importId)
                .orElseThrow(() -> new NotFoundException("no import " + importId));
    }

    @GET
    @Path("/{importId}/quarantine")
    @Operation(summary = "An import's quarantined rows, with their raw values")
    @Transactional
    public List<QuarantinedRowView> quarantine(@PathParam("importId") long importId,
            @QueryParam("limit") @DefaultValue("1000") int limit) {
        if (ImportBatch.findById(importId) == null) {
            throw new NotFoundException("no import " + importId);
        }
        if (limit < 1) {
            throw new BadParameterException("limit", "limit must be at least 1");
        }
        return QuarantinedRow.listForImport(importId, limit).stream()
                .map(row -> new QuarantinedRowView(row.rowNumber, row.columnName, row.reason, row.rawValues))
                .toList();
    }

    /** A quarantined row with the values it was read with. */
    public record QuarantinedRowView(int row, String column, String reason, Map<String, String> values) {
    }

    private static Response answer(ImportSummary summary) {
        int status = summary.duplicate() ? 200 : 201;
        return Response.status(status).entity(summary).build();
    }
}
