package dev.aicarbon.providers.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.Context;
import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fetches the {@code GpuEnergyJoules} metric of an Azure Machine Learning workspace from the
 * Azure Monitor Metrics REST API (api-version {@value #API_VERSION}), through the Azure SDK's
 * HTTP pipeline: retries with back-off, then a bearer token for {@value #DEFAULT_SCOPE}, then
 * HTTP logging, whose level comes from {@code AZURE_HTTP_LOG_DETAIL_LEVEL} unless set on the
 * builder. The logging policy leaves the token and query values other than the API version
 * out of the log.
 *
 * <p>The query asks for hourly totals split by {@code runId}, {@code InstanceId} and
 * {@code DeviceId}, so that each sample is one GPU of one node of one job for one hour.
 *
 * <p>Thread-safe: one client can serve concurrent calls.
 *
 * <p>Known limits, as documented by Microsoft and not yet seen against a live workspace:
 * <ul>
 *   <li>The API caps the time series of one answer at {@code top} (10 when not given) and
 *       says nothing when it cuts. This client asks for {@link Builder#top}, default
 *       {@value #DEFAULT_TOP}, and refuses an answer with that many series, since it may be
 *       cut; narrow the timespan or raise {@code top}.</li>
 *   <li>The API does not page this call. A {@code nextLink} in an answer is followed all the
 *       same, but only on the endpoint's own host, so that the token goes nowhere else.</li>
 * </ul>
 */
public final class AzureMonitorMetricsClient {

    /** Azure Resource Manager in Azure's public cloud. */
    public static final String DEFAULT_ENDPOINT = ArmClientBuilder.DEFAULT_ENDPOINT;

    /** The scope of the token: Azure Resource Manager. */
    public static final String DEFAULT_SCOPE = ArmClientBuilder.DEFAULT_SCOPE;

    /** The most time series asked for unless the builder says otherwise. */
    public static final int DEFAULT_TOP = 10_000;

    static final String API_VERSION = "2023-10-01";
    static final String INTERVAL = "PT1H";
    static final String AGGREGATION = "Total";
    static final String DIMENSION_FILTER = "runId eq '*' and InstanceId eq '*' and DeviceId eq '*'";

    private static final int MOST_PAGES = 100;
    private static final Pattern WORKSPACE_ID = Pattern.compile(
            "/subscriptions/[\\w.()-]+/resourceGroups/[\\w.()-]+/providers/"
                    + "Microsoft\\.MachineLearningServices/workspaces/[\\w.()-]+",
            Pattern.CASE_INSENSITIVE);
    private static final System.Logger LOG = System.getLogger(
            AzureMonitorMetricsClient.class.getName());

    private final HttpPipeline pipeline;
    private final URI endpoint;
    private final int top;
    private final AzureMonitorGpuEnergyReader reader = new AzureMonitorGpuEnergyReader();

    private AzureMonitorMetricsClient(HttpPipeline pipeline, URI endpoint, int top) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.top = top;
    }

    /**
     * A builder for a client that authenticates with {@code credential}; in production
     * {@code new DefaultAzureCredentialBuilder().build()}.
     */
    public static Builder builder(TokenCredential credential) {
        return new Builder(credential);
    }

    /**
     * The GPU energy of every job of the workspace in the timespan {@code from/to}, hour by
     * hour. Azure Monitor decides which hours fall in it and stamps each with its start.
     *
     * @param workspaceResourceId the workspace's Azure resource id,
     *        {@code /subscriptions/{id}/resourceGroups/{group}/providers/
     *        Microsoft.MachineLearningServices/workspaces/{name}}; names of ASCII letters,
     *        digits and {@code _ . ( ) -} only, which is what ARM allows but for the rare
     *        resource group named in other scripts
     * @throws IllegalArgumentException    when the id is not a workspace's or {@code from} is
     *                                     not before {@code to}
     * @throws HttpResponseException       when Azure answers with an error, after retries
     * @throws AzureMonitorFormatException when an answer cannot be read, or may have been cut
     *                                     at {@code top} time series
     */
    public GpuEnergyRead gpuEnergy(String workspaceResourceId, Instant from, Instant to) {
        checkWorkspace(workspaceResourceId);
        checkPeriod(from, to);
        long started = System.nanoTime();

        GpuEnergyRead read = GpuEnergyRead.empty();
        String next = firstPage(workspaceResourceId, from, to);
        int pages = 0;
        while (next != null) {
            pages = checkPageCount(pages + 1);
            AzureMonitorGpuEnergyReader.Page page = fetch(next, workspaceResourceId, pages);
            read = read.plus(page.read());
            next = checkNextLink(page.nextLink());
        }

        logRead(workspaceResourceId, from, to, read, pages, started);
        return read;
    }

    private static void checkWorkspace(String workspaceResourceId) {
        if (workspaceResourceId == null || !WORKSPACE_ID.matcher(workspaceResourceId).matches()) {
            throw new IllegalArgumentException("not the resource id of an Azure Machine Learning"
                    + " workspace: " + workspaceResourceId);
        }
    }

    private static void checkPeriod(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
    }

    private String firstPage(String workspaceResourceId, Instant from, Instant to) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("api-version", API_VERSION);
        query.put("metricnames", AzureMonitorGpuEnergyReader.METRIC);
        query.put("timespan", from + "/" + to);
        query.put("interval", INTERVAL);
        query.put("aggregation", AGGREGATION);
        query.put("$filter", DIMENSION_FILTER);
        query.put("top", Integer.toString(top));

        return endpoint + workspaceResourceId + "/providers/Microsoft.Insights/metrics?"
                + query.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                        .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private AzureMonitorGpuEnergyReader.Page fetch(String url, String workspace, int pageNumber) {
        String source = "Azure Monitor " + AzureMonitorGpuEnergyReader.METRIC + " of "
                + workspace + ", page " + pageNumber;
        HttpRequest request = new HttpRequest(HttpMethod.GET, url);

        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            byte[] body = response.getBodyAsBinaryData().toBytes();
            if (response.getStatusCode() / 100 != 2) {
                throw new HttpResponseException(
                        AzureErrors.describe(response.getStatusCode(), body, source), response);
            }
            AzureMonitorGpuEnergyReader.Page page = reader.page(
                    new ByteArrayInputStream(body), source);
            refuseCutAnswer(page.read(), source);
            return page;
        }
    }

    private void refuseCutAnswer(GpuEnergyRead read, String source) {
        if (read.seriesRead() >= top) {
            throw new AzureMonitorFormatException(source, "the answer has " + read.seriesRead()
                    + " time series, as many as the top of " + top + " asked for, so Azure may"
                    + " have left some out; narrow the timespan or raise top");
        }
    }

    private static int checkPageCount(int pages) {
        if (pages > MOST_PAGES) {
            throw new IllegalStateException("Azure Monitor answered in more than " + MOST_PAGES
                    + " pages; stopped following nextLink");
        }
        return pages;
    }

    private String checkNextLink(String nextLink) {
        if (nextLink == null || nextLink.isBlank()) {
            return null;
        }
        URI next = URI.create(nextLink);
        boolean sameHost = endpoint.getScheme().equalsIgnoreCase(next.getScheme())
                && endpoint.getHost().equalsIgnoreCase(next.getHost())
                && endpoint.getPort() == next.getPort();
        if (!sameHost) {
            throw new IllegalStateException("nextLink leads away from " + endpoint
                    + " to " + next.getScheme() + "://" + next.getAuthority()
                    + "; not following it with the token");
        }
        return nextLink;
    }

    private static void logRead(String workspace, Instant from, Instant to, GpuEnergyRead read,
            int pages, long started) {
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.log(Level.INFO, () -> String.format("%s of %s for %s/%s: %d samples in %d"
                        + " series, %d intervals without a total, %d page(s), %d ms",
                AzureMonitorGpuEnergyReader.METRIC, workspace, from, to, read.samples().size(),
                read.seriesRead(), read.pointsWithoutTotal(), pages, millis));
    }

    /** Settings of a client; not thread-safe, unlike the client it builds. */
    public static final class Builder extends ArmClientBuilder<Builder> {

        private HttpLogOptions logOptions = new HttpLogOptions();
        private int top = DEFAULT_TOP;

        private Builder(TokenCredential credential) {
            super(credential);
        }

        @Override
        Builder self() {
            return this;
        }

        /** What to log of each request; from the environment unless set. */
        public Builder httpLogOptions(HttpLogOptions logOptions) {
            this.logOptions = Objects.requireNonNull(logOptions, "logOptions");
            return this;
        }

        /** The most time series to ask for; {@value #DEFAULT_TOP} unless set. */
        public Builder top(int top) {
            if (top < 1) {
                throw new IllegalArgumentException("top " + top + " is not 1 or more");
            }
            this.top = top;
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException when the endpoint is not an HTTPS address without
         *                                  a path; the SDK sends tokens over HTTPS only
         */
        public AzureMonitorMetricsClient build() {
            URI uri = endpointUri();
            return new AzureMonitorMetricsClient(pipeline(logOptions), uri, top);
        }
    }
}
