package dev.aicarbon.providers.methodology;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * How much of a region's capacity one consumer used in one month under one service model.
 *
 * @param row             spreadsheet row number in the source file (header is row 1)
 * @param region          names a region of {@link DatacenterRow#region()}
 * @param month           the calendar month, [first day, first day of the next)
 * @param consumer        an ML project ({@code llm-pretrain}), a project's workload after a
 *                        slash ({@code llm-pretrain/pretrain-7b}), or any other named consumer
 * @param serviceModel    {@code IaaS}, {@code PaaS} or {@code SaaS}, spelled exactly so
 * @param normalisedUsage usage in the region's normalised unit, the same for every row of a
 *                        region and month; not negative
 */
public record ConsumerUsageRow(
        int row,
        String region,
        YearMonth month,
        String consumer,
        String serviceModel,
        BigDecimal normalisedUsage) {
}
