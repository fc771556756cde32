package dev.aicarbon.service.allocation;

import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.model.EmissionsCellRecord;
import dev.aicarbon.service.model.ImportBatch;
import dev.aicarbon.service.model.UsageLineRecord;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

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

    /**
     * The month's current usage lines. A line's id is its file's content hash and its row
     * number, not its database id: the engine breaks ties by line id, so an id that does not
     * depend on insertion order keeps a rerun after a crash identical to the last digit.
     */
    static List<UsageLine> usageLines(YearMonth month) {
        List<UsageLineRecord> records = UsageLineRecord.list(
                "billingMonth = ?1 and chargeCategory = 'Usage' and supersededBy is null order by id",
                month.toString());
        Map<Long, String> hashes = contentHashes(records.stream().map(record -> record.importId).toList());
        return records.stream()
                .map(record -> toLine(record, month, hashes.get(record.importId)))
                .toList();
    }

    private static Map<Long, String> contentHashes(List<Long> importIds) {
        Map<Long, String> hashes = new HashMap<>();
        if (!importIds.isEmpty()) {
            ImportBatch.<ImportBatch>list("id in ?1", new HashSet<>(importIds))
                    .forEach(batch -> hashes.put(batch.id, batch.contentSha256));
        }
        return hashes;
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

    private static UsageLine toLine(UsageLineRecord record, YearMonth month, String contentHash) {
        String lineId = contentHash + "#" + String.format("%010d", record.rowNumber);
        return new UsageLine(lineId, record.provider, record.accountId, month,
                record.regionId, record.serviceName, record.listCost, record.effectiveCost,
                record.consumedQuantity, record.tags, record.resourceId);
    }
}
