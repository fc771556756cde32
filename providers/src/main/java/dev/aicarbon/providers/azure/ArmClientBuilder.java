package dev.aicarbon.providers.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import java.net.URI;
import java.util.Objects;

/**
 * What every client of this package that calls Azure Resource Manager is built from: the
 * endpoint, the token scope, the retry rule and the transport, assembled into one azure-core
 * pipeline (retry, then bearer token, then logging).
 *
 * @param <B> the concrete builder, returned by each setter
 */
abstract class ArmClientBuilder<B extends ArmClientBuilder<B>> {

    static final String DEFAULT_ENDPOINT = "https://management.azure.com";
    static final String DEFAULT_SCOPE = "https://management.azure.com/.default";

    private final TokenCredential credential;
    private String endpoint = DEFAULT_ENDPOINT;
    private String scope = DEFAULT_SCOPE;
    private RetryOptions retryOptions = new RetryOptions(new ExponentialBackoffOptions());
    private HttpClient httpClient;

    ArmClientBuilder(TokenCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    abstract B self();

    /** Where Azure Resource Manager is; https://management.azure.com unless set. HTTPS. */
    public B endpoint(String endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        return self();
    }

    /** The token's scope; the Resource Manager default unless set, as for sovereign clouds. */
    public B scope(String scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
        return self();
    }

    /**
     * How to retry throttling (429) and server errors; the SDK's exponential back-off
     * (three retries, 0.8 s base) unless set. A {@code Retry-After} (or
     * {@code retry-after-ms}, {@code x-ms-retry-after-ms}) answer header is honoured either way.
     */
    public B retryOptions(RetryOptions retryOptions) {
        this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
        return self();
    }

    /** The transport; the SDK's default (Netty) unless set. */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /** The pipeline every request of the client goes through, logging as {@code logOptions} says. */
    HttpPipeline pipeline(HttpLogOptions logOptions) {
        return new HttpPipelineBuilder()
                .httpClient(httpClient)
                .policies(
                        new RetryPolicy(retryOptions),
                        new BearerTokenAuthenticationPolicy(credential, scope),
                        new HttpLoggingPolicy(logOptions))
                .build();
    }

    /**
     * The endpoint as a URI.
     *
     * @throws IllegalArgumentException when it is not an HTTPS address without a path; the SDK
     *                                  sends tokens over HTTPS only
     */
    URI endpointUri() {
        String trimmed = endpoint.endsWith("/")
                ? endpoint.substring(0, endpoint.length() - 1)
                : endpoint;
        URI uri = URI.create(trimmed);
        boolean https = "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        boolean bare = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null;
        if (!https || !bare) {
            throw new IllegalArgumentException("endpoint " + endpoint + " is not an HTTPS"
                    + " address without a path, such as " + DEFAULT_ENDPOINT);
        }
        return uri;
    }
}
