package dev.aicarbon.providers.aws;

import dev.aicarbon.providers.FileRefusedException;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsCsvWriter;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderConnector;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PullStatus;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Pulls a month of AWS carbon emissions, and of FOCUS usage, from the Data Exports that AWS
 * delivers to S3, through the AWS SDK for Java v2 (URL-connection HTTP client, standard retry
 * mode: throttling such as 503 SlowDown and 5xx answers are retried by the SDK with back-off).
 *
 * <p>The plan of a pull:
 * <ol>
 *   <li>For each configured account: take its credentials (the SDK's standard chain, or an
 *       STS assumed role when a role ARN is configured), find the month's carbon and FOCUS
 *       files ({@link AwsExportMonthFiles}) and download them to the work directory. An
 *       account refused with 403 AccessDenied becomes an {@link AccountFailure}; the others
 *       proceed. Rejected credentials stop the pull (CREDENTIALS).</li>
 *   <li>No carbon files for the month in any readable account: {@code NOT_YET_AVAILABLE},
 *       expected by the {@value #PUBLICATION_DAY}st of the next month, the day by which AWS
 *       says it publishes a month's carbon data (AWS Sustainability, "Publishing
 *       timing").</li>
 *   <li>Read the carbon files ({@link AwsCarbonExportReader}) and write one canonical
 *       emissions CSV, one row per account, month, region and service; rows for the same
 *       cell in several files are added up.</li>
 *   <li>Convert each account's FOCUS files to a FOCUS CSV ({@link AwsFocusCsvConverter}).</li>
 *   <li>Files written: {@code PULLED}; files found but no rows: {@code EMPTY}.</li>
 * </ol>
 *
 * <p>A refreshed delivery or a new model version of a month already held yields different
 * file content, which the service treats as a restatement. Quarantined carbon rows are
 * counted and logged by field as a warning; their values are not logged.
 */
public final class AwsCarbonConnector implements ProviderConnector {

    /** The day of the month after usage by which AWS publishes carbon emissions. */
    static final int PUBLICATION_DAY = 21;

    private static final System.Logger LOG = System.getLogger(AwsCarbonConnector.class.getName());

    private final AwsConnectorSettings settings;
    private final AwsCredentialsProvider credentials;

    /** A connector with the SDK's standard credential chain. */
    public AwsCarbonConnector(AwsConnectorSettings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    /** A connector with the given base credentials, used directly or to assume roles. */
    public AwsCarbonConnector(AwsConnectorSettings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    @Override
    public String provider() {
        return "aws";
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public MonthPull pull(YearMonth month, Path workDir) {
        List<AccountFiles> fetched = new ArrayList<>();
        List<AccountFailure> failures = new ArrayList<>();
        for (AwsExportAccount account : settings.accounts()) {
            Outcome outcome = fetch(account, month, workDir);
            if (outcome.failure() != null) {
                failures.add(outcome.failure());
            } else {
                fetched.add(outcome.files());
            }
        }
        refuseWhenAllRefused(failures);

        if (fetched.stream().noneMatch(files -> files.carbon().isPresent())) {
            LocalDate expected = month.plusMonths(1).atDay(PUBLICATION_DAY);
            LOG.log(Level.INFO, "AWS {0} {1}: no carbon export yet; expected about {2}",
                    name(), month, expected);
            return new MonthPull(provider(), name(), month, PullStatus.NOT_YET_AVAILABLE,
                    expected, List.of(), failures, null);
        }

        AwsCarbonExportReader reader = AwsCarbonExportReader.forMonth(month);
        List<PulledFile> files = new ArrayList<>();
        writeEmissions(fetched, reader, month, workDir).ifPresent(files::add);
        for (AccountFiles account : fetched) {
            writeFocus(account, month, workDir).ifPresent(files::add);
        }
        PullStatus status = files.isEmpty() ? PullStatus.EMPTY : PullStatus.PULLED;
        String modelVersion = reader.modelVersions().isEmpty()
                ? null : String.join(",", reader.modelVersions());
        return new MonthPull(provider(), name(), month, status, null, files, failures,
                modelVersion);
    }

    // ---- 1. fetching, per account ------------------------------------------------------

    private Outcome fetch(AwsExportAccount account, YearMonth month, Path workDir) {
        try {
            if (account.roleArn() == null) {
                return new Outcome(download(account, credentials, month, workDir), null);
            }
            try (StsClient sts = stsClient();
                    StsAssumeRoleCredentialsProvider role = assumeRole(sts, account)) {
                role.resolveCredentials();
                return new Outcome(download(account, role, month, workDir), null);
            }
        } catch (SdkException e) {
            return refusedOrThrow(account, e);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new ProviderException(ProviderException.Reason.FORMAT, "AWS connector "
                    + name() + ": account " + account.accountId() + ": " + e.getMessage(), e);
        }
    }

    private Outcome refusedOrThrow(AwsExportAccount account, SdkException e) {
        String where = "s3://" + account.location().bucket() + "/" + account.location().prefix();
        if (AwsErrors.isBadCredentials(e)) {
            throw new ProviderException(ProviderException.Reason.CREDENTIALS, "AWS connector "
                    + name() + ": the credentials were rejected (" + AwsErrors.describe(e)
                    + "); renew them or fix the credential chain", e);
        }
        if (AwsErrors.isNoSuchBucket(e)) {
            throw new ProviderException(ProviderException.Reason.NOT_FOUND, "AWS connector "
                    + name() + ": the bucket " + account.location().bucket() + " does not exist", e);
        }
        if (AwsErrors.isAccessDenied(e)) {
            String reason = "access denied (" + AwsErrors.describe(e) + ") "
                    + (account.roleArn() == null ? "to " + where
                    : "assuming " + account.roleArn() + " or reading " + where);
            LOG.log(Level.WARNING, "AWS {0}: account {1}: {2}", name(), account.accountId(),
                    reason);
            return new Outcome(null, new AccountFailure(account.accountId(), reason));
        }
        throw new ProviderException(ProviderException.Reason.UNAVAILABLE, "AWS connector "
                + name() + ": S3 or STS did not answer usably after retries ("
                + AwsErrors.describe(e) + "); try again later", e);
    }

    private AccountFiles download(AwsExportAccount account, AwsCredentialsProvider provider,
            YearMonth month, Path workDir) {
        AwsDataExportLocation location = account.location();
        try (S3Client s3 = s3Client(provider)) {
            AwsExportMonthFiles finder = new AwsExportMonthFiles(s3, location.bucket());
            Optional<Downloaded> carbon = finder.find(location.carbonBase(), month)
                    .map(found -> save(s3, location, location.carbonBase(), found,
                            folder(workDir, account, "carbon")));
            Optional<Downloaded> focus = location.focusBase() == null ? Optional.empty()
                    : finder.find(location.focusBase(), month)
                            .map(found -> save(s3, location, location.focusBase(), found,
                                    folder(workDir, account, "focus")));
            LOG.log(Level.INFO, "AWS {0} {1}: account {2}: {3} carbon files, {4} FOCUS files",
                    name(), month, account.accountId(), carbon.map(d -> d.files().size()).orElse(0),
                    focus.map(d -> d.files().size()).orElse(0));
            return new AccountFiles(account, carbon, focus);
        }
    }

    private Downloaded save(S3Client s3, AwsDataExportLocation location, String exportBase,
            AwsExportMonthFiles.Found found, Path folder) {
        List<Path> files = new ArrayList<>();
        for (String key : found.keys()) {
            Path target = folder.resolve(files.size() + "-" + key.substring(key.lastIndexOf('/') + 1));
            s3.getObject(request -> request.bucket(location.bucket()).key(key),
                    ResponseTransformer.toFile(target));
            files.add(target);
        }
        String source = "s3://" + location.bucket() + "/" + exportBase + "data/" + found.partition();
        return new Downloaded(source, files);
    }

    private S3Client s3Client(AwsCredentialsProvider provider) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(provider)
                .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD));
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride()).forcePathStyle(true);
        }
        return builder.build();
    }

    private StsClient stsClient() {
        StsClientBuilder builder = StsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD));
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder.build();
    }

    private StsAssumeRoleCredentialsProvider assumeRole(StsClient sts, AwsExportAccount account) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request
                        .roleArn(account.roleArn())
                        .roleSessionName("aicarbon-" + name()))
                .build();
    }

    private void refuseWhenAllRefused(List<AccountFailure> failures) {
        if (failures.size() == settings.accounts().size()) {
            throw new ProviderException(ProviderException.Reason.ACCESS_DENIED, "AWS connector "
                    + name() + ": every account was refused: " + failures, null);
        }
    }

    // ---- 3. the canonical emissions file ------------------------------------------------

    private Optional<PulledFile> writeEmissions(List<AccountFiles> fetched,
            AwsCarbonExportReader reader, YearMonth month, Path workDir) {
        Cells cells = new Cells();
        List<String> sources = new ArrayList<>();
        for (AccountFiles account : fetched) {
            account.carbon().ifPresent(carbon -> {
                sources.add(carbon.source());
                carbon.files().forEach(file -> readOrRefuse(reader, file, carbon.source(), cells));
            });
        }
        warnAboutDataQuality(reader, cells, month);
        if (cells.byKey.isEmpty()) {
            return Optional.empty();
        }

        Path out = workDir.resolve("aws-" + name() + "-" + month + "-emissions.csv");
        try (EmissionsCsvWriter writer = new EmissionsCsvWriter(
                Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            cells.byKey.values().forEach(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        LOG.log(Level.INFO, "AWS {0} {1}: wrote {2} emission cells from {3} rows ({4}"
                + " quarantined)", name(), month, cells.byKey.size(), cells.accepted,
                cells.quarantined);
        return Optional.of(new PulledFile(PulledFile.Kind.EMISSIONS, String.join(" ", sources), out));
    }

    private void readOrRefuse(AwsCarbonExportReader reader, Path file, String source,
            Cells cells) {
        try {
            read(reader, file, source, cells);
        } catch (FileRefusedException e) {
            throw new ProviderException(ProviderException.Reason.FORMAT, "AWS connector "
                    + name() + ": " + e.getMessage(), e);
        }
    }

    private static void read(AwsCarbonExportReader reader, Path file, String source, Cells cells) {
        String name = source + file.getFileName().toString().replaceFirst("^\\d+-", "");
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            reader.readParquet(file, name, cells);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            reader.read(in, name, cells);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void warnAboutDataQuality(AwsCarbonExportReader reader, Cells cells, YearMonth month) {
        if (cells.quarantined > 0) {
            LOG.log(Level.WARNING, "AWS {0} {1}: {2} carbon rows quarantined, by field: {3}",
                    name(), month, cells.quarantined, cells.problemsByField);
        }
        if (!reader.unmappedProductCodes().isEmpty()) {
            LOG.log(Level.WARNING, "AWS {0} {1}: product codes with no FOCUS service name, rows"
                    + " each: {2}; their emissions stay unmatched until aws/product-codes.csv"
                    + " maps them", name(), month, reader.unmappedProductCodes());
        }
    }

    // ---- 4. FOCUS ------------------------------------------------------------------------

    private Optional<PulledFile> writeFocus(AccountFiles account, YearMonth month, Path workDir) {
        if (account.focus().isEmpty() || account.focus().get().files().isEmpty()) {
            return Optional.empty();
        }

        Downloaded focus = account.focus().get();
        Path out = workDir.resolve("aws-" + name() + "-" + account.account().accountId() + "-"
                + month + "-focus.csv");
        long rows = new AwsFocusCsvConverter().convert(focus.files(), out, focus.source());
        LOG.log(Level.INFO, "AWS {0} {1}: account {2}: wrote {3} FOCUS lines", name(), month,
                account.account().accountId(), rows);
        return rows == 0 ? Optional.empty()
                : Optional.of(new PulledFile(PulledFile.Kind.FOCUS, focus.source(), out));
    }

    private static Path folder(Path workDir, AwsExportAccount account, String kind) {
        try {
            return Files.createDirectories(workDir.resolve(account.accountId()).resolve(kind));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + workDir, e);
        }
    }

    /** One account's files, or why it was refused. */
    private record Outcome(AccountFiles files, AccountFailure failure) {
    }

    private record Downloaded(String source, List<Path> files) {
    }

    private record AccountFiles(AwsExportAccount account, Optional<Downloaded> carbon,
            Optional<Downloaded> focus) {
    }

    private record CellKey(String accountId, YearMonth month, String region, String service) {
    }

    /**
     * Rows by emissions cell. Two rows of one cell (a month split over several files) are
     * added up exactly, so the canonical file names each cell once.
     */
    private static final class Cells implements RowSink<EmissionsRow> {

        private final Map<CellKey, EmissionsRow> byKey = new LinkedHashMap<>();
        private final Map<String, Integer> problemsByField = new TreeMap<>();
        private int accepted;
        private int quarantined;

        @Override
        public void accept(EmissionsRow row) {
            accepted++;
            byKey.merge(new CellKey(row.accountId(), row.month(), row.region(), row.service()),
                    row, Cells::add);
        }

        @Override
        public void quarantine(RowProblem problem) {
            quarantined++;
            problemsByField.merge(problem.column() == null ? "(row)" : problem.column(), 1,
                    Integer::sum);
        }

        private static EmissionsRow add(EmissionsRow first, EmissionsRow second) {
            BigDecimal location = first.totalLocationKgCo2e().add(second.totalLocationKgCo2e());
            BigDecimal market = first.totalMarketKgCo2e().add(second.totalMarketKgCo2e());
            return EmissionsRow.ofTotals(first.row(), first.provider(), first.accountId(),
                    first.month(), first.region(), first.service(), location, market);
        }
    }
}
