package dev.aicarbon.providers.azure;

import static dev.aicarbon.providers.azure.ReplayingHttpClient.bodyHas;
import static dev.aicarbon.providers.azure.ReplayingHttpClient.bodyLacks;
import static dev.aicarbon.providers.azure.ReplayingHttpClient.path;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.aicarbon.providers.azure.ReplayingHttpClient.Answer;
import dev.aicarbon.providers.azure.ReplayingHttpClient.Request;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/** Recorded Carbon Optimization answers and the requests they answer, shared by tests. */
final class CarbonReplies {

    static final String SUBSCRIPTION_A = "5a1c0f3e-8b2d-4c6a-9e7f-1d2c3b4a5e6f";
    static final String SUBSCRIPTION_DENIED = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    static final String SUBSCRIPTION_LARGE = "2b7e4d1a-6c3f-4a8e-b5d2-7f1e0c9a8b3d";
    static final String TOKEN = "token-for-tests";
    static final String SCOPE2_PAGE_2_TOKEN = "c2NvcGUyLXBhZ2UtMg==";

    static final TokenCredential FIXED_TOKEN = context -> Mono.just(
            new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));

    private CarbonReplies() {
    }

    /** The real pipeline on the replaying transport, retrying fast. */
    static AzureCarbonReportClient.Builder client(ReplayingHttpClient transport) {
        return AzureCarbonReportClient.builder(FIXED_TOKEN)
                .httpClient(transport)
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions()
                        .setMaxRetries(2)
                        .setBaseDelay(Duration.ofMillis(5))
                        .setMaxDelay(Duration.ofMillis(20))));
    }

    /** A first-page Resource report query of one subscription and scope, unsplit. */
    static Predicate<Request> resources(String subscription, String scope) {
        return path(AzureCarbonReportClient.REPORTS_PATH)
                .and(bodyHas("subscriptionList/0", subscription))
                .and(bodyHas("carbonScopeList/0", scope))
                .and(bodyHas("categoryType", "Resource"))
                .and(bodyLacks("resourceGroupUrlList"))
                .and(bodyLacks("skipToken"));
    }

    static Predicate<Request> dateRange() {
        return path(AzureCarbonReportClient.DATE_RANGE_PATH);
    }

    /** Subscription A's month: Scope2 comes in two pages. */
    static ReplayingHttpClient subscriptionA(ReplayingHttpClient transport) {
        return transport
                .on(resources(SUBSCRIPTION_A, "Scope1"), ok("resources-scope1.json"))
                .on(resources(SUBSCRIPTION_A, "Scope2"), ok("resources-scope2-page-1.json"))
                .on(path(AzureCarbonReportClient.REPORTS_PATH)
                                .and(bodyHas("carbonScopeList/0", "Scope2"))
                                .and(bodyHas("skipToken", SCOPE2_PAGE_2_TOKEN)),
                        ok("resources-scope2-page-2.json"))
                .on(resources(SUBSCRIPTION_A, "Scope3"), ok("resources-scope3.json"));
    }

    static Answer ok(String carbonFixture) {
        return Answer.json(200, "azure/carbon/" + carbonFixture);
    }
}
