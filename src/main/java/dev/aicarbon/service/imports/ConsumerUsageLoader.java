package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.methodology.ConsumerUsageRow;
import dev.aicarbon.service.db.NativeSql;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stores consumers' usage. A file is the whole usage of each region and month it names: it
 * replaces what earlier files said of them, consumers it no longer lists included.
 */
final class ConsumerUsageLoader extends BatchLoader<ConsumerUsageRow> {

    private final Set<String> knownRegions = NativeSql.column("select distinct region from datacenter");
    private final Set<String> replacedRegionMonths = new HashSet<>();
    private final Set<String> months = new TreeSet<>();

    ConsumerUsageLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected void store(ConsumerUsageRow row) {
        String month = row.month().toString();
        if (!knownRegions.contains(row.region())) {
            throw new RowRefused(new RowProblem(row.row(), "region",
                    "no datacenter is in region '" + row.region() + "': import datacenters first",
                    Map.of("region", row.region(), "month", month, "consumer", row.consumer())));
        }
        if (replacedRegionMonths.add(row.region() + "\u0000" + month)) {
            NativeSql.update("delete from consumer_usage where region = ?1 and month = ?2",
                    row.region(), month);
        }
        NativeSql.update("""
                insert into consumer_usage (region, month, consumer, service_model, normalised_usage,
                    import_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)""",
                row.region(), month, row.consumer(), row.serviceModel(), row.normalisedUsage(), importId);
        months.add(month);
    }

    @Override
    protected ImportEffects applyEffects() {
        return new ImportEffects(List.of(), StaleRuns.markMethodology(months));
    }
}
