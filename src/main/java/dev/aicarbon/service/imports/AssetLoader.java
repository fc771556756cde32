package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.methodology.AssetRow;
import dev.aicarbon.service.db.NativeSql;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stores hardware assets; an asset of an unknown model or datacenter is quarantined. */
final class AssetLoader extends BatchLoader<AssetRow> {

    private final Set<String> knownModels = NativeSql.column(
            "select distinct model from hardware_model_component");
    private final Set<String> knownDatacenters = NativeSql.column("select datacenter from datacenter");

    AssetLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected void store(AssetRow row) {
        if (!knownModels.contains(row.model())) {
            throw refused(row, "model", "unknown hardware model '" + row.model()
                    + "': import its bill of materials first");
        }
        if (!knownDatacenters.contains(row.datacenter())) {
            throw refused(row, "datacenter", "unknown datacenter '" + row.datacenter()
                    + "': import datacenters first");
        }
        NativeSql.update("""
                insert into asset (asset_id, model, datacenter, in_service_date, retired_date, import_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (asset_id) do update set model = excluded.model,
                    datacenter = excluded.datacenter, in_service_date = excluded.in_service_date,
                    retired_date = excluded.retired_date, import_id = excluded.import_id""",
                row.assetId(), row.model(), row.datacenter(), row.inServiceDate(),
                row.retiredDate(), importId);
    }

    @Override
    protected ImportEffects applyEffects() {
        return new ImportEffects(List.of(), StaleRuns.markAllMethodology());
    }

    private static RowRefused refused(AssetRow row, String column, String reason) {
        Map<String, String> values = new HashMap<>();
        values.put("asset_id", row.assetId());
        values.put("model", row.model());
        values.put("datacenter", row.datacenter());
        values.put("in_service_date", row.inServiceDate().toString());
        values.put("retired_date", row.retiredDate() == null ? "" : row.retiredDate().toString());
        return new RowRefused(new RowProblem(row.row(), column, reason, values));
    }
}
