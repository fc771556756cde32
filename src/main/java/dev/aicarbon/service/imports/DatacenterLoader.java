package dev.aicarbon.service.imports;

import dev.aicarbon.providers.methodology.DatacenterRow;
import dev.aicarbon.service.db.NativeSql;
import java.util.List;

/** Stores datacenters and the region each belongs to. */
final class DatacenterLoader extends BatchLoader<DatacenterRow> {

    DatacenterLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected void store(DatacenterRow row) {
        NativeSql.update("""
                insert into datacenter (datacenter, region, provider, import_id)
                values (?1, ?2, ?3, ?4)
                on conflict (datacenter) do update set region = excluded.region,
                    provider = excluded.provider, import_id = excluded.import_id""",
                row.datacenter(), row.region(), row.provider(), importId);
    }

    @Override
    protected ImportEffects applyEffects() {
        return new ImportEffects(List.of(), StaleRuns.markAllMethodology());
    }
}
