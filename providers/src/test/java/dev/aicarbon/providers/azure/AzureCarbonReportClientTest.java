package dev.aicarbon.providers.azure;

import static dev.aicarbon.providers.azure.CarbonReplies.SUBSCRIPTION_A;
import static dev.aicarbon.providers.azure.CarbonReplies.SUBSCRIPTION_LARGE;
import static dev.aicarbon.providers.azure.CarbonReplies.client;
import static dev.aicarbon.providers.azure.CarbonReplies.ok;
import static dev.aicarbon.providers.azure.CarbonReplies.resources;
import static dev.aicarbon.providers.azure.ReplayingHttpClient.bodyHas;
import static dev.aicarbon.providers.azure.ReplayingHttpClient.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aicarbon.providers.azure.AzureCarbonReportClient.SubscriptionMonth;
import dev.aicarbon.providers.azure.ReplayingHttpClient.Answer;
import dev.aicarbon.providers.azure.ReplayingHttpClient.Request;
import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.sync.ProviderException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The Carbon Optimization client through the SDK's real pipeline on recorded answers. */
class AzureCarbonReportClientTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String VM = "/subscriptions/" + SUBSCRIPTION_A + "/resourceGroups"
            + "/rg-llm-train/providers/Microsoft.Compute/virtualMachines/ndv4-pretrain-01";
    private static final String STORAGE = "/subscriptions/" + SUBSCRIPTION_A
            + "/resourceGroups/rg-llm-train/providers/Microsoft.Storage/storageAccounts"
            + "/llmtraindata";

    private final ReplayingHttpClient transport = new ReplayingHttpClient();

    @Test
    void joinsTheThreeScopesByResourceFollowingSkipToken() {
        CarbonReplies.subscriptionA(transport);

        SubscriptionMonth month = client(transport).build()
                .subscriptionMonth(SUBSCRIPTION_A, NOVEMBER);

        assertThat(month.failure()).isNull();
        assertThat(month.rows()).hasSize(3);
        EmissionsRow vm = row(month.rows(), VM);
        assertThat(vm.scope1KgCo2e()).isEqualByComparingTo("0.35");
        assertThat(vm.scope2MarketKgCo2e()).isEqualByComparingTo("412.7503125");
        assertThat(vm.scope2LocationKgCo2e()).isEqualByComparingTo("412.7503125");
        assertThat(vm.scope2LocationFromMarket()).isTrue();
        assertThat(vm.scope3KgCo2e()).isEqualByComparingTo("96.4");
        assertThat(vm.accountId()).isEqualTo(SUBSCRIPTION_A);
        assertThat(vm.region()).isNull();
        assertThat(vm.service()).isNull();
        assertThat(row(month.rows(), STORAGE).scope1KgCo2e()).isEqualByComparingTo("0");
        assertThat(transport.count(path(AzureCarbonReportClient.REPORTS_PATH))).isEqualTo(4);
    }

    @Test
    void asksEachScopeAloneForTheMonthWithATokenForResourceManager() {
        CarbonReplies.subscriptionA(transport);

        client(transport).build().subscriptionMonth(SUBSCRIPTION_A, NOVEMBER);

        List<Request> requests = transport.requests();
        assertThat(requests).extracting(r -> r.json().at("/carbonScopeList").size())
                .containsOnly(1);
        assertThat(requests).extracting(r -> r.json().at("/carbonScopeList/0").asText())
                .containsExactly("Scope1", "Scope2", "Scope2", "Scope3");
        Request first = requests.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.url().getQuery()).isEqualTo("api-version=2025-04-01");
        assertThat(first.header("Authorization")).isEqualTo("Bearer " + CarbonReplies.TOKEN);
        assertThat(first.json().at("/reportType").asText()).isEqualTo("ItemDetailsReport");
        assertThat(first.json().at("/dateRange/start").asText()).isEqualTo("2026-11-01");
        assertThat(first.json().at("/dateRange/end").asText()).isEqualTo("2026-11-01");
        assertThat(first.json().at("/subscriptionList").size()).isEqualTo(1);
    }

    @Test
    void waitsAsLongAsRetryAfterAsksThenSucceeds() {
        transport.on(resources(SUBSCRIPTION_A, "Scope1"),
                new Answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"),
                        ReplayingHttpClient.bytes("azure/arm-error-too-many-requests.json")),
                ok("resources-scope1.json"));
        CarbonReplies.subscriptionA(transport);

        SubscriptionMonth month = client(transport).build()
                .subscriptionMonth(SUBSCRIPTION_A, NOVEMBER);

        List<Request> scope1 = transport.requests().stream()
                .filter(resources(SUBSCRIPTION_A, "Scope1")).toList();
        assertThat(scope1).hasSize(2);
        Duration waited = Duration.ofNanos(scope1.get(1).nanoTime() - scope1.get(0).nanoTime());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(month.rows()).hasSize(3);
    }

    @Test
    void splitsPerResourceGroupWhenTheCapIsHit() {
        large(ok("cap-scope1-rg-train.json"));

        SubscriptionMonth month = client(transport).itemCap(3).build()
                .subscriptionMonth(SUBSCRIPTION_LARGE, NOVEMBER);

        assertThat(month.failure()).isNull();
        assertThat(month.splits()).singleElement().asString()
                .contains("Scope1").contains("asked per resource group");
        assertThat(month.rows()).hasSize(3);
        assertThat(month.rows()).extracting(EmissionsRow::scope1KgCo2e)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactlyInAnyOrder(new BigDecimal("10.5"), new BigDecimal("11.25"),
                        new BigDecimal("0.75"));
        assertThat(sum(month.rows(), EmissionsRow::scope2MarketKgCo2e))
                .isEqualByComparingTo("252.5");
        assertThat(transport.count(inGroup("rg-train"))).isEqualTo(1);
        assertThat(transport.count(inGroup("rg-serve"))).isEqualTo(1);
    }

    @Test
    void failsTheSubscriptionWhenASplitStillHitsTheCap() {
        large(ok("cap-scope1-subscription.json"));
        transport.on(listing("Location"), ok("cap-scope1-rg-train-locations.json"))
                .on(inGroup("rg-train").and(bodyHas("locationList/0", "east us")),
                        ok("cap-scope1-subscription.json"));

        SubscriptionMonth month = client(transport).itemCap(3).build()
                .subscriptionMonth(SUBSCRIPTION_LARGE, NOVEMBER);

        assertThat(month.rows()).isEmpty();
        assertThat(month.failure().accountId()).isEqualTo(SUBSCRIPTION_LARGE);
        assertThat(month.failure().reason()).contains("still reaches the cap of 3")
                .contains("rg-train").contains("east us");
        assertThat(month.splits()).hasSize(2);
    }

    @Test
    void anUnauthorizedAnswerIsACredentialsFailureWithoutRetry() {
        transport.on(resources(SUBSCRIPTION_A, "Scope1"),
                Answer.json(401, "azure/arm-error-unauthorized.json"));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> client(transport).build().subscriptionMonth(SUBSCRIPTION_A, NOVEMBER));

        assertThat(failure.reason()).isEqualTo(ProviderException.Reason.CREDENTIALS);
        assertThat(failure).hasMessageContaining("InvalidAuthenticationToken")
                .hasMessageNotContaining(CarbonReplies.TOKEN);
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void givesTheRowsTheBundleReaderGivesForTheSameAnswers() {
        CarbonReplies.subscriptionA(transport);
        CollectingSink<EmissionsRow> fromFile = new CollectingSink<>();
        new AzureCarbonReportReader().read(Fixtures.open("azure/carbon/bundle-2026-11.json"),
                "bundle-2026-11.json", fromFile);

        SubscriptionMonth month = client(transport).build()
                .subscriptionMonth(SUBSCRIPTION_A, NOVEMBER);

        assertThat(month.rows()).isEqualTo(fromFile.accepted());
    }

    private void large(Answer trainGroup) {
        transport
                .on(resources(SUBSCRIPTION_LARGE, "Scope1"), ok("cap-scope1-subscription.json"))
                .on(listing("ResourceGroup"), ok("cap-scope1-resource-groups.json"))
                .on(inGroup("rg-train").and(r -> !r.json().has("locationList")), trainGroup)
                .on(inGroup("rg-serve"), ok("cap-scope1-rg-serve.json"))
                .on(resources(SUBSCRIPTION_LARGE, "Scope2"), ok("cap-scope2.json"))
                .on(resources(SUBSCRIPTION_LARGE, "Scope3"), ok("cap-scope3.json"));
    }

    private static Predicate<Request> listing(String category) {
        return path(AzureCarbonReportClient.REPORTS_PATH)
                .and(bodyHas("subscriptionList/0", SUBSCRIPTION_LARGE))
                .and(bodyHas("categoryType", category));
    }

    private static Predicate<Request> inGroup(String group) {
        return path(AzureCarbonReportClient.REPORTS_PATH)
                .and(bodyHas("categoryType", "Resource"))
                .and(bodyHas("resourceGroupUrlList/0",
                        "/subscriptions/" + SUBSCRIPTION_LARGE + "/resourcegroups/" + group));
    }

    private static EmissionsRow row(List<EmissionsRow> rows, String resourceId) {
        return rows.stream()
                .filter(row -> row.resourceId().equalsIgnoreCase(resourceId))
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal sum(List<EmissionsRow> rows,
            java.util.function.Function<EmissionsRow, BigDecimal> amount) {
        return rows.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
