package dev.aicarbon.service.imports;

import java.math.BigDecimal;

/**
 * What a measured-energy file does not say and its import names: the project the jobs belong
 * to, and optionally their workload, stage, where they ran and on what.
 *
 * @param provider aws, azure or gcp; overrides what the file says
 * @param region   cloud region; overrides what the file says
 * @param hardware catalogue id; with count, adds the hardware's embodied share
 */
public record MeasuredJob(String project, String workload, String stage, String provider, String region,
        BigDecimal pue, BigDecimal gridKgCo2ePerKwh, String hardware, BigDecimal count) {
}
