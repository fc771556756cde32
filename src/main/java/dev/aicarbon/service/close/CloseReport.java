package dev.aicarbon.service.close;

import dev.aicarbon.service.api.KgCo2eView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A month close as recorded: trigger, inputs with hashes, stages, published runs, totals. */
@Schema(description = "A month close. totals are the allocation run's kgCO2e: input, projects and buckets")
public record CloseReport(
        long runId,
        String month,
        String triggeredBy,
        @Schema(description = "running, interrupted, done, nothing-to-do, quality-threshold-exceeded, failed")
        String status,
        Integer exitCode,
        String methodologyVersion,
        Long allocationRunId,
        Long methodologyRunId,
        List<InputFile> inputs,
        List<Stage> stages,
        Map<String, KgCo2eView> totals,
        String message,
        Instant startedAt,
        Instant finishedAt) {

    /** A file the close imported, by content hash. */
    public record InputFile(String kind, String file, String sha256, long importId, boolean duplicate,
            int rowsRead, int rowsAccepted, int rowsQuarantined) {
    }

    /** One stage: how long it took and what it counted. */
    public record Stage(String name, long durationMs, Map<String, Object> counts) {
    }
}
