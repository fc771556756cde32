package dev.aicarbon.providers.azure;

import static dev.aicarbon.providers.azure.BlobReplies.NEWEST_RUN;
import static dev.aicarbon.providers.azure.BlobReplies.OLDER_RUN;
import static dev.aicarbon.providers.azure.BlobReplies.blob;
import static dev.aicarbon.providers.azure.BlobReplies.content;
import static dev.aicarbon.providers.azure.BlobReplies.listing;
import static dev.aicarbon.providers.azure.BlobReplies.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aicarbon.providers.azure.ReplayingHttpClient.Answer;
import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FocusCost export through the real BlobContainerClient on recorded storage answers. */
class AzureCostExportReaderTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final ReplayingHttpClient transport = new ReplayingHttpClient();

    @TempDir
    Path workDir;

    @Test
    void writesTheNewestRunsPartsAsFocusCsvDecompressingGzip() throws IOException {
        BlobReplies.twoRuns(transport);

        List<PulledFile> files = BlobReplies.reader(transport).pull(NOVEMBER, workDir, "set");

        assertThat(files).extracting(PulledFile::kind).containsOnly(PulledFile.Kind.FOCUS);
        assertThat(files).extracting(PulledFile::source).containsExactly(
                "https://contosofinops.blob.core.windows.net" + NEWEST_RUN + "part_0_0001.csv.gz",
                "https://contosofinops.blob.core.windows.net" + NEWEST_RUN + "part_0_0002.csv");
        List<FocusLine> lines = focusLines(files);
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().map(FocusLine::billedCost).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("17252.625");
        assertThat(lines.get(0).tags()).containsEntry("team", "pretrain");
        assertThat(transport.count(blob(OLDER_RUN + "part_0_0001.csv.gz"))).isZero();
    }

    @Test
    void sendsTheCredentialsTokenToStorage() {
        BlobReplies.twoRuns(transport);

        BlobReplies.reader(transport).pull(NOVEMBER, workDir, "set");

        assertThat(transport.requests()).extracting(r -> r.header("Authorization"))
                .containsOnly("Bearer " + CarbonReplies.TOKEN);
        assertThat(transport.requests().get(0).url().getQuery())
                .contains("prefix=focus/llm-platform-focus/20261101-20261130/");
    }

    @Test
    void givesNoFilesForAMonthWithoutARun() {
        transport.on(listing(), xml("list-empty.xml"));

        assertThat(BlobReplies.reader(transport).pull(NOVEMBER, workDir, "set")).isEmpty();
    }

    @Test
    void refusesAManifestOfAnotherDataset() {
        transport.on(listing(), xml("list-two-runs.xml"))
                .on(blob(OLDER_RUN + "manifest.json"), content("manifest-older.json"))
                .on(blob(NEWEST_RUN + "manifest.json"), content("manifest-actual-cost.json"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> BlobReplies.reader(transport).pull(NOVEMBER, workDir, "set"));

        assertThat(failure.reason()).isEqualTo(ProviderException.Reason.FORMAT);
        assertThat(failure).hasMessageContaining("\"ActualCost\", not FocusCost");
    }

    @Test
    void aForbiddenContainerIsAnAccessFailure() {
        transport.on(listing(), new Answer(403, Map.of("Content-Type", "application/xml",
                "x-ms-error-code", "AuthorizationPermissionMismatch"),
                ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
                        + "AuthorizationPermissionMismatch</Code><Message>Hand-made.</Message>"
                        + "</Error>").getBytes()));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> BlobReplies.reader(transport).pull(NOVEMBER, workDir, "set"));

        assertThat(failure.reason()).isEqualTo(ProviderException.Reason.ACCESS_DENIED);
        assertThat(failure).hasMessageContaining("Storage Blob Data Reader");
    }

    @Test
    void convertsAParquetPartWithDuckDb() throws IOException, SQLException {
        Path parquet = workDir.resolve("made.parquet");
        writeParquet(parquet);
        transport.on(listing(), xml("list-two-runs.xml"))
                .on(blob(OLDER_RUN + "manifest.json"), content("manifest-older.json"))
                .on(blob(NEWEST_RUN + "manifest.json"), content("manifest-newest.json"))
                .on(blob(NEWEST_RUN + "part_0_0001.csv.gz"), new Answer(200,
                        Map.of("Content-Type", "application/octet-stream"),
                        Files.readAllBytes(parquet)))
                .on(blob(NEWEST_RUN + "part_0_0002.csv"), content("part_0_0002.csv"));

        List<PulledFile> files = BlobReplies.reader(transport).pull(NOVEMBER, workDir, "pq");

        List<FocusLine> lines = focusLines(files.subList(0, 1));
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.chargePeriodStart()).hasToString("2026-11-01T00:00:00Z");
            assertThat(line.billedCost()).isEqualByComparingTo("12.5");
            assertThat(line.tags()).containsEntry("team", "pretrain");
        });
    }

    /** A Parquet part as a writer with typed columns makes one: timestamps and a map. */
    private static void writeParquet(Path parquet) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT 12.5 AS BilledCost, 'acct' AS BillingAccountId,"
                    + " 'sub' AS SubAccountId, TIMESTAMP '2026-11-01 00:00:00' AS"
                    + " ChargePeriodStart, TIMESTAMP '2026-11-02 00:00:00' AS ChargePeriodEnd,"
                    + " 'Usage' AS ChargeCategory, 'Virtual Machines' AS ServiceName,"
                    + " 12.5 AS ListCost, 12.5 AS EffectiveCost, 'USD' AS BillingCurrency,"
                    + " 'Microsoft' AS ProviderName, MAP {'team': 'pretrain'} AS Tags) TO '"
                    + parquet.toAbsolutePath() + "' (FORMAT PARQUET)");
        }
    }

    private static List<FocusLine> focusLines(List<PulledFile> files) throws IOException {
        CollectingSink<FocusLine> sink = new CollectingSink<>();
        for (PulledFile file : files) {
            try (InputStream in = Files.newInputStream(file.path())) {
                new FocusCsvReader().read(in, file.source(), sink);
            }
        }
        assertThat(sink.problems()).isEmpty();
        return sink.accepted();
    }
}
