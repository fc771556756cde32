package dev.aicarbon.service.imports;

import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.focus.FocusLine;
import dev.aicarbon.service.model.UsageLineRecord;
import dev.aicarbon.service.projects.ProjectRegistry;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Stores FOCUS lines. A line's account is its SubAccountId, else its BillingAccountId. */
final class FocusLoader extends RestatingLoader<FocusLine> {

    private final ProjectRegistry.Discovery discovery;

    FocusLoader(long importId, Quarantine quarantine, ProjectRegistry.Discovery discovery) {
        super(importId, quarantine);
        this.discovery = discovery;
    }

    @Override
    protected RestatedKey storeRecord(FocusLine line) {
        UsageLineRecord record = toRecord(line);
        record.persist();
        if ("Usage".equals(line.chargeCategory())) {
            discovery.note(line.tags());
        }
        return new RestatedKey(record.provider, record.accountId, record.billingMonth);
    }

    @Override
    protected long supersedeEarlier(RestatedKey key) {
        return UsageLineRecord.update(
                "supersededBy = ?1 where supersededBy is null and importId <> ?1"
                        + " and provider = ?2 and accountId = ?3"
                        + " and billingMonth = ?4",
                importId, key.provider(), key.accountId(), key.month());
    }

    @Override
    protected ImportEffects applyEffects() {
        discovery.register();
        return super.applyEffects();
    }

    private UsageLineRecord toRecord(FocusLine line) {
        UsageLineRecord record = new UsageLineRecord();
        record.importId = importId;
        record.rowNumber = line.row();
        record.provider = line.providerCode();
        record.providerName = line.providerName();
        record.billingAccountId = line.billingAccountId();
        record.subAccountId = line.subAccountId();
        record.accountId = AccountIds.canonical(line.providerCode(),
                line.subAccountId() != null ? line.subAccountId() : line.billingAccountId());
        record.chargePeriodStart = line.chargePeriodStart();
        record.chargePeriodEnd = line.chargePeriodEnd();
        record.billingMonth = YearMonth.from(line.chargePeriodStart().atZone(ZoneOffset.UTC)).toString();
        record.chargeCategory = line.chargeCategory();
        record.regionId = line.regionId();
        record.serviceName = line.serviceName();
        record.serviceCategory = line.serviceCategory();
        record.resourceId = line.resourceId();
        record.skuId = line.skuId();
        record.consumedQuantity = line.consumedQuantity();
        record.consumedUnit = line.consumedUnit();
        record.listCost = line.listCost();
        record.effectiveCost = line.effectiveCost();
        record.billedCost = line.billedCost();
        record.billingCurrency = line.billingCurrency();
        record.tags = line.tags();
        return record;
    }
}
