package dev.aicarbon.service.imports;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.service.model.QuarantinedRow;
import java.util.ArrayList;
import java.util.List;

/** Stores the rows of one import that could not be used, and lists the first few. */
final class Quarantine {

    private final long importId;
    private final int listedAtMost;
    private final List<ImportError> listed = new ArrayList<>();
    private int count;

    Quarantine(long importId, int listedAtMost) {
        this.importId = importId;
        this.listedAtMost = listedAtMost;
    }

    void keep(RowProblem problem) {
        QuarantinedRow row = new QuarantinedRow();
        row.importId = importId;
        row.rowNumber = problem.row();
        row.columnName = problem.column();
        row.reason = problem.reason();
        row.rawValues = problem.values();
        row.persist();
        count++;
        if (listed.size() < listedAtMost) {
            listed.add(new ImportError(problem.row(), problem.column(), problem.reason()));
        }
    }

    int count() {
        return count;
    }

    List<ImportError> listed() {
        return listed;
    }
}
