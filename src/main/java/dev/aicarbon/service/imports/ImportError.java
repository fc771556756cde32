package dev.aicarbon.service.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A quarantined row: where it is and why it could not be used. */
public record ImportError(
        @Schema(description = "Row as a spreadsheet numbers it: the header is row 1") int row,
        @Schema(description = "Column at fault; null when the row as a whole is") String column,
        String reason) {
}
