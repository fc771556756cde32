package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.methodology.HardwareModelRow;
import dev.aicarbon.service.db.NativeSql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores hardware models as whole bills of materials: a model in the file replaces that
 * model's earlier components. A model with one component of unknown factor is refused
 * whole, every row of it quarantined, since storing the rest would count the missing
 * component as zero.
 */
final class HardwareModelLoader extends BatchLoader<HardwareModelRow> {

    private final Map<String, List<HardwareModelRow>> rowsByModel = new LinkedHashMap<>();

    HardwareModelLoader(long importId, Quarantine quarantine) {
        super(importId, quarantine);
    }

    @Override
    protected void store(HardwareModelRow row) {
        rowsByModel.computeIfAbsent(row.model(), model -> new ArrayList<>()).add(row);
    }

    @Override
    protected ImportEffects applyEffects() {
        Set<String> knownComponents = NativeSql.column("select component from component_factor");
        rowsByModel.forEach((model, rows) -> {
            List<HardwareModelRow> unknown = rows.stream()
                    .filter(row -> !knownComponents.contains(row.component()))
                    .toList();
            if (unknown.isEmpty()) {
                replace(model, rows);
            } else {
                refuse(rows, unknown);
            }
        });
        return new ImportEffects(List.of(), StaleRuns.markAllMethodology());
    }

    private void replace(String model, List<HardwareModelRow> rows) {
        NativeSql.update("delete from hardware_model_component where model = ?1", model);
        for (HardwareModelRow row : rows) {
            NativeSql.update("""
                    insert into hardware_model_component (model, component, quantity, import_id)
                    values (?1, ?2, ?3, ?4)""",
                    row.model(), row.component(), row.quantity(), importId);
        }
    }

    private void refuse(List<HardwareModelRow> rows, List<HardwareModelRow> unknown) {
        HardwareModelRow first = unknown.get(0);
        for (HardwareModelRow row : rows) {
            String reason = unknown.contains(row)
                    ? "unknown component '" + row.component() + "': import its factor first"
                    : "model '" + row.model() + "' is refused whole: its component '"
                            + first.component() + "' at row " + first.row() + " has no factor";
            retract(new RowProblem(row.row(), "component", reason, Map.of(
                    "model", row.model(),
                    "component", row.component(),
                    "quantity", row.quantity().toPlainString())));
        }
    }
}
