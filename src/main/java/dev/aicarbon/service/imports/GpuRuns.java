package dev.aicarbon.service.imports;

import dev.aicarbon.providers.azure.AzureMonitorGpuEnergyReader;
import dev.aicarbon.providers.azure.GpuEnergyRead;
import dev.aicarbon.providers.azure.GpuEnergySample;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowSink;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Groups GPU energy samples by run and hands each run to a loader. */
final class GpuRuns {

    private GpuRuns() {
    }

    static ReadSummary feed(GpuEnergyRead read, RowSink<GpuRunEnergy> sink) {
        Map<String, Instant> firstAt = new TreeMap<>();
        for (GpuEnergySample sample : read.samples()) {
            String run = sample.runId() == null ? AzureMonitorGpuEnergyReader.NO_RUN_ID : sample.runId();
            firstAt.merge(run, sample.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Map.Entry<String, java.math.BigDecimal>> runs =
                List.copyOf(AzureMonitorGpuEnergyReader.kwhByRun(read.samples()).entrySet());
        for (int i = 0; i < runs.size(); i++) {
            Map.Entry<String, java.math.BigDecimal> run = runs.get(i);
            sink.accept(new GpuRunEnergy(i + 1, run.getKey(), run.getValue(), firstAt.get(run.getKey())));
        }
        return new ReadSummary(runs.size(), runs.size(), 0);
    }
}
