package dev.aicarbon.providers.azure;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.aicarbon.providers.azure.ReplayingHttpClient.Answer;
import dev.aicarbon.providers.azure.ReplayingHttpClient.Request;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** Recorded Blob storage answers for a FocusCost export, shared by tests. */
final class BlobReplies {

    static final AzureCostExportLocation LOCATION = new AzureCostExportLocation(
            "https://contosofinops.blob.core.windows.net/cost-exports", "focus",
            "llm-platform-focus");
    static final String MONTH_FOLDER = "/cost-exports/focus/llm-platform-focus/20261101-20261130";
    static final String NEWEST_RUN = MONTH_FOLDER
            + "/202612010612/0b5f3c2e-4d6a-4e8b-9c1f-2a3b4c5d6e7f/";
    static final String OLDER_RUN = MONTH_FOLDER
            + "/202611300605/7d1e9a0b-3c5f-4b2d-8e6a-1f0c9b8a7d6e/";

    private BlobReplies() {
    }

    static AzureCostExportReader reader(ReplayingHttpClient transport) {
        return AzureCostExportReader.of(LOCATION, CarbonReplies.FIXED_TOKEN, transport,
                new RetryOptions(new FixedDelayOptions(1, Duration.ofMillis(5))));
    }

    static Predicate<Request> listing() {
        return request -> request.method().equals("GET")
                && request.url().getPath().equals("/cost-exports")
                && request.url().getQuery().contains("comp=list");
    }

    static Predicate<Request> blob(String path) {
        return request -> request.method().equals("GET")
                && request.url().getPath().equals(path);
    }

    /** Two runs of November: the newest in a gzip part with a BOM and a plain part. */
    static ReplayingHttpClient twoRuns(ReplayingHttpClient transport) {
        return transport
                .on(listing(), xml("list-two-runs.xml"))
                .on(blob(OLDER_RUN + "manifest.json"), content("manifest-older.json"))
                .on(blob(OLDER_RUN + "part_0_0001.csv.gz"),
                        content("older-run-part_0_0001.csv.gz"))
                .on(blob(NEWEST_RUN + "manifest.json"), content("manifest-newest.json"))
                .on(blob(NEWEST_RUN + "part_0_0001.csv.gz"), content("part_0_0001.csv.gz"))
                .on(blob(NEWEST_RUN + "part_0_0002.csv"), content("part_0_0002.csv"));
    }

    static Answer xml(String fixture) {
        return new Answer(200, Map.of("Content-Type", "application/xml"),
                ReplayingHttpClient.bytes("azure/cost-export/" + fixture));
    }

    static Answer content(String fixture) {
        return new Answer(200, Map.of(
                "Content-Type", "application/octet-stream",
                "ETag", "\"0x8DD11A2B3C4D5E0\"",
                "Last-Modified", "Tue, 01 Dec 2026 06:14:02 GMT",
                "x-ms-blob-type", "BlockBlob",
                "Accept-Ranges", "bytes"),
                ReplayingHttpClient.bytes("azure/cost-export/" + fixture));
    }
}
