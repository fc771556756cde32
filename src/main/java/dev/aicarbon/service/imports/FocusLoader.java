package dev.aicarbon.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.focus.FocusLine;
import dev.aicarbon.service.db.BinaryCopyRows;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.model.UsageLineRecord;
import dev.aicarbon.service.projects.ProjectRegistry;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stores FOCUS lines, streamed into {@code usage_line} with binary COPY as the reader hands
 * them over: a file of millions of lines passes through a buffer of a few kilobytes, never the
 * persistence context. A line's account is its SubAccountId, else its BillingAccountId.
 * Ids come from the column's default, the table's sequence (see V6).
 */
final class FocusLoader extends RestatingLoader<FocusLine> {

    private static final String COLUMNS = "import_id, row_number, provider, provider_name,"
            + " billing_account_id, sub_account_id, account_id, charge_period_start,"
            + " charge_period_end, billing_month, charge_category, region_id, service_name,"
            + " service_category, resource_id, sku_id, consumed_quantity, consumed_unit, list_cost,"
            + " effective_cost, billed_cost, billing_currency, tags";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Entries each memo below keeps before it starts over. */
    private static final int MEMO_AT_MOST = 10_000;

    private final ProjectRegistry.Discovery discovery;
    private final BinaryCopyRows rows;
    // Accounts, months and tag sets repeat on most lines of a file; the reader hands the same
    // tag map over for the same Tags text, so its JSON is looked up by identity.
    private final Map<String, String> canonicalAccounts = new HashMap<>();
    private final Map<Instant, String> months = new HashMap<>();
    private final Map<Map<String, String>, String> tagsJson = new IdentityHashMap<>();

    FocusLoader(long importId, Quarantine quarantine, ProjectRegistry.Discovery discovery) {
        super(importId, quarantine);
        this.discovery = discovery;
        this.rows = NativeSql.binaryCopyInto("usage_line", COLUMNS);
    }

    @Override
    protected RestatedKey keyOf(FocusLine line) {
        String account = line.subAccountId() != null ? line.subAccountId() : line.billingAccountId();
        return new RestatedKey(line.providerCode(), canonicalAccount(line.providerCode(), account),
                monthOf(line.chargePeriodStart()));
    }

    @Override
    protected void storeRecord(FocusLine line, RestatedKey key) {
        write(line, key.accountId(), key.month(), json(line.tags()));
        if ("Usage".equals(line.chargeCategory())) {
            discovery.note(line.tags());
        }
    }

    @Override
    protected boolean storesEntities() {
        return false;
    }

    @Override
    protected void pauseBulkWrites() {
        rows.pause();
    }

    @Override
    void abandon() {
        rows.abandon();
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
        rows.finish();
        discovery.register();
        return super.applyEffects();
    }

    /** One row in the order of {@link #COLUMNS}. */
    private void write(FocusLine line, String accountId, String billingMonth, String tagsJson) {
        rows.int8(importId)
                .int4(line.row())
                .text(line.providerCode())
                .text(line.providerName())
                .text(line.billingAccountId())
                .text(line.subAccountId())
                .text(accountId)
                .timestamptz(line.chargePeriodStart())
                .timestamptz(line.chargePeriodEnd())
                .text(billingMonth)
                .text(line.chargeCategory())
                .text(line.regionId())
                .text(line.serviceName())
                .text(line.serviceCategory())
                .text(line.resourceId())
                .text(line.skuId())
                .numeric(line.consumedQuantity())
                .text(line.consumedUnit())
                .numeric(line.listCost())
                .numeric(line.effectiveCost())
                .numeric(line.billedCost())
                .text(line.billingCurrency())
                .jsonb(tagsJson);
        rows.endRow();
    }

    private String canonicalAccount(String providerCode, String account) {
        String key = providerCode + '\u0000' + account;
        String canonical = canonicalAccounts.get(key);
        if (canonical == null) {
            canonical = AccountIds.canonical(providerCode, account);
            remember(canonicalAccounts, key, canonical);
        }
        return canonical;
    }

    private String monthOf(Instant chargePeriodStart) {
        String month = months.get(chargePeriodStart);
        if (month == null) {
            month = YearMonth.from(chargePeriodStart.atZone(ZoneOffset.UTC)).toString();
            remember(months, chargePeriodStart, month);
        }
        return month;
    }

    private String json(Map<String, String> tags) {
        String json = tagsJson.get(tags);
        if (json == null) {
            json = serialise(tags);
            remember(tagsJson, tags, json);
        }
        return json;
    }

    private static <K> void remember(Map<K, String> memo, K key, String value) {
        if (memo.size() >= MEMO_AT_MOST) {
            memo.clear();
        }
        memo.put(key, value);
    }

    private static String serialise(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
