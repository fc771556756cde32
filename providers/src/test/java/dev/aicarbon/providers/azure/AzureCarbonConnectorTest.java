package dev.aicarbon.providers.azure;

import static dev.aicarbon.providers.azure.CarbonReplies.SUBSCRIPTION_A;
import static dev.aicarbon.providers.azure.CarbonReplies.SUBSCRIPTION_DENIED;
import static dev.aicarbon.providers.azure.CarbonReplies.dateRange;
import static dev.aicarbon.providers.azure.CarbonReplies.ok;
import static dev.aicarbon.providers.azure.ReplayingHttpClient.bodyHas;
import static dev.aicarbon.providers.azure.ReplayingHttpClient.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aicarbon.providers.azure.ReplayingHttpClient.Answer;
import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PullStatus;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A month of one Azure subscription set, end to end through the SDK clients. */
class AzureCarbonConnectorTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final ReplayingHttpClient arm = new ReplayingHttpClient();
    private final ReplayingHttpClient storage = new ReplayingHttpClient();

    @TempDir
    Path workDir;

    @Test
    void writesEmissionsAndUsageAndReportsTheDeniedSubscription() throws IOException {
        arm.on(dateRange(), ok("date-range-to-2026-11.json"))
                .on(path(AzureCarbonReportClient.REPORTS_PATH)
                        .and(bodyHas("subscriptionList/0", SUBSCRIPTION_DENIED)), ok("denied.json"));
        CarbonReplies.subscriptionA(arm);
        BlobReplies.twoRuns(storage);

        MonthPull pull = connector(List.of(SUBSCRIPTION_DENIED, SUBSCRIPTION_A))
                .pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(pull.provider()).isEqualTo("azure");
        assertThat(pull.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.accountId()).isEqualTo(SUBSCRIPTION_DENIED);
            assertThat(failure.reason()).contains("Carbon Optimization Reader permission required");
        });
        assertThat(pull.files()).extracting(PulledFile::kind).containsExactly(
                PulledFile.Kind.EMISSIONS, PulledFile.Kind.FOCUS, PulledFile.Kind.FOCUS);
        assertThat(arm.count(path(AzureCarbonReportClient.REPORTS_PATH)
                .and(bodyHas("subscriptionList/0", SUBSCRIPTION_DENIED)))).isEqualTo(1);
    }

    @Test
    void theEmissionsFileReadsBackWithMarketScope2StandingInFlagged() throws IOException {
        arm.on(dateRange(), ok("date-range-to-2026-11.json"));
        CarbonReplies.subscriptionA(arm);
        BlobReplies.twoRuns(storage);

        MonthPull pull = connector(List.of(SUBSCRIPTION_A)).pull(NOVEMBER, workDir);

        Path emissions = pull.files().get(0).path();
        assertThat(Files.readAllLines(emissions).get(0)).contains("scope2_location_from_market");
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(emissions)) {
            new EmissionsCsvReader().read(in, emissions.getFileName().toString(), sink);
        }
        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(3).allSatisfy(row -> {
            assertThat(row.scope2LocationFromMarket()).isTrue();
            assertThat(row.month()).isEqualTo(NOVEMBER);
            assertThat(row.accountId()).isEqualTo(SUBSCRIPTION_A);
        });
        EmissionsRow vm = sink.accepted().stream()
                .filter(row -> row.resourceId().endsWith("ndv4-pretrain-01"))
                .findFirst().orElseThrow();
        assertThat(vm.scope1KgCo2e()).isEqualByComparingTo("0.35");
        assertThat(vm.scope2LocationKgCo2e()).isEqualByComparingTo("412.7503125");
        assertThat(vm.scope2MarketKgCo2e()).isEqualByComparingTo("412.7503125");
        assertThat(vm.scope3KgCo2e()).isEqualByComparingTo("96.4");
    }

    @Test
    void aMonthNotYetPublishedIsExpectedOnTheNineteenthOfTheNext() {
        arm.on(dateRange(), ok("date-range-to-2026-10.json"));

        MonthPull pull = connector(List.of(SUBSCRIPTION_A)).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.NOT_YET_AVAILABLE);
        assertThat(pull.availableAbout()).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(pull.files()).isEmpty();
        assertThat(arm.requests()).hasSize(1);
        assertThat(storage.requests()).isEmpty();
    }

    @Test
    void aMonthWithoutAnExportRunKeepsTheEmissionsAndSaysUsageIsMissing() {
        arm.on(dateRange(), ok("date-range-to-2026-11.json"));
        CarbonReplies.subscriptionA(arm);
        storage.on(BlobReplies.listing(), BlobReplies.xml("list-empty.xml"));

        MonthPull pull = connector(List.of(SUBSCRIPTION_A)).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(pull.files()).extracting(PulledFile::kind)
                .containsExactly(PulledFile.Kind.EMISSIONS);
        assertThat(pull.failures()).extracting(AccountFailure::reason)
                .singleElement().asString().contains("usage lines are missing");
    }

    @Test
    void rejectedCredentialsFailThePullNamingTheSet() {
        arm.on(dateRange(), Answer.json(401, "azure/arm-error-unauthorized.json"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> connector(List.of(SUBSCRIPTION_A)).pull(NOVEMBER, workDir));

        assertThat(failure.reason()).isEqualTo(ProviderException.Reason.CREDENTIALS);
        assertThat(failure).hasMessageStartingWith("Azure set llm-platform, 2026-11:");
    }

    private AzureCarbonConnector connector(List<String> subscriptions) {
        return new AzureCarbonConnector("llm-platform", subscriptions,
                CarbonReplies.client(arm).build(), BlobReplies.reader(storage));
    }
}
