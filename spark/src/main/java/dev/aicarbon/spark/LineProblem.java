package dev.aicarbon.spark;

import java.io.Serializable;

/**
 * Why one input row was not used; listed in {@code quarantine.csv}, never dropped silently.
 * Unlike the service's quarantine it carries no raw values, only where and why.
 *
 * @param source the file's name
 * @param row    spreadsheet row for CSV (header is row 1), 0-based row index for Parquet
 * @param column the column at fault, or null when the row as a whole is
 */
record LineProblem(String source, long row, String column, String reason) implements Serializable {
}
