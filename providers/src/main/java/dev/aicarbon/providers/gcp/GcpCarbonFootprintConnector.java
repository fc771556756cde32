package dev.aicarbon.providers.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.emissions.EmissionsCsvWriter;
import dev.aicarbon.providers.gcp.GcpCarbonFootprintSettings.BillingExport;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderConnector;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PullStatus;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pulls a month of Google Cloud Carbon Footprint and usage from BigQuery, where Google's
 * exports put them, and writes them as a canonical emissions CSV and a FOCUS CSV.
 *
 * <p>Carbon Footprint has no API of its own: its BigQuery Data Transfer writes each month to
 * the configured table on the 15th of the following month. A month without rows is
 * therefore {@link PullStatus#NOT_YET_AVAILABLE} up to and including that day (UTC), with
 * {@code availableAbout} the 15th, and {@link PullStatus#EMPTY} after it.
 *
 * <p>Every billing account is pulled on its own: a table BigQuery refuses (403
 * {@code accessDenied}) or cannot find (404) becomes an {@link AccountFailure} and the other
 * accounts proceed; when every account is refused the pull fails. A 401 fails the pull as
 * {@link ProviderException.Reason#CREDENTIALS}. Throttling (429, 403
 * {@code rateLimitExceeded}) and server errors are retried by the client under its
 * {@link RetrySettings}; what outlasts them fails the pull as
 * {@link ProviderException.Reason#UNAVAILABLE}.
 *
 * <p>Carbon rows are judged as {@link GcpCarbonFootprintReader} judges a file. The pulled
 * emissions file only carries usable cells, so the unusable rows of an account are reported
 * as one {@link AccountFailure} naming their count and the first row, field and reason, and
 * summarised in a WARN; their kilograms are not in the pull.
 */
public final class GcpCarbonFootprintConnector implements ProviderConnector {

    /** The day of the following month by which Google publishes a month's footprint. */
    static final int PUBLICATION_DAY = 15;

    private static final System.Logger LOG = System.getLogger(
            GcpCarbonFootprintConnector.class.getName());
    private static final String PROVIDER = "gcp";

    private final GcpCarbonFootprintSettings settings;
    private final BigQuery bigQuery;
    private final Clock clock;

    /**
     * @param bigQuery a client built by {@link #client}, or any other configured client
     * @param clock    today's date, against the publication day
     */
    public GcpCarbonFootprintConnector(GcpCarbonFootprintSettings settings, BigQuery bigQuery,
            Clock clock) {
        this.settings = settings;
        this.bigQuery = bigQuery;
        this.clock = clock;
    }

    /** A connector on Application Default Credentials and {@link #defaultRetrySettings()}. */
    public static GcpCarbonFootprintConnector create(GcpCarbonFootprintSettings settings) {
        return new GcpCarbonFootprintConnector(settings,
                client(settings, null, defaultRetrySettings()), Clock.systemUTC());
    }

    /**
     * A BigQuery client billing its jobs to the settings' job project, retrying transient
     * failures (see {@link BigQueryTransientFailures}) under {@code retrySettings}.
     *
     * @param credentials null for the SDK's standard chain (Application Default Credentials)
     */
    public static BigQuery client(GcpCarbonFootprintSettings settings, Credentials credentials,
            RetrySettings retrySettings) {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
                .setProjectId(settings.jobProjectId())
                .setRetrySettings(retrySettings)
                .setResultRetryAlgorithm(new BigQueryTransientFailures());
        if (credentials != null) {
            options.setCredentials(credentials);
        }
        if (settings.host() != null) {
            options.setHost(settings.host());
        }
        return options.build().getService();
    }

    /** Six attempts, backing off from one second to thirty, within five minutes. */
    public static RetrySettings defaultRetrySettings() {
        return RetrySettings.newBuilder()
                .setMaxAttempts(6)
                .setInitialRetryDelayDuration(Duration.ofSeconds(1))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(30))
                .setTotalTimeoutDuration(Duration.ofMinutes(5))
                .build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String name() {
        return settings.name();
    }

    /**
     * Pulls the month.
     *
     * <ol>
     *   <li>Read every billing account's carbon rows into cells; refused accounts become
     *       failures, unusable rows are counted per account.</li>
     *   <li>Fail when no account could be read.</li>
     *   <li>Without carbon rows the month is not published yet, or empty.</li>
     *   <li>Write the usage of the accounts whose carbon rows were read as FOCUS.</li>
     *   <li>Write the cells as the canonical emissions file.</li>
     * </ol>
     */
    @Override
    public MonthPull pull(YearMonth month, Path workDir) {
        long started = System.nanoTime();
        List<AccountFailure> failures = new ArrayList<>();
        CarbonFootprintCells cells = new CarbonFootprintCells();
        int[] carbonRows = new int[1];

        List<BillingExport> readable = readCarbon(month, cells, carbonRows, failures); // 1
        refuseWhenNothingReadable(readable, failures);                          // 2
        if (carbonRows[0] == 0) {                                               // 3
            return unpublishedOrEmpty(month, failures);
        }
        List<PulledFile> files = new ArrayList<>();
        files.add(writeEmissions(month, workDir, cells));                       // 5
        writeUsage(month, workDir, readable, failures).ifPresent(files::add);   // 4

        String modelVersion = cells.modelVersions().isEmpty()
                ? null : String.join(",", cells.modelVersions());
        LOG.log(Level.INFO, "gcp {0} {1}: {2} carbon rows in {3} cells, model {4}, {5} account"
                        + " failures, {6} ms", settings.name(), month, cells.rowsAdded(),
                cells.emissionsRows().size(), modelVersion, failures.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new MonthPull(PROVIDER, settings.name(), month, PullStatus.PULLED, null, files,
                failures, modelVersion);
    }

    /** @param carbonRows counts the rows returned, usable or not */
    private List<BillingExport> readCarbon(YearMonth month, CarbonFootprintCells cells,
            int[] carbonRows, List<AccountFailure> failures) {
        List<BillingExport> readable = new ArrayList<>();
        for (BillingExport export : settings.exports()) {
            try {
                readCarbon(export, month, cells, carbonRows).ifPresent(failures::add);
                readable.add(export);
            } catch (BigQueryException e) {
                failures.add(accountFailureOrThrow(export, export.carbonTable(), e));
            }
        }
        return readable;
    }

    /** Adds the account's usable rows to the cells; a failure sums up its unusable ones. */
    private Optional<AccountFailure> readCarbon(BillingExport export, YearMonth month,
            CarbonFootprintCells cells, int[] carbonRows) {
        TableResult result = run(GcpUsageQueries.carbon(export.carbonTable()), export, month);
        int number = 0;
        List<RowProblem> problems = new ArrayList<>();
        for (FieldValueList values : result.iterateAll()) {
            number++;
            carbonRows[0]++;
            BigQueryCarbonFootprintFields fields = new BigQueryCarbonFootprintFields(values, number);
            try {
                cells.add(CarbonFootprintRows.parse(fields, month));
            } catch (RowRejectedException e) {
                problems.add(new RowProblem(number, e.column(), e.reason(), fields.values()));
            }
        }
        return unusableRows(export, number, problems);
    }

    private Optional<AccountFailure> unusableRows(BillingExport export, int rows,
            List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        RowProblem first = problems.get(0);
        String reason = problems.size() + " of " + rows + " carbon rows of "
                + export.carbonTable() + " are unusable and left out; first: result row "
                + first.row() + ", " + first.reason();
        LOG.log(Level.WARNING, "gcp {0}: billing account {1}: {2}", settings.name(),
                export.billingAccountId(), reason);
        return Optional.of(new AccountFailure(export.billingAccountId(), reason));
    }

    private AccountFailure accountFailureOrThrow(BillingExport export, String table,
            BigQueryException e) {
        if (!BigQueryFailures.isAccountLevel(e)) {
            throw BigQueryFailures.pullFailure(settings.name(), table, e);
        }
        LOG.log(Level.WARNING, "gcp {0}: billing account {1}: {2} {3} on {4}", settings.name(),
                export.billingAccountId(), e.getCode(), e.getReason(), table);
        return BigQueryFailures.accountFailure(export.billingAccountId(), table, e);
    }

    private void refuseWhenNothingReadable(List<BillingExport> readable,
            List<AccountFailure> failures) {
        if (readable.isEmpty()) {
            throw new ProviderException(ProviderException.Reason.ACCESS_DENIED, "gcp "
                    + settings.name() + ": no billing account's carbon table could be read: "
                    + failures.stream().map(AccountFailure::reason).toList(), null);
        }
    }

    private MonthPull unpublishedOrEmpty(YearMonth month, List<AccountFailure> failures) {
        LocalDate availableAbout = month.plusMonths(1).atDay(PUBLICATION_DAY);
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(availableAbout)) {
            LOG.log(Level.INFO, "gcp {0} {1}: no carbon rows yet; Google publishes by {2}",
                    settings.name(), month, availableAbout);
            return new MonthPull(PROVIDER, settings.name(), month, PullStatus.NOT_YET_AVAILABLE,
                    availableAbout, List.of(), failures, null);
        }
        LOG.log(Level.INFO, "gcp {0} {1}: no carbon rows, and {2} has passed", settings.name(),
                month, availableAbout);
        return new MonthPull(PROVIDER, settings.name(), month, PullStatus.EMPTY, null,
                List.of(), failures, null);
    }

    private PulledFile writeEmissions(YearMonth month, Path workDir, CarbonFootprintCells cells) {
        Path path = workDir.resolve("gcp-" + settings.name() + "-" + month + "-emissions.csv");
        writeFile(path, out -> {
            try (EmissionsCsvWriter writer = new EmissionsCsvWriter(out)) {
                cells.emissionsRows().forEach(writer::write);
            }
        });
        return new PulledFile(PulledFile.Kind.EMISSIONS, "bigquery:" + String.join(",",
                settings.exports().stream().map(BillingExport::carbonTable).toList()), path);
    }

    /** The FOCUS file, or none when no account's usage could be read. */
    private Optional<PulledFile> writeUsage(YearMonth month, Path workDir,
            List<BillingExport> exports, List<AccountFailure> failures) {
        Path path = workDir.resolve("gcp-" + settings.name() + "-" + month + "-focus.csv");
        List<String> tablesRead = new ArrayList<>();
        int[] lines = new int[1];
        writeFile(path, out -> {
            try (GcpFocusCsvWriter writer = new GcpFocusCsvWriter(out)) {
                for (BillingExport export : exports) {
                    writeUsage(export, month, writer, failures).ifPresent(tablesRead::add);
                }
                lines[0] = writer.linesWritten();
            }
        });
        LOG.log(Level.INFO, "gcp {0} {1}: {2} FOCUS lines from {3} usage tables",
                settings.name(), month, lines[0], tablesRead.size());
        if (tablesRead.isEmpty()) {
            deleteQuietly(path);
            return Optional.empty();
        }
        return Optional.of(new PulledFile(PulledFile.Kind.FOCUS,
                "bigquery:" + String.join(",", tablesRead), path));
    }

    private Optional<String> writeUsage(BillingExport export, YearMonth month,
            GcpFocusCsvWriter writer, List<AccountFailure> failures) {
        try {
            TableResult result = run(
                    GcpUsageQueries.usage(export.usageTable(), export.usageSource()),
                    export, month);
            result.iterateAll().forEach(writer::write);
            return Optional.of(export.usageTable());
        } catch (BigQueryException e) {
            failures.add(accountFailureOrThrow(export, export.usageTable(), e));
            return Optional.empty();
        }
    }

    /** Runs a query and waits for it; its pages are fetched as they are iterated. */
    private TableResult run(String sql, BillingExport export, YearMonth month) {
        try {
            return bigQuery.query(query(sql, export, month));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "gcp "
                    + settings.name() + ": interrupted while waiting for a BigQuery job", e);
        }
    }

    private static QueryJobConfiguration query(String sql, BillingExport export,
            YearMonth month) {
        return QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .addNamedParameter("month", QueryParameterValue.date(month.atDay(1).toString()))
                .addNamedParameter("billing_account",
                        QueryParameterValue.string(export.billingAccountId()))
                .build();
    }

    private static void writeFile(Path path, Consumer<Writer> content) {
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            content.accept(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete the empty FOCUS file {0}", path);
        }
    }
}
