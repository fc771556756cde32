package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.model.EmissionsCellRecord;
import dev.aicarbon.service.model.UsageLineRecord;
import java.time.YearMonth;
import java.util.List;

/**
 * Reads a month's current inputs (rows not replaced by a restatement) into the engine's
 * types. Only FOCUS lines of ChargeCategory {@code Usage} take part in allocation.
 * Account ids were put in canonical form on import ({@code AccountIds}).
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

    static List<UsageLine> usageLines(YearMonth month) {
        return UsageLineRecord.<UsageLineRecord>list(
                        "billingMonth = ?1 and chargeCategory = 'Usage' and supersededBy is null order by id",
                        month.toString())
                .stream()
                .map(record -> toLine(record, month))
                .toList();
    }

    private static EmissionsCell toCell(EmissionsCellRecord record, YearMonth month) {
        Emissions emissions = record.scopeCombined
                ? Emissions.ofCombinedTotals(record.totalLocationKgCo2e, record.totalMarketKgCo2e)
                : Emissions.ofScopes(record.scope1KgCo2e, record.scope2LocationKgCo2e,
                        record.scope2MarketKgCo2e, record.scope3KgCo2e);
        return new EmissionsCell(String.valueOf(record.id), record.provider, record.accountId,
                month, record.region, record.service, emissions);
    }

    private static UsageLine toLine(UsageLineRecord record, YearMonth month) {
        return new UsageLine(String.valueOf(record.id), record.provider, record.accountId, month,
                record.regionId, record.serviceName, record.listCost, record.effectiveCost,
                record.consumedQuantity, record.tags);
    }
}
