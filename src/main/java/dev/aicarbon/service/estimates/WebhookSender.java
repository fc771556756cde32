package dev.aicarbon.service.estimates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.service.config.CarbonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Posts notifications as JSON, off the request thread, retrying with doubling waits on a
 * failure or a non-2xx answer. A notification that exhausts its attempts is logged at ERROR:
 * someone must look at the receiving end.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    CarbonConfig config;

    @Inject
    ObjectMapper json;

    /** Sends {@code payload}; the future completes with the status of the last attempt. */
    public CompletableFuture<Integer> send(URI target, Map<String, Object> payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification payload is not JSON-serialisable", e);
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return attempt(request, 1, config.budgets().webhookBackoff());
    }

    private CompletableFuture<Integer> attempt(HttpRequest request, int attempt, Duration wait) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? response.statusCode() : -1)
                .thenCompose(status -> {
                    if (status >= 200 && status < 300) {
                        return CompletableFuture.completedFuture(status);
                    }
                    if (attempt >= config.budgets().webhookAttempts()) {
                        LOG.errorf("Webhook %s failed after %d attempts (last status %d)",
                                request.uri().getHost(), attempt, status);
                        return CompletableFuture.completedFuture(status);
                    }
                    LOG.debugf("Webhook attempt %d answered %d; retrying in %s", attempt, status, wait);
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> attempt(request, attempt + 1, wait.multipliedBy(2)));
                });
    }
}
