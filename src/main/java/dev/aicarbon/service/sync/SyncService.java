package dev.aicarbon.service.sync;

import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderConnector;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PullStatus;
import dev.aicarbon.providers.sync.PulledFile;
import dev.aicarbon.service.imports.ImportService;
import dev.aicarbon.service.imports.ImportSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Pulls provider data through the configured connectors and imports it.
 *
 * <p>Plan for each connector and month:
 * <ol>
 *   <li>Skip it when its last pull succeeded within the resume window (a rerun after a crash
 *       or a timeout picks up where the previous one stopped), unless forced.</li>
 *   <li>Record the pull as running, then ask the connector for the month's files.</li>
 *   <li>Import each file through the ordinary imports: a file already imported byte for byte
 *       stores nothing (pulling twice stores once); different content for a provider, account
 *       and month already held is a restatement, which keeps the earlier rows, superseded,
 *       and marks the month's published allocation stale.</li>
 *   <li>Record the outcome: status, availability date, model version, imports, failures.</li>
 * </ol>
 * A connector that fails does not stop the others; its error is recorded on its pull.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    @Inject
    Connectors connectors;

    @Inject
    ImportService imports;

    @Inject
    SyncRuns runs;

    /**
     * Pulls {@code from} to {@code to}, inclusive, from every configured connector, or from
     * the one provider named.
     *
     * @param resumeWindow a pull that succeeded less than this long ago is not repeated
     *                     unless {@code force}
     */
    public SyncReport sync(YearMonth from, YearMonth to, Optional<String> provider, boolean force,
            Duration resumeWindow, String trigger) {
        List<ProviderConnector> chosen = connectors.configured().stream()
                .filter(connector -> provider.map(connector.provider()::equals).orElse(true))
                .toList();
        List<SyncReport.Pull> pulls = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (ProviderConnector connector : chosen) {
                pulls.add(pullOne(connector, month, force, resumeWindow, trigger));
            }
        }
        return new SyncReport(from.toString(), to.toString(), chosen.size(), pulls);
    }

    private SyncReport.Pull pullOne(ProviderConnector connector, YearMonth month, boolean force,
            Duration resumeWindow, String trigger) {
        Optional<SyncRuns.Run> recent = runs.lastSucceeded(connector, month)
                .filter(run -> run.finishedAt().isAfter(Instant.now().minus(resumeWindow)));
        if (!force && recent.isPresent()) {
            return SyncReport.Pull.skipped(connector, month, recent.get());
        }

        long runId = runs.start(connector, month, trigger);
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("carbon-sync-");
            MonthPull pull = connector.pull(month, workDir);
            List<ImportSummary> imported = importFiles(pull.files());
            SyncReport.Pull result = SyncReport.Pull.of(connector, month, runId, pull, imported);
            runs.finish(runId, result);
            log(result);
            return result;
        } catch (ProviderException e) {
            LOG.errorf("Sync of %s/%s for %s failed (%s): %s", connector.provider(),
                    connector.name(), month, e.reason(), e.getMessage());
            return runs.fail(runId, connector, month, e.reason().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-') + ": " + e.getMessage());
        } catch (IOException e) {
            return runs.fail(runId, connector, month, "cannot use a work directory: " + e.getMessage());
        } finally {
            deleteQuietly(workDir);
        }
    }

    private List<ImportSummary> importFiles(List<PulledFile> files) {
        List<ImportSummary> summaries = new ArrayList<>();
        for (PulledFile file : files) {
            try (InputStream in = Files.newInputStream(file.path())) {
                summaries.add(switch (file.kind()) {
                    case EMISSIONS -> imports.importEmissions(in, file.source());
                    case FOCUS -> imports.importFocus(in, file.source());
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read pulled file " + file.source(), e);
            }
        }
        return summaries;
    }

    private static void log(SyncReport.Pull pull) {
        if (pull.status().equals(PullStatus.NOT_YET_AVAILABLE.name())) {
            LOG.infof("Sync %s/%s %s: not yet available until about %s", pull.provider(),
                    pull.connection(), pull.month(), pull.availableAbout());
            return;
        }
        LOG.infof("Sync %s/%s %s: %s, %d files imported, %d unchanged, %d accounts failed",
                pull.provider(), pull.connection(), pull.month(), pull.status().toLowerCase(),
                pull.filesImported(), pull.filesUnchanged(), pull.failures().size());
        if (!pull.failures().isEmpty()) {
            LOG.warnf("Sync %s/%s %s could not read: %s", pull.provider(), pull.connection(),
                    pull.month(), pull.failures().stream().map(AccountFailure::accountId)
                            .collect(Collectors.joining(", ")));
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete the sync work directory %s: %s", directory, e.getMessage());
        }
    }
}
