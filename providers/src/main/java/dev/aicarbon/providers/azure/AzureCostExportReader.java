package dev.aicarbon.providers.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.ProviderException.Reason;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a month of a Cost Management {@code FocusCost} export from Blob storage and writes
 * each partition as a FOCUS CSV file that {@code FocusCsvReader} reads.
 *
 * <p>Plan of {@link #pull}:
 * <ol>
 *   <li>List the blobs under the month's folder ({@link AzureCostExportLocation#monthPrefix})
 *       and read every {@code manifest.json} among them.</li>
 *   <li>Keep the newest run: the latest {@code runInfo.submittedTime}, as a daily export
 *       writes a run per day and the last one holds the whole month so far.</li>
 *   <li>Download each blob the manifest lists, in its order, and write it as CSV: gzip is
 *       decompressed, plain CSV passes as it is (a byte order mark and {@code x_} columns
 *       included, which the FOCUS reader takes), Parquet goes through DuckDB
 *       ({@link AzureParquetFocusCsv}).</li>
 * </ol>
 * A manifest is the documented way to know a run's partitions; blobs it does not list are not
 * read. A manifest whose {@code exportConfig.type} is not {@code FocusCost} is refused.
 *
 * <p>Thread-safe if the container client is, which the SDK's is.
 */
public final class AzureCostExportReader {

    static final String MANIFEST = "manifest.json";
    static final String FOCUS_COST = "FocusCost";

    private static final System.Logger LOG = System.getLogger(
            AzureCostExportReader.class.getName());

    private final BlobContainerClient container;
    private final AzureCostExportLocation location;

    /** A reader of {@code location} through {@code container}, the same container. */
    public AzureCostExportReader(BlobContainerClient container,
            AzureCostExportLocation location) {
        this.container = Objects.requireNonNull(container, "container");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** A reader that authenticates with the SDK's default credential chain. */
    public static AzureCostExportReader of(AzureCostExportLocation location) {
        return of(location, new DefaultAzureCredentialBuilder().build(), null, null);
    }

    /**
     * A reader that authenticates with {@code credential}.
     *
     * @param httpClient   the transport, or null for the SDK's default
     * @param retryOptions how to retry, or null for exponential back-off
     */
    public static AzureCostExportReader of(AzureCostExportLocation location,
            TokenCredential credential, HttpClient httpClient, RetryOptions retryOptions) {
        BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
                .endpoint(location.containerUrl())
                .credential(credential)
                .retryOptions(retryOptions == null
                        ? new RetryOptions(new ExponentialBackoffOptions())
                        : retryOptions);
        if (httpClient != null) {
            builder.httpClient(httpClient);
        }
        return new AzureCostExportReader(builder.buildClient(), location);
    }

    /**
     * One export run as its manifest describes it.
     *
     * @param submitted  {@code runInfo.submittedTime}
     * @param blobNames  the partitions, container-relative, in the manifest's order
     */
    public record ExportRun(String manifestName, String runId, Instant submitted,
            List<String> blobNames) {

        public ExportRun {
            blobNames = List.copyOf(blobNames);
        }
    }

    /**
     * Writes the newest run of {@code month} to {@code workDir}, a file per partition named
     * {@code <filePrefix>-focus-<n>.csv}; none when the month has no run yet.
     *
     * @throws ProviderException when storage refuses, is unreachable, or a manifest or
     *                           partition cannot be read
     */
    public List<PulledFile> pull(YearMonth month, Path workDir, String filePrefix) {
        Optional<ExportRun> newest = newestRun(month);
        if (newest.isEmpty()) {
            return List.of();
        }
        ExportRun run = newest.get();
        List<PulledFile> files = new ArrayList<>();
        for (String blobName : run.blobNames()) {
            Path csv = workDir.resolve(String.format("%s-focus-%04d.csv", filePrefix,
                    files.size() + 1));
            writeCsv(blobName, csv);
            files.add(new PulledFile(PulledFile.Kind.FOCUS, location.describe(blobName), csv));
        }
        LOG.log(Level.INFO, () -> String.format("FocusCost export %s %s: run %s submitted %s,"
                + " %d partition(s) written", location.exportName(), month, run.runId(),
                run.submitted(), files.size()));
        return files;
    }

    /** The newest run whose folder covers {@code month}, by its manifest. */
    public Optional<ExportRun> newestRun(YearMonth month) {
        String prefix = location.monthPrefix(month);
        List<ExportRun> runs = new ArrayList<>();
        for (BlobItem blob : list(prefix)) {
            String name = blob.getName();
            if (name.equals(MANIFEST) || name.endsWith("/" + MANIFEST)) {
                runs.add(manifest(name));
            }
        }
        return runs.stream().max(Comparator.comparing(ExportRun::submitted));
    }

    private List<BlobItem> list(String prefix) {
        return storage(location.describe(prefix), () -> {
            List<BlobItem> blobs = new ArrayList<>();
            container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)
                    .forEach(blobs::add);
            return blobs;
        });
    }

    private ExportRun manifest(String name) {
        String source = location.describe(name);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        storage(source, () -> {
            container.getBlobClient(name).downloadStream(bytes);
            return null;
        });
        try {
            JsonNode manifest = AzureCarbonReportPage.JSON.readTree(bytes.toByteArray());
            return run(manifest, name, source);
        } catch (IOException e) {
            throw new ProviderException(Reason.FORMAT, source + ": not a JSON manifest", e);
        }
    }

    private static ExportRun run(JsonNode manifest, String name, String source) {
        String type = manifest.path("exportConfig").path("type").asText("");
        if (!FOCUS_COST.equalsIgnoreCase(type)) {
            throw new ProviderException(Reason.FORMAT, source + ": exportConfig.type is \""
                    + type + "\", not " + FOCUS_COST + "; configure a FOCUS cost export", null);
        }
        List<String> blobNames = new ArrayList<>();
        for (JsonNode blob : manifest.path("blobs")) {
            String blobName = blob.path("blobName").asText("").strip();
            if (blobName.isEmpty()) {
                throw new ProviderException(Reason.FORMAT, source + ": a blobs entry has no"
                        + " blobName", null);
            }
            blobNames.add(blobName);
        }
        JsonNode runInfo = manifest.path("runInfo");
        return new ExportRun(name, runInfo.path("runId").asText(""),
                submitted(runInfo.path("submittedTime").asText(""), source), blobNames);
    }

    private static Instant submitted(String text, String source) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProviderException(Reason.FORMAT, source + ": runInfo.submittedTime \""
                    + text + "\" is not a timestamp; the newest run cannot be told", e);
        }
    }

    private void writeCsv(String blobName, Path csv) {
        String source = location.describe(blobName);
        Path download = csv.resolveSibling(csv.getFileName() + ".download");
        try {
            try (OutputStream out = Files.newOutputStream(download)) {
                storage(source, () -> {
                    container.getBlobClient(blobName).downloadStream(out);
                    return null;
                });
            }
            convert(download, csv, blobName, source);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be written to " + csv, e);
        } finally {
            deleteQuietly(download);
        }
    }

    private static void convert(Path download, Path csv, String blobName, String source)
            throws IOException {
        byte[] magic = firstBytes(download);
        if (blobName.endsWith(".parquet") || startsWith(magic, 'P', 'A', 'R', '1')) {
            try {
                AzureParquetFocusCsv.convert(download, csv);
            } catch (SQLException e) {
                throw new ProviderException(Reason.FORMAT, source + ": DuckDB cannot read the"
                        + " Parquet partition: " + e.getMessage(), e);
            }
        } else if (startsWith(magic, 0x1f, 0x8b)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(download))) {
                Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
            }
        } else {
            Files.move(download, csv, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] firstBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    private static boolean startsWith(byte[] bytes, int... expected) {
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** Runs a storage call, turning the SDK's failures into pull failures. */
    private static <T> T storage(String source, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ClientAuthenticationException e) {
            throw new ProviderException(Reason.CREDENTIALS, source + ": no token for Azure"
                    + " Storage; check the credential chain", e);
        } catch (BlobStorageException e) {
            throw storageFailure(source, e);
        }
    }

    private static ProviderException storageFailure(String source, BlobStorageException e) {
        String what = source + ": Azure Storage answered HTTP " + e.getStatusCode() + " "
                + e.getErrorCode();
        return switch (e.getStatusCode()) {
            case 401 -> new ProviderException(Reason.CREDENTIALS, what, e);
            case 403 -> new ProviderException(Reason.ACCESS_DENIED, what
                    + "; grant Storage Blob Data Reader on the container", e);
            case 404 -> new ProviderException(Reason.NOT_FOUND, what
                    + "; check the container URL, directory and export name", e);
            default -> new ProviderException(Reason.UNAVAILABLE, what, e);
        };
    }
}
