package dev.aicarbon.providers.csv;

/** Counts of one file read: {@code rowsRead = rowsAccepted + rowsQuarantined}. */
public record ReadSummary(int rowsRead, int rowsAccepted, int rowsQuarantined) {
}
