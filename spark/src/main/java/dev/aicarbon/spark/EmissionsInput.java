package dev.aicarbon.spark;

import java.util.List;

/**
 * The emissions cells of the job's month, read on the driver.
 *
 * @param cells       the month's cells, account ids canonical
 * @param problems    quarantined rows
 * @param rowsRead    data rows in the file
 * @param otherMonths rows of other months, not allocated
 */
record EmissionsInput(List<CellRow> cells, List<LineProblem> problems, int rowsRead,
        int otherMonths) {

    EmissionsInput {
        cells = List.copyOf(cells);
        problems = List.copyOf(problems);
    }

    /** The sum of the month's cells: what the allocation must conserve. */
    KgCo2eAmounts totalKgCo2e() {
        return cells.stream()
                .map(CellRow::amounts)
                .reduce(KgCo2eAmounts.ZERO, KgCo2eAmounts::plus);
    }
}
