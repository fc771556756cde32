package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.methodology.DatacenterMonthRow;
import dev.aicarbon.service.db.NativeSql;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Stores a datacenter's month: IT energy, PUE, grid factors and direct emissions. */
final class DatacenterMonthLoader extends BatchLoader<DatacenterMonthRow> {

    private final Set<String> knownDatacenters = NativeSql.column("select datacenter from datacenter");
    private final Set<String> months = new TreeSet<>();

    DatacenterMonthLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected void store(DatacenterMonthRow row) {
        if (!knownDatacenters.contains(row.datacenter())) {
            throw new RowRefused(new RowProblem(row.row(), "datacenter",
                    "unknown datacenter '" + row.datacenter() + "': import datacenters first",
                    Map.of("datacenter", row.datacenter(), "month", row.month().toString())));
        }
        NativeSql.update("""
                insert into datacenter_month (datacenter, month, it_energy_kwh, pue,
                    location_kgco2e_per_kwh, market_kgco2e_per_kwh, scope1_kgco2e, import_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (datacenter, month) do update set
                    it_energy_kwh = excluded.it_energy_kwh, pue = excluded.pue,
                    location_kgco2e_per_kwh = excluded.location_kgco2e_per_kwh,
                    market_kgco2e_per_kwh = excluded.market_kgco2e_per_kwh,
                    scope1_kgco2e = excluded.scope1_kgco2e, import_id = excluded.import_id""",
                row.datacenter(), row.month().toString(), row.itEnergyKwh(), row.pue(),
                row.locationKgCo2ePerKwh(), row.marketKgCo2ePerKwh(), row.scope1KgCo2e(), importId);
        months.add(row.month().toString());
    }

    @Override
    protected ImportEffects applyEffects() {
        return new ImportEffects(List.of(), StaleRuns.markMethodology(months));
    }
}
