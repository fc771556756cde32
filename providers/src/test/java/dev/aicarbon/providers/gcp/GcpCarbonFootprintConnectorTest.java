package dev.aicarbon.providers.gcp;

import static dev.aicarbon.providers.gcp.BigQueryReplayServer.error;
import static dev.aicarbon.providers.gcp.BigQueryReplayServer.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import dev.aicarbon.providers.gcp.BigQueryReplayServer.Request;
import dev.aicarbon.providers.gcp.GcpCarbonFootprintSettings.BillingExport;
import dev.aicarbon.providers.gcp.GcpCarbonFootprintSettings.UsageSource;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PullStatus;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpCarbonFootprintConnectorTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String ACCOUNT_A = "01A7C3-9F4E2B-6D8051";
    private static final String ACCOUNT_B = "0B33D1-77A0C4-E19F25";
    private static final String CARBON_A = "carbon-exports.carbon.carbon_footprint";
    private static final String CARBON_B = "vision-exports.carbon.carbon_footprint";
    private static final String FOCUS_A =
            "carbon-exports.billing.gcp_billing_export_focus_01A7C3_9F4E2B_6D8051";
    private static final String DETAILED_B =
            "vision-exports.billing.gcp_billing_export_resource_v1_0B33D1_77A0C4_E19F25";
    private static final Clock AFTER_PUBLICATION = clockAt("2026-12-20T08:00:00Z");

    private final BigQueryReplayServer server = new BigQueryReplayServer();

    @TempDir
    Path workDir;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void pullsBothResultPagesAndSumsZonesIntoRegionCells() throws IOException {
        replayNovemberOfAccountA();

        MonthPull pull = connector(AFTER_PUBLICATION, exportA()).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(pull.modelVersion()).isEqualTo("12");
        assertThat(pull.failures()).isEmpty();
        List<EmissionsRow> rows = emissions(pull);
        assertThat(rows).hasSize(2);
        EmissionsRow compute = rows.get(0);
        assertThat(compute.accountId()).isEqualTo("llm-research-381204");
        assertThat(compute.region()).isEqualTo("us-central1");
        assertThat(compute.service()).isEqualTo("Compute Engine");
        assertThat(compute.scope1KgCo2e()).isEqualByComparingTo("2.00");
        assertThat(compute.scope2LocationKgCo2e()).isEqualByComparingTo("500.0");
        assertThat(compute.scope2MarketKgCo2e()).isEqualByComparingTo("100.00");
        assertThat(compute.scope3KgCo2e()).isEqualByComparingTo("100.000");
        EmissionsRow storage = rows.get(1);
        assertThat(storage.service()).isEqualTo("Cloud Storage");
        assertThat(storage.region()).as("a global row covers every region").isNull();
        assertThat(storage.scope2LocationKgCo2e()).isEqualByComparingTo("6.4");
        assertThat(server.requests()).anyMatch(r -> r.path().endsWith("/data")
                && r.query().contains("pageToken="));
    }

    @Test
    void sendsTheMonthAsADateParameterAndWritesTheUsageAsFocus() throws IOException {
        replayNovemberOfAccountA();

        MonthPull pull = connector(AFTER_PUBLICATION, exportA()).pull(NOVEMBER, workDir);

        Request carbonQuery = server.requests().stream().filter(carbonQueryOf(ACCOUNT_A))
                .findFirst().orElseThrow();
        assertThat(carbonQuery.body()).contains("\"parameterType\":{\"type\":\"DATE\"}")
                .contains("\"parameterValue\":{\"value\":\"2026-11-01\"}");
        List<FocusLine> lines = focus(pull);
        assertThat(lines).hasSize(3);
        FocusLine compute = lines.get(0);
        assertThat(compute.subAccountId()).isEqualTo("llm-research-381204");
        assertThat(compute.serviceName()).isEqualTo("Compute Engine");
        assertThat(compute.regionId()).isEqualTo("us-central1");
        assertThat(compute.listCost()).isEqualByComparingTo("29.3878");
        assertThat(compute.chargePeriodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(compute.tags()).containsEntry("ml-project", "llm-pretrain")
                .containsEntry("ml-stage", "training");
        assertThat(lines.get(1).tags()).containsEntry("ml-project", "llm-pretrain");
        assertThat(lines.get(2).chargeCategory()).isEqualTo("Credit");
        assertThat(lines.get(2).effectiveCost()).isEqualByComparingTo("-1523.46");
    }

    @Test
    void retriesThrottlingAndUnavailabilityThroughTheClient() throws IOException {
        server.on(carbonQueryOf(ACCOUNT_A),
                error(429, "rateLimitExceeded", "Exceeded rate limits: too many api requests"),
                error(503, "backendError", "Error encountered during execution. Retrying"
                        + " may solve the problem."),
                ok("carbon-2026-11-restated.json"));
        server.on(usageQueryOf(FOCUS_A), ok("focus-usage-2026-11.json"));

        MonthPull pull = connector(AFTER_PUBLICATION, exportA()).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(server.requests().stream().filter(carbonQueryOf(ACCOUNT_A))).hasSize(3);
        assertThat(emissions(pull)).hasSize(2);
    }

    @Test
    void reportsAnAccountWhoseDatasetIsRefusedAndPullsTheOthers() throws IOException {
        server.on(carbonQueryOf(ACCOUNT_A), error(403, "accessDenied", "Access Denied: Table"
                + " carbon-exports:carbon.carbon_footprint: User does not have permission to"
                + " query table carbon-exports:carbon.carbon_footprint."));
        server.on(carbonQueryOf(ACCOUNT_B), ok("carbon-2026-11-second-account.json"));
        server.on(usageQueryOf(DETAILED_B), ok("focus-usage-2026-11.json"));

        MonthPull pull = connector(AFTER_PUBLICATION, exportA(), exportB()).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(pull.failures()).extracting(f -> f.accountId())
                .containsExactly(ACCOUNT_A, ACCOUNT_B);
        assertThat(pull.failures().get(0).reason()).contains("403").contains("accessDenied")
                .contains(CARBON_A);
        assertThat(pull.failures().get(1).reason())
                .contains("1 of 2 carbon rows").contains("project.id is empty");
        assertThat(emissions(pull)).singleElement().satisfies(row -> {
            assertThat(row.accountId()).isEqualTo("vision-prod-552901");
            assertThat(row.scope2LocationKgCo2e()).isEqualByComparingTo("120.0");
        });
        assertThat(server.requests()).noneMatch(usageQueryOf(FOCUS_A));
    }

    @Test
    void queriesTheDetailedBillingExportThroughItsFocusMapping() {
        server.on(carbonQueryOf(ACCOUNT_B), ok("carbon-2026-11-second-account.json"));
        server.on(usageQueryOf(DETAILED_B), ok("focus-usage-2026-11.json"));

        connector(AFTER_PUBLICATION, exportB()).pull(NOVEMBER, workDir);

        Request usage = server.requests().stream().filter(usageQueryOf(DETAILED_B))
                .findFirst().orElseThrow();
        assertThat(usage.body()).contains("project.id AS SubAccountId")
                .contains("usage_start_time").contains("TO_JSON_STRING(labels) AS Tags");
    }

    @Test
    void failsTheWholePullWhenTheCredentialsAreRejected() {
        server.on(carbonQueryOf(ACCOUNT_A), error(401, "authError", "Request had invalid"
                + " authentication credentials."));

        GcpCarbonFootprintConnector connector =
                connector(AFTER_PUBLICATION, exportA(), exportB());

        assertThatThrownBy(() -> connector.pull(NOVEMBER, workDir))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.reason()).as(e.getMessage())
                        .isEqualTo(ProviderException.Reason.CREDENTIALS));
    }

    @Test
    void aMonthWithoutRowsIsNotYetAvailableUpToTheFifteenthOfTheNextMonth() {
        server.on(carbonQueryOf(ACCOUNT_A), ok("carbon-empty.json"));

        MonthPull pull = connector(clockAt("2026-12-15T21:00:00Z"), exportA())
                .pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.NOT_YET_AVAILABLE);
        assertThat(pull.availableAbout()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(pull.files()).isEmpty();
        assertThat(server.requests()).noneMatch(usageQueryOf(FOCUS_A));
    }

    @Test
    void aMonthWithoutRowsIsEmptyOnceTheFifteenthHasPassed() {
        server.on(carbonQueryOf(ACCOUNT_A), ok("carbon-empty.json"));

        MonthPull pull = connector(clockAt("2026-12-16T00:30:00Z"), exportA())
                .pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.EMPTY);
        assertThat(pull.availableAbout()).isNull();
        assertThat(pull.files()).isEmpty();
    }

    @Test
    void aRestatedMonthGivesADifferentFileAndModelVersion(@TempDir Path laterDir)
            throws IOException {
        replayNovemberOfAccountA();
        MonthPull first = connector(AFTER_PUBLICATION, exportA()).pull(NOVEMBER, workDir);
        BigQueryReplayServer restating = new BigQueryReplayServer();
        restating.on(carbonQueryOf(ACCOUNT_A), ok("carbon-2026-11-restated.json"));
        restating.on(usageQueryOf(FOCUS_A), ok("focus-usage-2026-11.json"));

        MonthPull restated;
        try (restating) {
            restated = connector(restating, AFTER_PUBLICATION, exportA()).pull(NOVEMBER, laterDir);
        }

        assertThat(restated.modelVersion()).isEqualTo("13").isNotEqualTo(first.modelVersion());
        assertThat(Files.readString(emissionsFile(restated).path()))
                .isNotEqualTo(Files.readString(emissionsFile(first).path()));
        assertThat(emissions(restated).get(0).scope2LocationKgCo2e())
                .isEqualByComparingTo("455.25");
    }

    private void replayNovemberOfAccountA() {
        server.on(carbonQueryOf(ACCOUNT_A), ok("carbon-2026-11-page-1.json"));
        server.on(r -> r.method().equals("GET") && r.path().endsWith("/jobs/job_cf_2026_11"),
                ok("carbon-2026-11-job.json"));
        server.on(r -> r.method().equals("GET") && r.path().endsWith("/data"),
                ok("carbon-2026-11-tabledata-page-2.json"));
        server.on(usageQueryOf(FOCUS_A), ok("focus-usage-2026-11.json"));
    }

    private static Predicate<Request> carbonQueryOf(String billingAccount) {
        return r -> r.isQueryInsert() && r.mentions("carbon_footprint`")
                && r.mentions("\"value\":\"" + billingAccount + "\"");
    }

    private static Predicate<Request> usageQueryOf(String table) {
        return r -> r.isQueryInsert() && r.mentions(table);
    }

    private static BillingExport exportA() {
        return new BillingExport(ACCOUNT_A, CARBON_A, FOCUS_A, UsageSource.FOCUS);
    }

    private static BillingExport exportB() {
        return new BillingExport(ACCOUNT_B, CARBON_B, DETAILED_B, UsageSource.DETAILED_BILLING);
    }

    private GcpCarbonFootprintConnector connector(Clock clock, BillingExport... exports) {
        return connector(server, clock, exports);
    }

    private static GcpCarbonFootprintConnector connector(BigQueryReplayServer server,
            Clock clock, BillingExport... exports) {
        GcpCarbonFootprintSettings settings = new GcpCarbonFootprintSettings("ml-billing",
                "carbon-jobs", List.of(exports), server.host());
        RetrySettings fastRetries = RetrySettings.newBuilder()
                .setMaxAttempts(4)
                .setInitialRetryDelayDuration(Duration.ofMillis(5))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofMillis(20))
                .setTotalTimeoutDuration(Duration.ofSeconds(30))
                .build();
        return new GcpCarbonFootprintConnector(settings, GcpCarbonFootprintConnector.client(
                settings, NoCredentials.getInstance(), fastRetries), clock);
    }

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static PulledFile emissionsFile(MonthPull pull) {
        return pull.files().stream().filter(f -> f.kind() == PulledFile.Kind.EMISSIONS)
                .findFirst().orElseThrow();
    }

    private static List<EmissionsRow> emissions(MonthPull pull) throws IOException {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(emissionsFile(pull).path())) {
            new EmissionsCsvReader().read(in, "pulled", sink);
        }
        assertThat(sink.problems()).isEmpty();
        return sink.accepted();
    }

    private static List<FocusLine> focus(MonthPull pull) throws IOException {
        PulledFile file = pull.files().stream().filter(f -> f.kind() == PulledFile.Kind.FOCUS)
                .findFirst().orElseThrow();
        CollectingSink<FocusLine> sink = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(file.path())) {
            new FocusCsvReader().read(in, "pulled", sink);
        }
        assertThat(sink.problems()).isEmpty();
        return sink.accepted();
    }
}
