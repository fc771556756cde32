package dev.aicarbon.service.imports;

import dev.aicarbon.allocation.estimate.InvalidEstimateException;
import dev.aicarbon.providers.codecarbon.CodeCarbonRun;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.estimates.EstimateRequest;
import dev.aicarbon.service.estimates.EstimateService;
import dev.aicarbon.service.model.EstimateRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns each CodeCarbon run into a measured estimate. The measured IT energy is the sum of
 * the CPU, GPU and RAM energies CodeCarbon writes, or its {@code energy_consumed} when those
 * are absent. From version 2.2.3 CodeCarbon multiplies them by its own {@code pue} column, so
 * they are divided by it back to device level; the service's own PUE and grid factors are then
 * applied, so CodeCarbon runs compare with every other estimate.
 *
 * <p>Known shortcoming: a run that flushed several times writes several rows, each a running
 * total; each row is taken as a job of its own. Keeping only the latest row per run id would
 * lift it, at the cost of buffering the file.
 */
final class CodeCarbonLoader extends BatchLoader<CodeCarbonRun> {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Request fields named by the estimate, as the CodeCarbon columns they come from. */
    private static final Map<String, String> COLUMNS = Map.of(
            "region", "cloud_region",
            "provider", "cloud_provider",
            "measuredEnergyKwh", "energy_consumed",
            "hours", "duration",
            "month", "timestamp");

    private final EstimateService estimates;
    private final MeasuredJob job;

    CodeCarbonLoader(long importId, Quarantine quarantine, EstimateService estimates, MeasuredJob job) {
        super(importId, quarantine);
        this.estimates = estimates;
        this.job = job;
    }

    @Override
    protected void store(CodeCarbonRun run) {
        EstimateRequest request = request(run);
        try {
            EstimateRecord estimate = estimates.estimate(request, importId);
            estimate.persist();
        } catch (BadParameterException e) {
            throw refused(run, e.parameter(), e.getMessage());
        } catch (InvalidEstimateException e) {
            throw refused(run, e.field(), e.getMessage());
        }
    }

    @Override
    protected ImportEffects applyEffects() {
        return ImportEffects.NONE;
    }

    private EstimateRequest request(CodeCarbonRun run) {
        String provider = job.provider() != null ? job.provider() : run.cloudProvider();
        String region = job.region() != null ? job.region() : run.cloudRegion();
        String workload = job.workload() != null ? job.workload()
                : run.experimentId() != null ? run.experimentId() : run.projectName();
        BigDecimal hours = run.durationSeconds().divide(SECONDS_PER_HOUR, 12, RoundingMode.HALF_EVEN);
        boolean embodied = job.hardware() != null && job.count() != null;
        return new EstimateRequest(job.project(), workload, job.stage(), "measured",
                YearMonth.from(run.timestamp().atZone(ZoneOffset.UTC)).toString(), job.hardware(), null,
                job.count(), hours, null, job.pue(), provider, region, job.gridKgCo2ePerKwh(), null,
                embodied, null, null, null, null, null, null, null, itEnergyKwh(run));
    }

    private static BigDecimal itEnergyKwh(CodeCarbonRun run) {
        List<BigDecimal> parts = Arrays.asList(run.cpuEnergyKwh(), run.gpuEnergyKwh(), run.ramEnergyKwh());
        BigDecimal written = parts.stream().allMatch(part -> part != null)
                ? parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                : run.energyConsumedKwh();
        if (run.pue() == null || run.pue().compareTo(BigDecimal.ONE) == 0) {
            return written;
        }
        return written.divide(run.pue(), 12, RoundingMode.HALF_EVEN);
    }

    private static RowRefused refused(CodeCarbonRun run, String field, String reason) {
        String column = COLUMNS.getOrDefault(field, field);
        return new RowRefused(new RowProblem(run.row(), column, reason, Map.of(
                "run_id", String.valueOf(run.runId()),
                "timestamp", String.valueOf(run.timestamp()),
                "energy_consumed", String.valueOf(run.energyConsumedKwh()),
                "cloud_provider", String.valueOf(run.cloudProvider()),
                "cloud_region", String.valueOf(run.cloudRegion()))));
    }
}
