package dev.aicarbon.service.close;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.service.allocation.AllocationService;
import dev.aicarbon.service.allocation.NothingToAllocateException;
import dev.aicarbon.service.allocation.RunView;
import dev.aicarbon.service.api.KgCo2eView;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.estimates.BudgetService;
import dev.aicarbon.service.imports.ImportService;
import dev.aicarbon.service.imports.ImportSummary;
import dev.aicarbon.service.methodology.MethodologyRunView;
import dev.aicarbon.service.methodology.MethodologyService;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.aicarbon.service.sync.SyncReport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Closes a month: sync, import, validate, allocate, model, publish, in that order.
 *
 * <p>Plan of a close:
 * <ol>
 *   <li>Take the month's close lock (a PostgreSQL session lock, released if the process dies);
 *       a second close of the month refuses (exit 5) and changes nothing.</li>
 *   <li>Record the close as running; a close left running by a killed process is marked
 *       interrupted.</li>
 *   <li>Sync from the configured provider connectors.</li>
 *   <li>Import the month's files from the inbox ({@code <inbox>/<month>/focus/*.csv},
 *       {@code emissions/*.csv}, {@code methodology/<kind>.csv}). Content already imported is
 *       recognised by hash, so a rerun imports nothing twice.</li>
 *   <li>Validate: a quarantined share of rows above the threshold stops the close (exit 4).</li>
 *   <li>Allocate the provider-reported emissions and run the seven-step methodology; each run
 *       publishes atomically, superseding the month's previous one, so readers never see half
 *       a month. Nothing to allocate ends with exit 3.</li>
 *   <li>Evaluate budgets and record the outcome.</li>
 * </ol>
 * Every step is idempotent, so rerunning after a crash at any point gives the totals of an
 * uninterrupted close.
 */
@ApplicationScoped
public class MonthClose {

    private static final Logger LOG = Logger.getLogger(MonthClose.class);

    /** Rules the results depend on; a change here is a new methodology version. */
    static final String METHODOLOGY_VERSION = "allocation ADR-0002 v1; seven-step ADR-0003 v1";

    private static final long LOCK_NAMESPACE = 0x636c_6f73_6500_0000L;

    @Inject
    CarbonConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ImportService imports;

    @Inject
    AllocationService allocations;

    @Inject
    MethodologyService methodology;

    @Inject
    BudgetService budgets;

    @Inject
    CloseRuns runs;

    @Inject
    dev.aicarbon.service.sync.SyncService sync;

    @Inject
    dev.aicarbon.service.sync.Connectors connectors;

    @Inject
    ObjectMapper json;

    /**
     * Closes {@code month}.
     *
     * @param triggeredBy who or what asked: {@code cli}, {@code scheduler}, a user
     * @param progress    receives one line per stage, for a terminal or the log
     */
    public CloseReport close(YearMonth month, String triggeredBy, Consumer<String> progress) {
        MDC.put("month", month.toString());
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, month)) {
                progress.accept("Another close of " + month + " is running; nothing done.");
                return runs.refused(month, triggeredBy, METHODOLOGY_VERSION);
            }
            try {
                return closeLocked(month, triggeredBy, progress);
            } finally {
                unlock(lock, month);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the close lock of " + month, e);
        } finally {
            MDC.remove("month");
        }
    }

    private CloseReport closeLocked(YearMonth month, String triggeredBy, Consumer<String> progress) {
        runs.markInterrupted(month);
        long runId = runs.start(month, triggeredBy, METHODOLOGY_VERSION);
        MDC.put("closeRun", String.valueOf(runId));
        Progress tracker = new Progress(progress);
        List<CloseReport.InputFile> inputs = new ArrayList<>();
        try {
            Map<String, Object> synced = tracker.stage("sync", () -> syncProviders(month));
            if (synced.get("failed") instanceof List<?> failed && !failed.isEmpty()) {
                return runs.finish(runId, CloseOutcome.FAILED, inputs, tracker.stages(), null, null, null,
                        "provider sync failed for " + failed + "; nothing allocated, run the close again");
            }
            tracker.stage("import", () -> importInbox(month, inputs));
            Map<String, Object> quality = tracker.stage("validate", () -> validate(inputs));
            if (Boolean.TRUE.equals(quality.get("thresholdExceeded"))) {
                return runs.finish(runId, CloseOutcome.QUALITY_THRESHOLD_EXCEEDED, inputs, tracker.stages(),
                        null, null, null, "quarantined share " + quality.get("quarantinedShare")
                                + " is above " + quality.get("threshold"));
            }
            Optional<RunView> allocation = tracker.stageResult("allocate", () -> allocate(month));
            Optional<MethodologyRunView> modelled = tracker.stageResult("model", () -> model(month));
            if (allocation.isEmpty() && modelled.isEmpty()) {
                Object availableAbout = synced.get("notYetAvailableUntilAbout");
                return runs.finish(runId, CloseOutcome.NOTHING_TO_DO, inputs, tracker.stages(), null, null, null,
                        availableAbout == null ? "nothing imported for " + month + " yet"
                                : "provider data for " + month + " not yet available until about "
                                        + availableAbout);
            }
            tracker.stage("publish", () -> {
                budgets.evaluateAfterChange();
                return ordered("allocationRun", allocation.map(RunView::runId).orElse(null),
                        "methodologyRun", modelled.map(MethodologyRunView::runId).orElse(null));
            });
            return runs.finish(runId, CloseOutcome.DONE, inputs, tracker.stages(),
                    allocation.map(RunView::runId).orElse(null),
                    modelled.map(MethodologyRunView::runId).orElse(null),
                    allocation.map(MonthClose::totals).orElse(null), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Close %d of %s failed", runId, month);
            return runs.finish(runId, CloseOutcome.FAILED, inputs, tracker.stages(), null, null, null,
                    e.getMessage());
        } finally {
            MDC.remove("closeRun");
        }
    }

    /**
     * Pulls the month from every configured connector. A connector that fails fails the close
     * (a month allocated without one provider's data would publish wrong shares); an account a
     * provider refused is reported in the stage and the close goes on with the others.
     */
    private Map<String, Object> syncProviders(YearMonth month) {
        if (connectors.configured().isEmpty()) {
            return ordered("providersConfigured", 0,
                    "note", "no provider connectors are configured; files come from the inbox");
        }
        SyncReport report = sync.sync(month, month, Optional.empty(), false,
                config.sync().resumeWindow(), "close");
        List<String> failed = report.pulls().stream()
                .filter(pull -> pull.status().equals("FAILED"))
                .map(pull -> pull.provider() + "/" + pull.connection() + ": " + pull.error())
                .toList();
        Optional<java.time.LocalDate> availableAbout = report.pulls().stream()
                .map(SyncReport.Pull::availableAbout)
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder());
        List<String> accountsRefused = report.pulls().stream()
                .flatMap(pull -> pull.failures().stream()
                        .map(failure -> pull.provider() + " " + failure.accountId() + ": " + failure.reason()))
                .toList();
        return ordered("providersConfigured", report.connectors(),
                "filesImported", report.pulls().stream().mapToInt(SyncReport.Pull::filesImported).sum(),
                "filesUnchanged", report.pulls().stream().mapToInt(SyncReport.Pull::filesUnchanged).sum(),
                "notYetAvailableUntilAbout", availableAbout.map(Object::toString).orElse(null),
                "accountsRefused", accountsRefused,
                "failed", failed);
    }

    private Map<String, Object> importInbox(YearMonth month, List<CloseReport.InputFile> inputs) {
        Optional<Path> folder = config.close().inbox().map(inbox -> Path.of(inbox, month.toString()));
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return Map.of("files", 0, "inbox", folder.map(Path::toString).orElse("not configured"));
        }
        for (Path file : csvFiles(folder.get().resolve("focus"))) {
            inputs.add(input("focus", file, in -> imports.importFocus(in, file.getFileName().toString())));
        }
        for (Path file : csvFiles(folder.get().resolve("emissions"))) {
            inputs.add(input("emissions", file, in -> imports.importEmissions(in, file.getFileName().toString())));
        }
        for (String kind : ImportService.METHODOLOGY_KINDS) {
            Path file = folder.get().resolve("methodology").resolve(kind + ".csv");
            if (Files.isRegularFile(file)) {
                inputs.add(input(kind, file, in -> imports.importMethodology(kind, in, file.getFileName().toString())));
            }
        }
        int read = inputs.stream().mapToInt(CloseReport.InputFile::rowsRead).sum();
        int accepted = inputs.stream().mapToInt(CloseReport.InputFile::rowsAccepted).sum();
        int quarantined = inputs.stream().mapToInt(CloseReport.InputFile::rowsQuarantined).sum();
        long duplicates = inputs.stream().filter(CloseReport.InputFile::duplicate).count();
        return ordered("files", inputs.size(), "alreadyImported", duplicates, "rowsRead", read,
                "rowsAccepted", accepted, "rowsQuarantined", quarantined);
    }

    private Map<String, Object> validate(List<CloseReport.InputFile> inputs) {
        int read = inputs.stream().mapToInt(CloseReport.InputFile::rowsRead).sum();
        int quarantined = inputs.stream().mapToInt(CloseReport.InputFile::rowsQuarantined).sum();
        BigDecimal share = read == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(quarantined).divide(BigDecimal.valueOf(read), 6, RoundingMode.HALF_EVEN);
        BigDecimal threshold = config.close().maxQuarantinedShare();
        return ordered("quarantinedShare", share, "threshold", threshold,
                "thresholdExceeded", share.compareTo(threshold) > 0);
    }

    private Optional<RunView> allocate(YearMonth month) {
        try {
            return Optional.of(allocations.allocate(month));
        } catch (NothingToAllocateException e) {
            return Optional.empty();
        }
    }

    private Optional<MethodologyRunView> model(YearMonth month) {
        try {
            return Optional.of(methodology.run(month, null));
        } catch (NothingToAllocateException e) {
            return Optional.empty();
        }
    }

    private static Map<String, KgCo2eView> totals(RunView run) {
        Map<String, KgCo2eView> totals = new LinkedHashMap<>();
        totals.put("input", run.totals().input());
        totals.put("projects", run.totals().projects());
        totals.putAll(run.totals().buckets());
        return totals;
    }

    private interface Importer {
        ImportSummary importFrom(InputStream in);
    }

    private static CloseReport.InputFile input(String kind, Path file, Importer importer) {
        try (InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = importer.importFrom(in);
            return new CloseReport.InputFile(kind, file.getFileName().toString(), summary.contentSha256(),
                    summary.importId(), summary.duplicate(), summary.rowsRead(), summary.rowsAccepted(),
                    summary.rowsQuarantined());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Path> csvFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean tryLock(Connection connection, YearMonth month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, lockKey(month));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, YearMonth month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            statement.setLong(1, lockKey(month));
            statement.executeQuery().close();
        }
    }

    /** The session lock a close of {@code month} holds while it runs, in any replica. */
    static long lockKey(YearMonth month) {
        return NativeSql.monthLockKey(LOCK_NAMESPACE, month);
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
