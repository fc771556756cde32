package dev.aicarbon.providers.azure;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads Carbon Optimization emissions that a user exported by hand: a JSON bundle of the
 * three per-scope answers of {@code POST /providers/Microsoft.Carbon/carbonEmissionReports}
 * (api-version 2025-04-01, {@code reportType ItemDetailsReport}, {@code categoryType
 * Resource}), each page exactly as the API returned it:
 *
 * <pre>{@code
 * {"month": "2026-11",
 *  "responses": {"Scope1": [<page>, ...], "Scope2": [<page>, ...], "Scope3": [<page>, ...]}}
 * }</pre>
 *
 * <p>Each scope is one query with {@code carbonScopeList} naming that scope alone and
 * {@code dateRange} start and end both the first day of {@code month}; its pages are in the
 * order {@code skipToken} led to them. The rows are those {@link AzureCarbonReportClient}
 * gives for the same answers: one per resource, kg CO2e, market-based scope 2 standing in
 * for location-based (see {@link AzureCarbonItemJoiner}).
 *
 * <p>The whole file is refused with an {@link AzureCarbonFormatException} when it is not
 * JSON, {@code month} is not {@code YYYY-MM}, a scope is missing or unknown, or a page has no
 * {@code value} array. An unusable item is quarantined with its scope, page, item index and
 * field; a subscription an answer reports as {@code Denied} is quarantined too, since its
 * emissions are absent from the file. The API caps one query at 5,000 items; a bundle whose
 * scope holds that many may be cut and is read all the same, as the file cannot tell.
 *
 * <p>The file is read whole. Stateless and thread-safe.
 */
public final class AzureCarbonReportReader {

    /**
     * Reads the bundle and hands each joined row, then each problem, to {@code sink}.
     *
     * @param in     the bundle, UTF-8 JSON; not closed here
     * @param source the file's name, for messages
     * @throws AzureCarbonFormatException when the file as a whole cannot be used
     */
    public ReadSummary read(InputStream in, String source, RowSink<EmissionsRow> sink) {
        JsonNode bundle = parse(in, source);
        AzureCarbonItemJoiner joiner = new AzureCarbonItemJoiner(month(bundle, source));
        JsonNode responses = bundle.get("responses");
        if (responses == null || !responses.isObject()) {
            throw new AzureCarbonFormatException(source, "no responses object; expected"
                    + " {\"month\": ..., \"responses\": {\"Scope1\": [...], ...}}");
        }
        refuseUnknownScopes(responses, source);

        for (AzureCarbonScope scope : AzureCarbonScope.values()) {
            addScope(responses.get(scope.apiName()), scope, source, joiner);
        }
        return joiner.emit(sink);
    }

    private static JsonNode parse(InputStream in, String source) {
        try {
            JsonNode bundle = AzureCarbonReportPage.JSON.readTree(in);
            if (bundle == null || !bundle.isObject()) {
                throw new AzureCarbonFormatException(source, "not a JSON object");
            }
            return bundle;
        } catch (JacksonException e) {
            throw new AzureCarbonFormatException(source, "not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read", e);
        }
    }

    private static YearMonth month(JsonNode bundle, String source) {
        String text = bundle.path("month").asText("");
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new AzureCarbonFormatException(source, "month \"" + text
                    + "\" is not a month as YYYY-MM");
        }
    }

    private static void refuseUnknownScopes(JsonNode responses, String source) {
        List<String> unknown = new ArrayList<>();
        Iterator<String> names = responses.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            boolean known = false;
            for (AzureCarbonScope scope : AzureCarbonScope.values()) {
                known |= scope.apiName().equals(name);
            }
            if (!known) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AzureCarbonFormatException(source, "responses has unknown scopes "
                    + String.join(", ", unknown) + "; expected Scope1, Scope2, Scope3");
        }
    }

    private static void addScope(JsonNode pages, AzureCarbonScope scope, String source,
            AzureCarbonItemJoiner joiner) {
        if (pages == null || !pages.isArray()) {
            throw new AzureCarbonFormatException(source, "responses." + scope.apiName()
                    + " is missing or not an array of pages; each of Scope1, Scope2 and"
                    + " Scope3 is needed, or the rows would lack that scope");
        }
        for (int page = 1; page <= pages.size(); page++) {
            String where = scope.apiName() + " page " + page;
            AzureCarbonReportPage read = AzureCarbonReportPage.of(pages.get(page - 1), source,
                    where);
            for (int item = 1; item <= read.items().size(); item++) {
                joiner.add(read.items().get(item - 1),
                        new AzureCarbonItemJoiner.Place(source, scope, page, item));
            }
            for (Map.Entry<String, String> denied : read.deniedReasons().entrySet()) {
                String reason = denied.getValue().isBlank() ? "no reason given"
                        : denied.getValue();
                joiner.addProblem("subscriptionAccessDecisionList", "subscription "
                        + denied.getKey() + " was denied (" + reason
                        + "); its emissions are not in the file",
                        new AzureCarbonItemJoiner.Place(source, scope, page, 0));
            }
        }
    }
}
