package dev.aicarbon.service.imports;

import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.service.model.EmissionsCellRecord;

/** Stores provider emissions cells. */
final class EmissionsLoader extends RestatingLoader<EmissionsRow> {

    EmissionsLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected RestatedKey keyOf(EmissionsRow row) {
        return new RestatedKey(row.provider(), AccountIds.canonical(row.provider(), row.accountId()),
                row.month().toString());
    }

    @Override
    protected void storeRecord(EmissionsRow row, RestatedKey key) {
        EmissionsCellRecord cell = new EmissionsCellRecord();
        cell.importId = importId;
        cell.rowNumber = row.row();
        cell.provider = row.provider();
        cell.accountId = key.accountId();
        cell.month = key.month();
        cell.region = row.region();
        cell.service = row.service();
        cell.resourceId = row.resourceId();
        cell.scope2LocationFromMarket = row.scope2LocationFromMarket();
        cell.scopeCombined = row.scopeCombined();
        cell.scope1KgCo2e = row.scope1KgCo2e();
        cell.scope2LocationKgCo2e = row.scope2LocationKgCo2e();
        cell.scope2MarketKgCo2e = row.scope2MarketKgCo2e();
        cell.scope3KgCo2e = row.scope3KgCo2e();
        cell.totalLocationKgCo2e = row.totalLocationKgCo2e();
        cell.totalMarketKgCo2e = row.totalMarketKgCo2e();
        cell.persist();
    }

    @Override
    protected long supersedeEarlier(RestatedKey key) {
        return EmissionsCellRecord.update(
                "supersededBy = ?1 where supersededBy is null and importId <> ?1"
                        + " and provider = ?2 and accountId = ?3 and month = ?4",
                importId, key.provider(), key.accountId(), key.month());
    }
}
