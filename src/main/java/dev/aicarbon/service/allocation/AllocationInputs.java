package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.service.model.EmissionsCellRecord;
import dev.aicarbon.service.model.UsageLineRecord;
import java.time.YearMonth;
import java.util.List;

/**
 * Reads a month's current emissions cells (not replaced by a restatement) into the engine's
 * type; the usage lines, many more, are streamed by {@link MonthUsageCursor}. Only FOCUS lines
 * of ChargeCategory {@code Usage} take part in allocation. Account ids were put in canonical
 * form on import ({@code AccountIds}).
 */
final class AllocationInputs {

    private AllocationInputs() {
    }

    static List<EmissionsCell> cells(YearMonth month) {
        return EmissionsCellRecord.<EmissionsCellRecord>list(
                        "month = ?1 and supersededBy is null order by id", month.toString())
                .stream()
                .map(record -> toCell(record, month))
                .toList();
    }

    /** True when the month has a current usage line to allocate over. */
    static boolean hasUsageLines(YearMonth month) {
        return UsageLineRecord.find("billingMonth = ?1 and chargeCategory = 'Usage'"
                + " and supersededBy is null", month.toString()).firstResultOptional().isPresent();
    }

    private static EmissionsCell toCell(EmissionsCellRecord record, YearMonth month) {
        Emissions emissions = record.scopeCombined
                ? Emissions.ofCombinedTotals(record.totalLocationKgCo2e, record.totalMarketKgCo2e)
                : Emissions.ofScopes(record.scope1KgCo2e, record.scope2LocationKgCo2e,
                        record.scope2MarketKgCo2e, record.scope3KgCo2e);
        return new EmissionsCell(String.valueOf(record.id), record.provider, record.accountId,
                month, record.region, record.service, record.resourceId, emissions,
                record.scope2LocationFromMarket);
    }
}
