package dev.aicarbon.providers.csv;

import java.util.Map;

/**
 * Why one row of an input file could not be used. The row is kept, never dropped.
 *
 * @param row    the row's number as a spreadsheet shows it: the header is row 1, the first
 *               data row is row 2
 * @param column the column at fault, or null when the row as a whole is at fault (for
 *               example a wrong number of fields)
 * @param reason what is wrong, in words a person can act on
 * @param values the row's raw values by column name, as read, for inspection
 */
public record RowProblem(int row, String column, String reason, Map<String, String> values) {

    public RowProblem {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
