package dev.aicarbon.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The bundle of per-scope Carbon Optimization answers a user exported by hand. */
class AzureCarbonReportReaderTest {

    private final AzureCarbonReportReader reader = new AzureCarbonReportReader();
    private final CollectingSink<EmissionsRow> sink = new CollectingSink<>();

    @Test
    void readsOneRowPerResourceWithScopesJoinedIgnoringCase() {
        ReadSummary summary = read("bundle-2026-11.json");

        assertThat(summary).isEqualTo(new ReadSummary(3, 3, 0));
        EmissionsRow aks = sink.accepted().stream()
                .filter(row -> row.resourceId().endsWith("aks-inference"))
                .findFirst().orElseThrow();
        assertThat(aks.provider()).isEqualTo("azure");
        assertThat(aks.month()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(aks.scope1KgCo2e()).isEqualByComparingTo("0.0215");
        assertThat(aks.scope2MarketKgCo2e()).isEqualByComparingTo("88.5");
        assertThat(aks.scope2LocationKgCo2e()).isEqualByComparingTo("88.5");
        assertThat(aks.scope3KgCo2e()).isEqualByComparingTo("20.25");
        assertThat(aks.scope2LocationFromMarket()).isTrue();
        assertThat(sink.accepted()).extracting(EmissionsRow::resourceId)
                .filteredOn(id -> id.contains("ndv4-pretrain-01")).hasSize(1);
    }

    @Test
    void quarantinesUnusableItemsAndHoldsBackTheirResourceWhole() {
        ReadSummary summary = read("bundle-bad-items.json");

        assertThat(summary).isEqualTo(new ReadSummary(6, 1, 5));
        assertThat(sink.accepted()).singleElement()
                .extracting(EmissionsRow::resourceId).asString().endsWith("ndv4-pretrain-01");
        assertThat(sink.problems()).extracting(RowProblem::column).containsExactly(
                "latestMonthEmissions", "latestMonthEmissions", "latestMonthEmissions",
                "resourceId", "subscriptionAccessDecisionList");
        assertThat(sink.problems().get(0).reason())
                .startsWith("bundle-bad-items.json, Scope1 page 1 item 2: latestMonthEmissions"
                        + " is missing");
        assertThat(sink.problems().get(1).reason()).contains("Scope2 page 1 item 2")
                .contains("-1.0 is negative");
        assertThat(sink.problems().get(2).reason()).contains("Scope3 page 1 item 2")
                .contains("not a number");
        assertThat(sink.problems().get(4).reason())
                .contains("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b was denied (no reason given)");
    }

    @Test
    void refusesABundleThatLacksAScopeNamingIt() {
        assertThatThrownBy(() -> read("bundle-without-scope3.json"))
                .isInstanceOf(AzureCarbonFormatException.class)
                .hasMessageStartingWith("bundle-without-scope3.json: responses.Scope3 is missing");
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void refusesAPageWithoutAValueArrayNamingScopeAndPage() {
        String bundle = "{\"month\": \"2026-11\", \"responses\": {\"Scope1\": [],"
                + " \"Scope2\": [{\"error\": {\"code\": \"BadRequest\"}}], \"Scope3\": []}}";

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(
                        bundle.getBytes(StandardCharsets.UTF_8)), "hand.json", sink))
                .isInstanceOf(AzureCarbonFormatException.class)
                .hasMessageContaining("hand.json: Scope2 page 1: not a carbonEmissionReports");
    }

    @Test
    void refusesAFileThatIsNotJson() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(
                        "provider,account_id\n".getBytes(StandardCharsets.UTF_8)), "x.csv", sink))
                .isInstanceOf(AzureCarbonFormatException.class)
                .hasMessageStartingWith("x.csv: not JSON");
    }

    private ReadSummary read(String fixture) {
        return reader.read(Fixtures.open("azure/carbon/" + fixture), fixture, sink);
    }
}
