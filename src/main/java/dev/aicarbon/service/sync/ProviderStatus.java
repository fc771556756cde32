package dev.aicarbon.service.sync;

import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.ProviderConnector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One provider connection as {@code GET /api/v1/providers} shows it.
 *
 * @param months        months held, newest first, each with the versions pulled: a version is
 *                      a pull that brought new content (a first pull or a restatement)
 * @param horizon       the newest month the provider has published to us so far
 * @param nextAvailable for the oldest month still waiting, the day the provider should have it
 */
public record ProviderStatus(
        String provider,
        String connection,
        boolean configured,
        Instant lastSyncAt,
        String lastSyncStatus,
        String horizon,
        LocalDate nextAvailable,
        List<MonthHeld> months,
        String lastError,
        List<AccountFailure> lastFailures) {

    /** A month and the versions of it that were pulled. */
    public record MonthHeld(String month, String status, List<Version> versions) {
    }

    /** One pull that brought new content for a month. */
    public record Version(long syncRunId, Instant pulledAt, String modelVersion, List<Long> importIds) {
    }

    /** One status per connection that is configured or was ever pulled. */
    static List<ProviderStatus> of(List<ProviderConnector> configured, List<SyncRuns.Run> runsNewestFirst) {
        Map<String, List<SyncRuns.Run>> byConnection = new TreeMap<>();
        configured.forEach(connector -> byConnection.put(key(connector.provider(), connector.name()),
                new ArrayList<>()));
        runsNewestFirst.forEach(run -> byConnection
                .computeIfAbsent(key(run.provider(), run.connection()), k -> new ArrayList<>())
                .add(run));
        List<ProviderStatus> statuses = new ArrayList<>();
        byConnection.forEach((key, runs) -> statuses.add(of(key, runs, configured)));
        return statuses;
    }

    private static ProviderStatus of(String key, List<SyncRuns.Run> runs, List<ProviderConnector> configured) {
        String[] parts = key.split("/", 2);
        boolean isConfigured = configured.stream()
                .anyMatch(connector -> key(connector.provider(), connector.name()).equals(key));
        SyncRuns.Run last = runs.isEmpty() ? null : runs.get(0);
        SyncRuns.Run lastFailed = runs.stream()
                .filter(run -> run.error() != null || !run.failures().isEmpty())
                .findFirst()
                .orElse(null);
        String horizon = runs.stream()
                .filter(run -> run.status().equals("PULLED") || run.status().equals("EMPTY"))
                .map(SyncRuns.Run::month)
                .max(Comparator.naturalOrder())
                .orElse(null);
        LocalDate nextAvailable = runs.stream()
                .filter(run -> run.availableAbout() != null)
                .filter(run -> horizon == null || run.month().compareTo(horizon) > 0)
                .map(SyncRuns.Run::availableAbout)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new ProviderStatus(parts[0], parts[1], isConfigured,
                last == null ? null : last.finishedAt(), last == null ? null : last.status(),
                horizon, nextAvailable, months(runs),
                lastFailed == null ? null : lastFailed.error(),
                lastFailed == null ? List.of() : lastFailed.failures());
    }

    private static List<MonthHeld> months(List<SyncRuns.Run> runsNewestFirst) {
        Map<String, List<SyncRuns.Run>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        runsNewestFirst.forEach(run -> byMonth.computeIfAbsent(run.month(), m -> new ArrayList<>()).add(run));
        List<MonthHeld> months = new ArrayList<>();
        byMonth.forEach((month, runs) -> {
            List<Version> versions = runs.stream()
                    .filter(run -> run.filesImported() > 0)
                    .map(run -> new Version(run.id(), run.finishedAt(), run.modelVersion(), run.importIds()))
                    .toList();
            months.add(new MonthHeld(month, runs.get(0).status(), versions));
        });
        return months;
    }

    private static String key(String provider, String connection) {
        return provider + "/" + connection;
    }

}
