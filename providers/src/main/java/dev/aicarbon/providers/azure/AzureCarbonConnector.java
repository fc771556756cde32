package dev.aicarbon.providers.azure;

import dev.aicarbon.providers.emissions.EmissionsCsvWriter;
import dev.aicarbon.providers.emissions.EmissionsRow;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pulls one configured set of Azure subscriptions: per-resource emissions from Carbon
 * Optimization ({@link AzureCarbonReportClient}) as one canonical emissions CSV, and the
 * month's {@code FocusCost} export ({@link AzureCostExportReader}) as FOCUS CSV files.
 *
 * <p>Plan of {@link #pull}:
 * <ol>
 *   <li>Ask Carbon Optimization which months it has. A later month is not yet available:
 *       Microsoft publishes a month by the {@value #PUBLICATION_DAY}th of the next, so that
 *       day is the expected one (also when it has passed and the data is late).</li>
 *   <li>Read each subscription; one refused (denied, or too large to read whole) becomes an
 *       {@link AccountFailure} and the others proceed.</li>
 *   <li>Write the rows as one emissions file, when there are any.</li>
 *   <li>Write the newest export run's partitions; a month without a run is reported as a
 *       failure of the export, since the emissions would then have no usage to land on.</li>
 * </ol>
 */
public final class AzureCarbonConnector implements ProviderConnector {

    /** The day of the following month by which Microsoft publishes a month's emissions. */
    public static final int PUBLICATION_DAY = 19;

    private static final String PROVIDER = AzureCarbonItemJoiner.PROVIDER;
    private static final System.Logger LOG = System.getLogger(
            AzureCarbonConnector.class.getName());

    private final String name;
    private final List<String> subscriptionIds;
    private final AzureCarbonReportClient carbon;
    private final AzureCostExportReader costExport;

    /**
     * @param name            the set's configured name, unique among Azure sets
     * @param subscriptionIds the subscriptions to read emissions of
     * @param costExport      the set's FocusCost export, or null when usage comes otherwise
     */
    public AzureCarbonConnector(String name, List<String> subscriptionIds,
            AzureCarbonReportClient carbon, AzureCostExportReader costExport) {
        this.name = Objects.requireNonNull(name, "name");
        this.subscriptionIds = List.copyOf(subscriptionIds);
        this.carbon = Objects.requireNonNull(carbon, "carbon");
        this.costExport = costExport;
        if (this.subscriptionIds.isEmpty()) {
            throw new IllegalArgumentException("Azure set " + name + " names no subscription");
        }
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MonthPull pull(YearMonth month, Path workDir) {
        try {
            return pullMonth(month, workDir);
        } catch (ProviderException e) {
            throw new ProviderException(e.reason(), "Azure set " + name + ", " + month + ": "
                    + e.getMessage(), e);
        }
    }

    private MonthPull pullMonth(YearMonth month, Path workDir) {
        // 1. published yet?
        AzureCarbonReportClient.AvailableMonths available = carbon.availableMonths();
        if (month.isAfter(available.last())) {
            LocalDate expected = month.plusMonths(1).atDay(PUBLICATION_DAY);
            LOG.log(Level.INFO, () -> "Azure set " + name + ": " + month + " not published"
                    + " yet (latest " + available.last() + "), expected about " + expected);
            return MonthPull.notYetAvailable(PROVIDER, name, month, expected);
        }
        if (month.isBefore(available.first())) {
            throw new ProviderException(ProviderException.Reason.NOT_FOUND, "Carbon"
                    + " Optimization keeps months from " + available.first() + " only", null);
        }

        // 2. subscriptions
        List<EmissionsRow> rows = new ArrayList<>();
        List<AccountFailure> failures = new ArrayList<>();
        for (String subscriptionId : subscriptionIds) {
            AzureCarbonReportClient.SubscriptionMonth read =
                    carbon.subscriptionMonth(subscriptionId, month);
            rows.addAll(read.rows());
            if (read.failure() != null) {
                failures.add(read.failure());
            }
            read.splits().forEach(split -> LOG.log(Level.INFO, () -> "Azure set " + name
                    + ": " + split));
        }

        // 3. emissions file, 4. usage files
        List<PulledFile> files = new ArrayList<>();
        String prefix = "azure-" + name + "-" + month;
        if (!rows.isEmpty()) {
            files.add(writeEmissions(rows, workDir.resolve(prefix + "-emissions.csv"), month));
        }
        files.addAll(usage(month, workDir, prefix, failures));

        PullStatus status = files.isEmpty() ? PullStatus.EMPTY : PullStatus.PULLED;
        LOG.log(Level.INFO, () -> String.format("Azure set %s %s: %d emissions rows from %d"
                        + " subscription(s), %d file(s), %d failure(s)", name, month, rows.size(),
                subscriptionIds.size(), files.size(), failures.size()));
        return new MonthPull(PROVIDER, name, month, status, null, files, failures, null);
    }

    private PulledFile writeEmissions(List<EmissionsRow> rows, Path file, YearMonth month) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                EmissionsCsvWriter writer = new EmissionsCsvWriter(out)) {
            rows.forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        String source = "Azure Carbon Optimization " + month + ", subscriptions "
                + String.join(", ", subscriptionIds);
        return new PulledFile(PulledFile.Kind.EMISSIONS, source, file);
    }

    private List<PulledFile> usage(YearMonth month, Path workDir, String prefix,
            List<AccountFailure> failures) {
        if (costExport == null) {
            return List.of();
        }
        List<PulledFile> files = costExport.pull(month, workDir, prefix);
        if (files.isEmpty()) {
            failures.add(new AccountFailure("FocusCost export of set " + name, "no export run"
                    + " for " + month + " found; the month's usage lines are missing"));
        }
        return files;
    }
}
