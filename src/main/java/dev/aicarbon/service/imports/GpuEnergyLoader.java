package dev.aicarbon.service.imports;

import dev.aicarbon.allocation.estimate.InvalidEstimateException;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.estimates.EstimateRequest;
import dev.aicarbon.service.estimates.EstimateService;
import dev.aicarbon.service.model.EstimateRecord;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Turns each run's measured GPU energy into a measured estimate. A run already estimated for
 * the project (an earlier file or pull covering it) is replaced, so that overlapping windows
 * never count a run twice. GPU energy is device energy: the service's PUE and grid factor
 * apply to it as to any measurement.
 */
final class GpuEnergyLoader extends BatchLoader<GpuRunEnergy> {

    /** The key under which an estimate's inputs keep the run it measured. */
    static final String RUN_ID_INPUT = "azureMlRunId";

    private final EstimateService estimates;
    private final MeasuredJob job;

    GpuEnergyLoader(long importId, Quarantine quarantine, EstimateService estimates, MeasuredJob job) {
        super(importId, quarantine);
        this.estimates = estimates;
        this.job = job;
    }

    @Override
    protected void store(GpuRunEnergy run) {
        EstimateRequest request = new EstimateRequest(job.project(),
                job.workload() != null ? job.workload() : run.runId(), job.stage(), "measured",
                YearMonth.from(run.firstAt().atZone(ZoneOffset.UTC)).toString(), null, null, null, null,
                null, job.pue(), job.provider() != null ? job.provider() : "azure", job.region(),
                job.gridKgCo2ePerKwh(), null, false, null, null, null, null, null, null, null, run.energyKwh());
        EstimateRecord estimate;
        try {
            estimate = estimates.estimate(request, importId);
        } catch (BadParameterException e) {
            throw refused(run, e.parameter(), e.getMessage());
        } catch (InvalidEstimateException e) {
            throw refused(run, e.field(), e.getMessage());
        }
        estimate.inputs.put(RUN_ID_INPUT, run.runId());
        NativeSql.update("delete from estimate where project = ?1 and method = 'measured'"
                + " and inputs ->> '" + RUN_ID_INPUT + "' = ?2", job.project(), run.runId());
        estimate.persist();
    }

    @Override
    protected ImportEffects applyEffects() {
        return ImportEffects.NONE;
    }

    private static RowRefused refused(GpuRunEnergy run, String field, String reason) {
        return new RowRefused(new RowProblem(run.row(), field, reason, Map.of(
                "runId", run.runId(),
                "energyKwh", run.energyKwh().toPlainString())));
    }
}
