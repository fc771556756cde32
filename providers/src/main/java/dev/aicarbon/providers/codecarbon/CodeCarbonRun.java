package dev.aicarbon.providers.codecarbon;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of a CodeCarbon {@code emissions.csv}: what the tracker measured for a run up to
 * the moment it wrote the row.
 *
 * <p>Units are CodeCarbon's own: energies in kWh, emissions in kg CO2e, duration in seconds.
 * Since 2.2.3, the version that added the {@code pue} column, CodeCarbon multiplies each
 * component's energy by its PUE as it measures, so CPU, GPU and RAM energy and their sum all
 * include the data centre overhead already: applying a PUE again counts it twice, and the
 * device-level energy is the value divided by {@code pue}. A file without that column comes
 * from an earlier version, which applied none.
 * {@code emissionsKg} is CodeCarbon's estimate with its own grid factor, kept for comparison;
 * the energies are the measured part.
 *
 * <p>A run that called {@code flush()} has several rows with the same {@code runId}, each
 * holding the totals since the run started, not since the previous row: the latest row holds
 * the run's total, and adding the rows up counts the early part of the run more than once.
 *
 * <p>Every number is zero or more. Fields for optional columns are null when the file has no
 * such column (older CodeCarbon versions lack {@code experiment_id} and {@code pue}) or the
 * cell is empty.
 *
 * @param row                spreadsheet row number in the source file (header is row 1)
 * @param timestamp          when the tracker wrote the row, that is the end of the span
 *                           measured; see {@link CodeCarbonCsvReader} for the time zone
 * @param durationSeconds    seconds from the start of the run to {@code timestamp}
 * @param emissionsKg        kg CO2e as CodeCarbon estimated them
 * @param energyConsumedKwh  CPU, GPU and RAM energy together, PUE included
 * @param countryIsoCode     three-letter ISO 3166 code, as CodeCarbon writes it
 * @param cloudProvider      {@code aws}, {@code azure}, {@code gcp} or null off the cloud
 * @param gpuCount           GPUs the tracker saw; null when the cell is empty
 * @param pue                the power usage effectiveness CodeCarbon applied, 1 or more
 */
public record CodeCarbonRun(
        int row,
        Instant timestamp,
        String projectName,
        String runId,
        String experimentId,
        BigDecimal durationSeconds,
        BigDecimal emissionsKg,
        BigDecimal energyConsumedKwh,
        BigDecimal cpuEnergyKwh,
        BigDecimal gpuEnergyKwh,
        BigDecimal ramEnergyKwh,
        String countryIsoCode,
        String region,
        String cloudProvider,
        String cloudRegion,
        Integer gpuCount,
        String gpuModel,
        BigDecimal pue) {
}
