package dev.aicarbon.providers.gcp;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.retrying.BasicResultRetryAlgorithm;
import com.google.cloud.bigquery.BigQueryException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;

/**
 * Tells the BigQuery client which failures to retry under its {@code RetrySettings}: 429 and
 * 5xx answers, the throttling and backend reasons BigQuery gives with a 403 or 500, and a
 * dropped or timed-out connection.
 *
 * <p>The client's own default retries {@code jobs.query} only on rate-limit messages, since
 * a POST is not idempotent by HTTP's rules. Here a 5xx is retried too: every
 * {@code jobs.query} request carries the client's {@code requestId}, which BigQuery uses to
 * run a repeated request once, and the connector only reads.
 */
final class BigQueryTransientFailures extends BasicResultRetryAlgorithm<Object> {

    private static final Set<Integer> TRANSIENT_CODES = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> TRANSIENT_REASONS = Set.of(
            "rateLimitExceeded", "jobRateLimitExceeded", "backendError", "internalError");

    @Override
    public boolean shouldRetry(Throwable failure, Object response) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BigQueryException e && isTransient(e.getCode(), e.getReason())) {
                return true;
            }
            if (cause instanceof HttpResponseException e && isTransient(e)) {
                return true;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The client hands over the HTTP answer untranslated on some calls, as jobs.query. */
    private static boolean isTransient(HttpResponseException e) {
        String reason = null;
        if (e instanceof GoogleJsonResponseException json && json.getDetails() != null
                && json.getDetails().getErrors() != null
                && !json.getDetails().getErrors().isEmpty()) {
            reason = json.getDetails().getErrors().get(0).getReason();
        }
        return isTransient(e.getStatusCode(), reason);
    }

    private static boolean isTransient(int code, String reason) {
        return TRANSIENT_CODES.contains(code)
                || (reason != null && TRANSIENT_REASONS.contains(reason));
    }
}
