package dev.aicarbon.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.aicarbon.providers.csv.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The metrics client through the SDK's real pipeline and Netty transport, against a local
 * HTTPS server replaying hand-made answers.
 */
class AzureMonitorMetricsClientTest {

    private static final String WORKSPACE = "/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
            + "/resourceGroups/ml-training/providers/Microsoft.MachineLearningServices"
            + "/workspaces/llm-lab";
    private static final Instant MAY_14 = Instant.parse("2024-05-14T00:00:00Z");
    private static final Instant MAY_14_4AM = Instant.parse("2024-05-14T04:00:00Z");
    private static final String TOKEN = "token-for-tests";

    private final LocalHttpsServer server = LocalHttpsServer.start();
    private final List<TokenRequestContext> tokenRequests = new CopyOnWriteArrayList<>();
    private final TokenCredential fixedToken = context -> {
        tokenRequests.add(context);
        return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
    };

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void asksForHourlyEnergyTotalsOfTheWorkspaceSplitByRunNodeAndDevice() {
        server.answer(200, fixture("azure/gpu-energy-pt1h.json"));

        client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM);

        LocalHttpsServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(WORKSPACE + "/providers/Microsoft.Insights/metrics");
        assertThat(request.query())
                .containsEntry("api-version", "2023-10-01")
                .containsEntry("metricnames", "GpuEnergyJoules")
                .containsEntry("timespan", "2024-05-14T00:00:00Z/2024-05-14T04:00:00Z")
                .containsEntry("interval", "PT1H")
                .containsEntry("aggregation", "Total")
                .containsEntry("$filter", "runId eq '*' and InstanceId eq '*' and DeviceId eq '*'")
                .containsEntry("top", "10000");
    }

    @Test
    void sendsABearerTokenForAzureResourceManager() {
        server.answer(200, fixture("azure/gpu-energy-pt1h.json"));

        client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM);

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(tokenRequests).singleElement().extracting(TokenRequestContext::getScopes)
                .isEqualTo(List.of("https://management.azure.com/.default"));
    }

    @Test
    void readsTheAnswerAsTheReaderReadsTheSameDocument() {
        server.answer(200, fixture("azure/gpu-energy-pt1h.json"));

        GpuEnergyRead read = client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM);

        GpuEnergyRead expected = new AzureMonitorGpuEnergyReader().read(
                Fixtures.open("azure/gpu-energy-pt1h.json"), "file");
        assertThat(read).isEqualTo(expected);
        assertThat(read.pointsWithoutTotal()).isEqualTo(5);
    }

    @Test
    void retriesAfterServiceUnavailable() {
        server.answer(503, "");
        server.answer(200, fixture("azure/gpu-energy-pt1h.json"));

        GpuEnergyRead read = client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM);

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(read.samples()).hasSize(7);
    }

    @Test
    void givesUpAfterTheLastRetryNamingTheStatus() {
        for (int i = 0; i < 3; i++) {
            server.answer(503, "");
        }

        HttpResponseException failure = catchThrowableOfType(HttpResponseException.class,
                () -> client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM));

        assertThat(server.requests()).hasSize(3);
        assertThat(failure.getResponse().getStatusCode()).isEqualTo(503);
        assertThat(failure).hasMessageContaining("HTTP 503");
    }

    @Test
    void reportsAzureErrorCodeAndMessageWithoutRetryingAClientError() {
        server.answer(403, fixture("azure/arm-error-authorization-failed.json"));

        HttpResponseException failure = catchThrowableOfType(HttpResponseException.class,
                () -> client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM));

        assertThat(server.requests()).hasSize(1);
        assertThat(failure).hasMessageContaining("HTTP 403 AuthorizationFailed: Hand-made:")
                .hasMessageContaining("workspaces/llm-lab, page 1")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void followsNextLinkOnTheSameHost() {
        server.answer(200, fixture("azure/gpu-energy-page-1.json")
                .replace("{{endpoint}}", server.endpoint()));
        server.answer(200, fixture("azure/gpu-energy-page-2.json"));

        GpuEnergyRead read = client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM);

        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).query()).containsEntry("$skiptoken", "page-2");
        assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(read.seriesRead()).isEqualTo(2);
        assertThat(read.pointsWithoutTotal()).isEqualTo(1);
        assertThat(AzureMonitorGpuEnergyReader.kwhByRun(read.samples()))
                .containsOnlyKeys("keen_tiger_4rk8pz1m0q", "calm_river_7tq2wd9b3n");
    }

    @Test
    void refusesToTakeTheTokenToAnotherHost() {
        server.answer(200, fixture("azure/gpu-energy-page-1.json")
                .replace("{{endpoint}}", "https://metrics.example.invalid"));

        assertThatThrownBy(() -> client().gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https://metrics.example.invalid");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void refusesAnAnswerThatMayHaveBeenCutAtTop() {
        server.answer(200, fixture("azure/gpu-energy-pt1h.json"));
        AzureMonitorMetricsClient client = builder().top(3).build();

        assertThatThrownBy(() -> client.gpuEnergy(WORKSPACE, MAY_14, MAY_14_4AM))
                .isInstanceOf(AzureMonitorFormatException.class)
                .hasMessageContaining("3 time series, as many as the top of 3");
        assertThat(server.requests().get(0).query()).containsEntry("top", "3");
    }

    @Test
    void refusesAPlainHttpEndpointBeforeAnyRequest() {
        assertThatThrownBy(() -> AzureMonitorMetricsClient.builder(fixedToken)
                        .endpoint("http://127.0.0.1:8080")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an HTTPS address");
    }

    @Test
    void refusesAResourceIdThatIsNotAWorkspace() {
        String storageAccount = "/subscriptions/7c1e2d3f/resourceGroups/ml-training/providers"
                + "/Microsoft.Storage/storageAccounts/mldata";

        assertThatThrownBy(() -> client().gpuEnergy(storageAccount, MAY_14, MAY_14_4AM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the resource id of an Azure Machine Learning workspace");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesAnEmptyPeriod() {
        assertThatThrownBy(() -> client().gpuEnergy(WORKSPACE, MAY_14, MAY_14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not before");
    }

    private AzureMonitorMetricsClient client() {
        return builder().build();
    }

    private AzureMonitorMetricsClient.Builder builder() {
        return AzureMonitorMetricsClient.builder(fixedToken)
                .endpoint(server.endpoint())
                .httpClient(server.trustingHttpClient())
                .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofMillis(10))));
    }

    private static String fixture(String path) {
        try (InputStream in = Fixtures.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
