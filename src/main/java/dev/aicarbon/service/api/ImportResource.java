package dev.aicarbon.service.api;

import dev.aicarbon.service.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.aicarbon.service.estimates.BudgetService;
import dev.aicarbon.service.estimates.GpuEnergyPull;
import dev.aicarbon.service.imports.ImportService;
import dev.aicarbon.service.imports.MeasuredJob;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "FOCUS usage and provider emissions files in")
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    private static final java.util.List<String> PROVIDER_FORMATS = java.util.List.of("aws", "azure", "gcp");


    static final String TEXT_CSV = "text/csv";

    @Inject
    ImportService imports;

    @Inject
    BudgetService budgets;

    @Inject
    GpuEnergyPull gpuEnergyPull;

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
    @Path("/emissions/{provider}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import emissions in a provider's own export format",
            description = "aws: the CARBON_EMISSIONS Data Export file (Parquet, or CSV plain or "
                    + "gzip), metric tonnes converted to kg exactly, kept scope-combined. azure: "
                    + "the Carbon Optimization responses per scope as a bundle "
                    + "{\"month\", \"responses\": {\"Scope1\": [pages], ...}} (docs/providers-azure.md). "
                    + "gcp: Carbon Footprint rows as CSV or newline-delimited JSON.")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "200", description = "Same content imported before; nothing stored")
    @APIResponse(responseCode = "400", description = "Not the provider's format; nothing stored")
    public Response importProviderEmissions(@PathParam("provider") String provider, InputStream body,
            @Parameter(description = "File name to name in errors")
            @QueryParam("source") @DefaultValue("request body") String source) {
        if (!PROVIDER_FORMATS.contains(provider)) {
            throw new BadParameterException("provider", "provider must be one of " + PROVIDER_FORMATS);
        }
        return answer(imports.importProviderEmissions(provider, body, source));
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

    @POST
    @Path("/codecarbon")
    @Consumes(TEXT_CSV)
    @Operation(summary = "Import a CodeCarbon emissions.csv as measured estimates (kWh, kgCO2e)",
            description = "One estimate per run: IT energy (cpu + gpu + ram energy, else energy_consumed) "
                    + "x PUE x the grid factor of the run's cloud region (or of region), plus the embodied "
                    + "share when hardware and count are given. Runs that cannot be estimated are "
                    + "quarantined with the reason.")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "200", description = "Same content imported before; nothing stored")
    @APIResponse(responseCode = "400", description = "Not a CodeCarbon file, or project or stage unknown")
    public Response importCodeCarbon(InputStream body,
            @QueryParam("source") @DefaultValue("request body") String source,
            @Parameter(description = "Registered project the runs belong to", required = true)
            @QueryParam("project") String project,
            @Parameter(description = "Workload; default each run's experiment or project name")
            @QueryParam("workload") String workload,
            @QueryParam("stage") String stage,
            @Parameter(description = "aws, azure or gcp; default each run's cloud_provider")
            @QueryParam("provider") String provider,
            @Parameter(description = "Cloud region; default each run's cloud_region")
            @QueryParam("region") String region,
            @Parameter(description = "PUE; default the provider's") @QueryParam("pue") BigDecimal pue,
            @Parameter(description = "Grid factor override, kgCO2e/kWh") @QueryParam("gridKgCo2ePerKwh")
            BigDecimal grid,
            @Parameter(description = "Catalogue hardware id, for the embodied share") @QueryParam("hardware")
            String hardware,
            @Parameter(description = "Units of that hardware") @QueryParam("count") BigDecimal count) {
        MeasuredJob job = new MeasuredJob(project, workload, stage, provider, region, pue, grid, hardware, count);
        ImportSummary summary = imports.importCodeCarbon(body, source, job);
        budgets.evaluateAfterChange();
        return answer(summary);
    }

    @POST
    @Path("/azure-monitor-gpu-energy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import Azure ML GPU energy (GpuEnergyJoules, J per interval) as measured estimates",
            description = "The Azure Monitor Metrics API's JSON for the GpuEnergyJoules metric of an Azure "
                    + "Machine Learning workspace. One estimate per run: kWh = J / 3,600,000, x PUE x grid "
                    + "kgCO2e/kWh of region. A run estimated before is replaced, never counted twice.")
    @APIResponse(responseCode = "201", description = "Imported")
    @APIResponse(responseCode = "400", description = "Not a metrics answer, or project or stage unknown")
    public Response importAzureMonitorGpuEnergy(InputStream body,
            @QueryParam("source") @DefaultValue("request body") String source,
            @QueryParam("project") String project, @QueryParam("workload") String workload,
            @QueryParam("stage") String stage,
            @Parameter(description = "Azure region of the compute, e.g. westeurope") @QueryParam("region")
            String region,
            @QueryParam("pue") BigDecimal pue, @QueryParam("gridKgCo2ePerKwh") BigDecimal grid) {
        MeasuredJob job = new MeasuredJob(project, workload, stage, "azure", region, pue, grid, null, null);
        ImportSummary summary = imports.importAzureMonitorGpuEnergy(body, source, job);
        budgets.evaluateAfterChange();
        return answer(summary);
    }

    /** The body of a pull of GPU energy from Azure Monitor. */
    public record GpuEnergyPullRequest(String workspaceResourceId, String from, String to, String project,
            String workload, String stage, String region, BigDecimal pue, BigDecimal gridKgCo2ePerKwh) {
    }

    @POST
    @Path("/azure-monitor-gpu-energy/pull")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pull Azure ML GPU energy from Azure Monitor through the Azure SDK (kWh, kgCO2e)",
            description = "Where configured (carbon.azure-monitor.enabled), reads GpuEnergyJoules of the "
                    + "workspace for [from, to) (ISO instants) with the service's Azure identity and "
                    + "stores one measured estimate per run, as the file import does.")
    @APIResponse(responseCode = "201", description = "Pulled and stored")
    @APIResponse(responseCode = "409", description = "The pull is not configured here")
    public Response pullAzureMonitorGpuEnergy(GpuEnergyPullRequest request) {
        if (request == null || request.workspaceResourceId() == null) {
            throw new BadParameterException("workspaceResourceId", "workspaceResourceId is required");
        }
        java.time.Instant from = instant("from", request.from());
        java.time.Instant to = instant("to", request.to());
        var read = gpuEnergyPull.pull(request.workspaceResourceId(), from, to);
        MeasuredJob job = new MeasuredJob(request.project(), request.workload(), request.stage(), "azure",
                request.region(), request.pue(), request.gridKgCo2ePerKwh(), null, null);
        ImportSummary summary = imports.importPulledGpuEnergy(read, request.workspaceResourceId(), job);
        budgets.evaluateAfterChange();
        return Response.status(201).entity(summary).build();
    }

    private static java.time.Instant instant(String parameter, String value) {
        try {
            return java.time.Instant.parse(value);
        } catch (RuntimeException e) {
            throw new BadParameterException(parameter, parameter + " must be an ISO instant such as "
                    + "2026-11-01T00:00:00Z, got '" + value + "'");
        }
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "List imports, newest first")
    @Transactional
    public List<ImportBatch> list() {
        return ImportBatch.list("order by id desc");
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Path("/{importId}")
    @Operation(summary = "One import's summary with its first quarantined rows")
    public ImportSummary get(@PathParam("importId") long importId) {
        return imports.find(importId)
                .orElseThrow(() -> new NotFoundException("no import " + importId));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
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
