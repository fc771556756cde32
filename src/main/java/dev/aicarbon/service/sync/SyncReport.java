package dev.aicarbon.service.sync;

import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderConnector;
import dev.aicarbon.service.imports.ImportSummary;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one sync request did, per connector and month. */
public record SyncReport(String from, String to, int connectors, List<Pull> pulls) {

    /**
     * One connector's month.
     *
     * @param status         PULLED, EMPTY, NOT_YET_AVAILABLE, FAILED or SKIPPED (pulled
     *                       recently; see {@code resumedFrom})
     * @param availableAbout when NOT_YET_AVAILABLE, the day the provider should have the month
     * @param filesImported  files whose content was new (a first pull or a restatement)
     * @param filesUnchanged files identical to an earlier pull: nothing stored again
     */
    @Schema(name = "SyncPull")
    public record Pull(
            String provider,
            String connection,
            String month,
            Long syncRunId,
            String status,
            LocalDate availableAbout,
            String modelVersion,
            List<Long> importIds,
            int filesImported,
            int filesUnchanged,
            List<String> restatedAccounts,
            List<AccountFailure> failures,
            String error,
            Long resumedFrom) {

        static Pull of(ProviderConnector connector, YearMonth month, long runId, MonthPull pull,
                List<ImportSummary> imported) {
            List<Long> importIds = imported.stream().map(ImportSummary::importId).toList();
            int unchanged = (int) imported.stream().filter(ImportSummary::duplicate).count();
            List<String> restated = imported.stream()
                    .flatMap(summary -> summary.restated().stream())
                    .map(key -> key.accountId())
                    .distinct()
                    .toList();
            return new Pull(connector.provider(), connector.name(), month.toString(), runId,
                    pull.status().name(), pull.availableAbout(), pull.modelVersion(), importIds,
                    imported.size() - unchanged, unchanged, restated, pull.failures(), null, null);
        }

        static Pull failed(ProviderConnector connector, YearMonth month, long runId, String error) {
            return new Pull(connector.provider(), connector.name(), month.toString(), runId,
                    "FAILED", null, null, List.of(), 0, 0, List.of(), List.of(), error, null);
        }

        static Pull skipped(ProviderConnector connector, YearMonth month, SyncRuns.Run recent) {
            return new Pull(connector.provider(), connector.name(), month.toString(), null,
                    "SKIPPED", null, recent.modelVersion(), List.of(), 0, 0, List.of(), List.of(),
                    null, recent.id());
        }
    }
}
