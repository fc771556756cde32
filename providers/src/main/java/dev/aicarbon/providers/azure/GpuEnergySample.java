package dev.aicarbon.providers.azure;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The energy one GPU used in one interval of an Azure Monitor {@code GpuEnergyJoules} time
 * series, as Azure Machine Learning reports it for a job's compute.
 *
 * @param runId     the {@code runId} dimension: the Azure Machine Learning job; null when the
 *                  answer was not split by it
 * @param nodeId    the {@code InstanceId} dimension (older answers: {@code NodeId}): the
 *                  compute node; null when the answer was not split by it
 * @param deviceId  the {@code DeviceId} dimension: the GPU on that node; null when the answer
 *                  was not split by it
 * @param timestamp the start of the interval, as Azure Monitor stamps its data points; the
 *                  interval's length is the answer's {@code interval}
 * @param joules    the energy in the interval, the metric's {@code Total} aggregation, exact
 *                  as written in the answer; zero or more
 */
public record GpuEnergySample(
        String runId,
        String nodeId,
        String deviceId,
        Instant timestamp,
        BigDecimal joules) {
}
