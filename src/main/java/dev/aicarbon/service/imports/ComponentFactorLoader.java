package dev.aicarbon.service.imports;

import dev.aicarbon.providers.methodology.ComponentFactorRow;
import dev.aicarbon.service.db.NativeSql;
import java.util.List;

/** Stores component emission factors, replacing a component's earlier factor. */
final class ComponentFactorLoader extends BatchLoader<ComponentFactorRow> {

    ComponentFactorLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected void store(ComponentFactorRow row) {
        NativeSql.update("""
                insert into component_factor (component, unit, manufacturing_kgco2e,
                    transport_kgco2e, end_of_life_kgco2e, import_id)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (component) do update set unit = excluded.unit,
                    manufacturing_kgco2e = excluded.manufacturing_kgco2e,
                    transport_kgco2e = excluded.transport_kgco2e,
                    end_of_life_kgco2e = excluded.end_of_life_kgco2e,
                    import_id = excluded.import_id""",
                row.component(), row.unit(), row.manufacturingKgCo2e(), row.transportKgCo2e(),
                row.endOfLifeKgCo2e(), importId);
    }

    @Override
    protected ImportEffects applyEffects() {
        return new ImportEffects(List.of(), StaleRuns.markAllMethodology());
    }
}
