package dev.aicarbon.providers.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.ProviderException.Reason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads per-resource emissions from the Azure Carbon Optimization REST API (resource provider
 * {@code Microsoft.Carbon}, api-version {@value #API_VERSION}) through the Azure SDK's HTTP
 * pipeline: retries with exponential back-off that waits as long as a {@code Retry-After}
 * answer asks, a bearer token for {@value #DEFAULT_SCOPE}, and logging of method, address and
 * status only (no headers, no bodies).
 *
 * <p>The API sums the scopes of one query, so each subscription's month is asked once per
 * scope and the three answers are joined by resource ({@link AzureCarbonItemJoiner}). One
 * query takes up to 100 subscriptions, but is asked for one, so that one subscription's
 * refusal or size never holds back another.
 *
 * <p>Known limit, as Microsoft describes the API: one query gives at most 5,000 items, paging
 * included ({@link Builder#itemCap}). A query that reaches the cap may be cut, so it is asked
 * again per resource group, and a group that reaches it again per location; each split is
 * recorded on the answer. If a location of a group still reaches it, the subscription fails
 * rather than being read short.
 *
 * <p>Thread-safe: one client can serve concurrent calls.
 */
public final class AzureCarbonReportClient {

    /** Azure Resource Manager in Azure's public cloud. */
    public static final String DEFAULT_ENDPOINT = ArmClientBuilder.DEFAULT_ENDPOINT;

    /** The scope of the token: Azure Resource Manager. */
    public static final String DEFAULT_SCOPE = ArmClientBuilder.DEFAULT_SCOPE;

    /** The most items one query gives, pages included. */
    public static final int DEFAULT_ITEM_CAP = 5_000;

    /** The largest {@code pageSize} the API takes. */
    public static final int MAX_PAGE_SIZE = 5_000;

    static final String API_VERSION = "2025-04-01";
    static final String REPORTS_PATH = "/providers/Microsoft.Carbon/carbonEmissionReports";
    static final String DATE_RANGE_PATH =
            "/providers/Microsoft.Carbon/queryCarbonEmissionDataAvailableDateRange";

    private static final int MOST_PAGES = 1_000;
    private static final System.Logger LOG = System.getLogger(
            AzureCarbonReportClient.class.getName());

    private final HttpPipeline pipeline;
    private final URI endpoint;
    private final int itemCap;
    private final int pageSize;

    private AzureCarbonReportClient(HttpPipeline pipeline, URI endpoint, int itemCap,
            int pageSize) {
        this.pipeline = pipeline;
        this.endpoint = endpoint;
        this.itemCap = itemCap;
        this.pageSize = pageSize;
    }

    /** A builder for a client that authenticates with the SDK's default credential chain. */
    public static Builder builder() {
        return new Builder(new DefaultAzureCredentialBuilder().build());
    }

    /** A builder for a client that authenticates with {@code credential}. */
    public static Builder builder(TokenCredential credential) {
        return new Builder(credential);
    }

    /** The months the API has emissions for, both ends included. */
    public record AvailableMonths(YearMonth first, YearMonth last) {

        public boolean contains(YearMonth month) {
            return !month.isBefore(first) && !month.isAfter(last);
        }
    }

    /**
     * One subscription's month: rows, or the reason it gave none.
     *
     * @param rows    one per resource, kg CO2e; empty when {@code failure} is set
     * @param splits  the queries that reached the item cap and were asked again narrower,
     *                in words; empty when none did
     * @param failure why the subscription gave nothing, or null
     */
    public record SubscriptionMonth(String subscriptionId, List<EmissionsRow> rows,
            List<String> splits, AccountFailure failure) {

        public SubscriptionMonth {
            rows = List.copyOf(rows);
            splits = List.copyOf(splits);
        }
    }

    /**
     * The months that have data, from {@code queryCarbonEmissionDataAvailableDateRange}.
     *
     * @throws ProviderException when Azure refuses or cannot be reached, or answers without
     *                           {@code startDate} and {@code endDate} as dates
     */
    public AvailableMonths availableMonths() {
        String source = "Carbon Optimization available date range";
        JsonNode answer = post(DATE_RANGE_PATH, null, source);
        try {
            return new AvailableMonths(
                    YearMonth.from(LocalDate.parse(answer.path("startDate").asText())),
                    YearMonth.from(LocalDate.parse(answer.path("endDate").asText())));
        } catch (DateTimeParseException e) {
            throw new ProviderException(Reason.FORMAT, source + ": startDate and endDate are"
                    + " not dates as yyyy-MM-dd", e);
        }
    }

    /**
     * The month's emissions of one subscription, one row per resource.
     *
     * @throws ProviderException when credentials fail, access to the API as a whole is
     *                           refused, Azure stays unavailable after retries, or an answer
     *                           cannot be read
     */
    public SubscriptionMonth subscriptionMonth(String subscriptionId, YearMonth month) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(month, "month");
        long started = System.nanoTime();
        AzureCarbonItemJoiner joiner = new AzureCarbonItemJoiner(month);
        List<String> splits = new ArrayList<>();

        try {
            for (AzureCarbonScope scope : AzureCarbonScope.values()) {
                new AzureCarbonQuerySplitter(this::fetchAll, itemCap, joiner, splits)
                        .fetch(AzureCarbonQuery.resources(subscriptionId, month, scope));
            }
        } catch (AzureCarbonQuerySplitter.SubscriptionRefused refused) {
            return failed(subscriptionId, splits, refused.getMessage());
        }
        List<RowProblem> problems = joiner.problems();
        if (!problems.isEmpty()) {
            return failed(subscriptionId, splits, problems.size() + " unusable item(s) in"
                    + " Azure's answer, the first: " + problems.get(0).reason());
        }

        List<EmissionsRow> rows = new ArrayList<>();
        joiner.emit(new ListSink(rows));
        logRead(subscriptionId, month, joiner, rows.size(), splits.size(), started);
        return new SubscriptionMonth(subscriptionId, rows, splits, null);
    }

    private static SubscriptionMonth failed(String subscriptionId, List<String> splits,
            String reason) {
        LOG.log(Level.WARNING, () -> "Carbon Optimization subscription " + subscriptionId
                + " gave no rows: " + reason);
        return new SubscriptionMonth(subscriptionId, List.of(), splits,
                new AccountFailure(subscriptionId, reason));
    }

    /** Every page of {@code query}, or the pages up to the one that reached the item cap. */
    private List<AzureCarbonReportPage> fetchAll(AzureCarbonQuery query) {
        List<AzureCarbonReportPage> pages = new ArrayList<>();
        int items = 0;
        String skipToken = null;
        while (true) {
            String source = query.describe() + ", page " + (pages.size() + 1);
            JsonNode answer = post(REPORTS_PATH, query.body(pageSize, skipToken), source);
            AzureCarbonReportPage page = page(answer, source);
            refuseDenied(page, query.subscriptionId());
            pages.add(page);
            items += page.items().size();
            skipToken = page.skipToken();
            if (skipToken == null || items >= itemCap) {
                return pages;
            }
            if (pages.size() >= MOST_PAGES) {
                throw new ProviderException(Reason.FORMAT, source + ": Azure kept giving a"
                        + " skipToken after " + MOST_PAGES + " pages; stopped following it",
                        null);
            }
        }
    }

    private static AzureCarbonReportPage page(JsonNode answer, String source) {
        try {
            return AzureCarbonReportPage.of(answer, source, "answer");
        } catch (AzureCarbonFormatException e) {
            throw new ProviderException(Reason.FORMAT, e.getMessage(), e);
        }
    }

    private static void refuseDenied(AzureCarbonReportPage page, String subscriptionId) {
        String reason = page.deniedReasons().get(subscriptionId);
        if (reason != null) {
            throw new AzureCarbonQuerySplitter.SubscriptionRefused("access denied by Carbon"
                    + " Optimization" + (reason.isBlank() ? "" : " (" + reason + ")")
                    + "; grant the Carbon Optimization Reader role on the subscription");
        }
    }

    private JsonNode post(String path, JsonNode body, String source) {
        HttpRequest request = new HttpRequest(HttpMethod.POST,
                endpoint + path + "?api-version=" + API_VERSION);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString().getBytes(StandardCharsets.UTF_8));
        }

        try (HttpResponse response = send(request, source)) {
            byte[] answer = response.getBodyAsBinaryData().toBytes();
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw AzureCarbonErrors.of(status, answer, source);
            }
            return AzureCarbonReportPage.JSON.readTree(answer);
        } catch (JacksonException e) {
            throw new ProviderException(Reason.FORMAT, source + ": Azure answered something"
                    + " that is not JSON", e);
        } catch (IOException e) {
            throw new ProviderException(Reason.UNAVAILABLE, source + ": the answer could not"
                    + " be read", e);
        }
    }

    private HttpResponse send(HttpRequest request, String source) {
        try {
            return pipeline.sendSync(request, Context.NONE);
        } catch (ClientAuthenticationException e) {
            throw new ProviderException(Reason.CREDENTIALS, source + ": no token for Azure"
                    + " Resource Manager; check the credential chain (managed identity,"
                    + " environment or workload identity)", e);
        } catch (RuntimeException e) {
            throw new ProviderException(Reason.UNAVAILABLE, source + ": Azure could not be"
                    + " reached after retries: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void logRead(String subscriptionId, YearMonth month,
            AzureCarbonItemJoiner joiner, int rows, int splits, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.log(Level.INFO, () -> String.format("Carbon Optimization %s of subscription %s:"
                        + " items Scope1 %d, Scope2 %d, Scope3 %d; %d resource rows; %d split(s);"
                        + " %d ms", month, subscriptionId,
                joiner.itemsOf(AzureCarbonScope.SCOPE1), joiner.itemsOf(AzureCarbonScope.SCOPE2),
                joiner.itemsOf(AzureCarbonScope.SCOPE3), rows, splits, millis));
    }

    /** Settings of a client; not thread-safe, unlike the client it builds. */
    public static final class Builder extends ArmClientBuilder<Builder> {

        private int itemCap = DEFAULT_ITEM_CAP;
        private int pageSize = MAX_PAGE_SIZE;

        private Builder(TokenCredential credential) {
            super(credential);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The most items Azure gives for one query, paging included; {@value
         * #DEFAULT_ITEM_CAP}, as Microsoft documents it. Only tests lower it, to split on
         * small answers.
         */
        public Builder itemCap(int itemCap) {
            if (itemCap < 1) {
                throw new IllegalArgumentException("itemCap " + itemCap + " is not 1 or more");
            }
            this.itemCap = itemCap;
            return this;
        }

        /** Items per page, 1 to {@value #MAX_PAGE_SIZE}; the largest unless set. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize " + pageSize + " is not 1 to "
                        + MAX_PAGE_SIZE);
            }
            this.pageSize = pageSize;
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException when the endpoint is not an HTTPS address without
         *                                  a path; the SDK sends tokens over HTTPS only
         */
        public AzureCarbonReportClient build() {
            URI uri = endpointUri();
            HttpPipeline pipeline = pipeline(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BASIC));
            return new AzureCarbonReportClient(pipeline, uri, itemCap, pageSize);
        }
    }

    /** Collects rows into a list; a client answer has no problems left by then. */
    private record ListSink(List<EmissionsRow> rows)
            implements dev.aicarbon.providers.csv.RowSink<EmissionsRow> {

        @Override
        public void accept(EmissionsRow row) {
            rows.add(row);
        }

        @Override
        public void quarantine(RowProblem problem) {
            throw new IllegalStateException("a problem reached the sink: " + problem.reason());
        }
    }
}
