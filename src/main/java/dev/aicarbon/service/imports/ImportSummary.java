package dev.aicarbon.service.imports;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did with a file. {@code rowsRead = rowsAccepted + rowsQuarantined}. */
@Schema(description = "Outcome of an import. Quarantined rows are kept and listed, never dropped.")
public record ImportSummary(
        long importId,
        String kind,
        String source,
        String contentSha256,
        Instant receivedAt,
        @Schema(description = "True when byte-identical content was imported before; nothing was stored again")
        boolean duplicate,
        int rowsRead,
        int rowsAccepted,
        int rowsQuarantined,
        @Schema(description = "Quarantined rows, first ones up to the configured limit")
        List<ImportError> errors,
        @Schema(description = "True when more rows were quarantined than errors lists")
        boolean errorsTruncated,
        @Schema(description = "Provider, account and month whose earlier data this import replaced")
        List<RestatedKey> restated,
        @Schema(description = "Months whose published allocation is now stale and needs a rerun")
        List<String> staleMonths) {
}
