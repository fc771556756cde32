package dev.aicarbon.providers.azure;

import java.util.ArrayList;
import java.util.List;

/**
 * What was read from one or more Azure Monitor answers for {@code GpuEnergyJoules}.
 *
 * <p>Azure Monitor lists every interval of the requested timespan in every time series, and
 * an interval in which a GPU reported nothing comes without a {@code total}. Such points are
 * counted in {@code pointsWithoutTotal} and make no sample: they are not zero energy, they
 * are no measurement. {@code pointsRead() = samples.size() + pointsWithoutTotal}.
 *
 * <p>Immutable.
 *
 * @param samples            the data points that carry a total, in answer order
 * @param seriesRead         time series read, one per run, node and device combination
 * @param pointsWithoutTotal data points skipped because they carry no total
 */
public record GpuEnergyRead(
        List<GpuEnergySample> samples,
        int seriesRead,
        int pointsWithoutTotal) {

    public GpuEnergyRead {
        samples = List.copyOf(samples);
    }

    /** Nothing read. */
    public static GpuEnergyRead empty() {
        return new GpuEnergyRead(List.of(), 0, 0);
    }

    /** Every data point read, with or without a total. */
    public int pointsRead() {
        return samples.size() + pointsWithoutTotal;
    }

    /** This read followed by {@code next}, as when an answer comes in pages. */
    public GpuEnergyRead plus(GpuEnergyRead next) {
        List<GpuEnergySample> both = new ArrayList<>(samples);
        both.addAll(next.samples);
        return new GpuEnergyRead(both, seriesRead + next.seriesRead,
                pointsWithoutTotal + next.pointsWithoutTotal);
    }
}
