package dev.aicarbon.service.allocation;

import dev.aicarbon.service.api.KgCo2eView;
import dev.aicarbon.service.model.AllocationRun;
import dev.aicarbon.service.model.KgCo2eAmounts;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An allocation run as the API shows it. */
@Schema(description = "An allocation run of one month. Totals are in kgCO2e; per component, "
        + "input = projects + the sum of the buckets, exactly.")
public record RunView(
        long runId,
        String month,
        @Schema(description = "current, stale (an input was restated since) or superseded")
        String status,
        String usageMetric,
        Instant startedAt,
        Instant finishedAt,
        Long supersededBy,
        Inputs inputs,
        Totals totals) {

    public record Inputs(int emissionsCells, int usageLines, int cellsMatched, int cellsUnmatched,
            int usageLinesUsed) {
    }

    public record Totals(KgCo2eView input, KgCo2eView projects, Map<String, KgCo2eView> buckets) {
    }

    public static RunView of(AllocationRun run) {
        Map<String, KgCo2eView> buckets = new TreeMap<>();
        run.totals.forEach((part, amounts) -> {
            if (!part.equals(AllocationRun.INPUT) && !part.equals(AllocationRun.PROJECTS)) {
                buckets.put(part, view(amounts));
            }
        });
        Totals totals = new Totals(view(run.totals.get(AllocationRun.INPUT)),
                view(run.totals.get(AllocationRun.PROJECTS)), buckets);
        Inputs inputs = new Inputs(run.cellsRead, run.linesRead, run.cellsMatched,
                run.cellsUnmatched, run.linesUsed);
        return new RunView(run.id, run.month, run.status, run.usageMetric, run.startedAt,
                run.finishedAt, run.supersededBy, inputs, totals);
    }

    private static KgCo2eView view(KgCo2eAmounts amounts) {
        return KgCo2eView.of(amounts.toEmissions());
    }
}
