package dev.aicarbon.providers.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The emissions reader on files of each shape: scope split, totals only, both, repeats. */
class EmissionsCsvReaderTest {

    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);

    private final EmissionsCsvReader reader = new EmissionsCsvReader();

    @Test
    void readsRowsSplitByScope() {
        CollectingSink<EmissionsRow> sink = read("emissions/scope-split.csv");

        assertThat(sink.problems()).isEmpty();
        EmissionsRow vms = sink.accepted().get(0);
        assertThat(vms.row()).isEqualTo(2);
        assertThat(vms.provider()).isEqualTo("azure");
        assertThat(vms.accountId()).isEqualTo("3f2b8c1e-9d47-4a6b-8e25-7c1d0f9a4b63");
        assertThat(vms.month()).isEqualTo(NOV_2026);
        assertThat(vms.region()).isEqualTo("westeurope");
        assertThat(vms.service()).isEqualTo("Virtual Machines");
        assertThat(vms.scope1KgCo2e()).isEqualByComparingTo("0");
        assertThat(vms.scope2LocationKgCo2e()).isEqualByComparingTo("2960.4");
        assertThat(vms.scope2MarketKgCo2e()).isEqualByComparingTo("412.8");
        assertThat(vms.scope3KgCo2e()).isEqualByComparingTo("2175.6");
        assertThat(vms.totalLocationKgCo2e()).isNull();
        assertThat(vms.totalMarketKgCo2e()).isNull();
        assertThat(vms.scopeCombined()).isFalse();
    }

    @Test
    void readsScientificNotationExactly() {
        CollectingSink<EmissionsRow> sink = read("emissions/scope-split.csv");

        assertThat(sink.accepted().get(1).scope3KgCo2e()).isEqualByComparingTo("2710.4");
    }

    @Test
    void readsEmptyRegionAndServiceAsWholeAccount() {
        CollectingSink<EmissionsRow> sink = read("emissions/scope-split.csv");

        EmissionsRow accountWide = sink.accepted().get(2);
        assertThat(accountWide.region()).isNull();
        assertThat(accountWide.service()).isNull();
        assertThat(accountWide.scope1KgCo2e()).isEqualByComparingTo("1.8");
    }

    @Test
    void readsTotalsOnlyFileWithoutRegionAndServiceColumnsAsScopeCombined() {
        CollectingSink<EmissionsRow> sink = read("emissions/totals-only.csv");

        assertThat(sink.problems()).isEmpty();
        EmissionsRow research = sink.accepted().get(0);
        assertThat(research.provider()).isEqualTo("aws");
        assertThat(research.accountId()).isEqualTo("284619037512");
        assertThat(research.region()).isNull();
        assertThat(research.service()).isNull();
        assertThat(research.scopeCombined()).isTrue();
        assertThat(research.totalLocationKgCo2e()).isEqualByComparingTo("6675.4");
        assertThat(research.totalMarketKgCo2e()).isEqualByComparingTo("1857.3");
        assertThat(research.scope1KgCo2e()).isNull();
        assertThat(research.scope2LocationKgCo2e()).isNull();
        assertThat(research.scope2MarketKgCo2e()).isNull();
        assertThat(research.scope3KgCo2e()).isNull();
    }

    @Test
    void readsFileWithBothAmountSetsOneSetPerRow() {
        CollectingSink<EmissionsRow> sink = read("emissions/mixed.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).extracting(EmissionsRow::scopeCombined)
                .containsExactly(true, false, false);
        assertThat(sink.accepted().get(0).totalMarketKgCo2e()).isEqualByComparingTo("1720.6");
        assertThat(sink.accepted().get(1).scope2MarketKgCo2e()).isEqualByComparingTo("93.5");
    }

    @Test
    void storesProviderLowerCased() {
        CollectingSink<EmissionsRow> sink = read("emissions/mixed.csv");

        assertThat(sink.accepted()).extracting(EmissionsRow::provider)
                .containsExactly("aws", "gcp", "azure");
    }

    @Test
    void quarantinesLaterRowOfARepeatedCellNamingTheEarlierRow() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        ReadSummary summary = reader.read(
                Fixtures.open("emissions/duplicates.csv"), "duplicates.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(5, 3, 2));
        assertThat(sink.accepted()).extracting(EmissionsRow::row).containsExactly(2, 4, 6);
        assertThat(sink.problemAtRow(3).orElseThrow().reason()).contains("row 2");
        assertThat(sink.problemAtRow(5).orElseThrow().reason()).contains("row 4");
    }

    @Test
    void acceptsHeaderOnlyFileAsAMonthWithoutEmissions() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        ReadSummary summary = reader.read(
                Fixtures.open("emissions/header-only.csv"), "header-only.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(0, 0, 0));
        assertThat(sink.isEmpty()).isTrue();
    }

    private CollectingSink<EmissionsRow> read(String path) {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        ReadSummary summary = reader.read(Fixtures.open(path), path, sink);
        assertThat(summary.rowsAccepted()).isEqualTo(sink.accepted().size());
        assertThat(summary.rowsQuarantined()).isEqualTo(sink.problems().size());
        return sink;
    }
}
