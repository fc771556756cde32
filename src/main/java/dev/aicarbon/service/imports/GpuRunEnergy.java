package dev.aicarbon.service.imports;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One Azure Machine Learning run's GPU energy, summed over its nodes and devices.
 *
 * @param row     the run's position in the answer, 1-based, for quarantine messages
 * @param firstAt the run's earliest sample; the estimate's month is its month (UTC)
 */
record GpuRunEnergy(int row, String runId, BigDecimal energyKwh, Instant firstAt) {
}
