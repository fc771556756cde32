package dev.aicarbon.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service's demo month, {@code src/main/resources/sample/2026-11}, read by these readers:
 * every row is usable, and the files agree with each other on accounts.
 */
class SampleMonthTest {

    private static final Path SAMPLE = Path.of(System.getProperty("user.dir"))
            .resolve("../src/main/resources/sample/2026-11")
            .normalize();
    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"aws-focus.csv, aws, 16", "azure-focus.csv, azure, 14", "gcp-focus.csv, gcp, 14"})
    void readsEachFocusFileWithoutQuarantine(String file, String providerCode, int rows)
            throws IOException {
        CollectingSink<FocusLine> sink = new CollectingSink<>();

        ReadSummary summary = readFocus(file, sink);

        assertThat(summary).isEqualTo(new ReadSummary(rows, rows, 0));
        assertThat(sink.accepted()).extracting(FocusLine::providerCode).containsOnly(providerCode);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"aws-focus.csv", "azure-focus.csv", "gcp-focus.csv"})
    void keepsEveryChargeInsideNovember(String file) throws IOException {
        CollectingSink<FocusLine> sink = new CollectingSink<>();

        readFocus(file, sink);

        assertThat(sink.accepted()).allSatisfy(line -> {
            assertThat(line.chargePeriodStart()).isBetween(NOV_1, DEC_1);
            assertThat(line.chargePeriodEnd()).isBetween(NOV_1, DEC_1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"aws-focus.csv", "azure-focus.csv", "gcp-focus.csv"})
    void showsNonUsageUntaggedSharedAndListlessLines(String file) throws IOException {
        CollectingSink<FocusLine> sink = new CollectingSink<>();

        readFocus(file, sink);

        List<FocusLine> usage = sink.accepted().stream()
                .filter(line -> line.chargeCategory().equals("Usage"))
                .toList();
        assertThat(usage).hasSizeLessThan(sink.accepted().size());
        assertThat(usage).anyMatch(line -> line.tags().isEmpty());
        assertThat(usage).anyMatch(line -> line.tags().containsValue("shared"));
        assertThat(usage).anyMatch(line -> line.listCost() == null);
    }

    @Test
    void readsEmissionsWithoutQuarantine() throws IOException {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        ReadSummary summary = readEmissions(sink);

        assertThat(summary).isEqualTo(new ReadSummary(15, 15, 0));
        assertThat(sink.accepted()).extracting(EmissionsRow::month)
                .containsOnly(YearMonth.of(2026, 11));
        assertThat(sink.accepted()).filteredOn(row -> row.provider().equals("aws"))
                .allMatch(EmissionsRow::scopeCombined);
        assertThat(sink.accepted()).filteredOn(row -> !row.provider().equals("aws"))
                .noneMatch(EmissionsRow::scopeCombined);
    }

    @Test
    void hasEmissionsForExactlyTheAccountsThatHaveUsage() throws IOException {
        Set<String> usageAccounts = usageLines().stream()
                .map(line -> line.providerCode() + "/" + line.subAccountId())
                .collect(Collectors.toSet());

        Set<String> emissionsAccounts = emissionsRows().stream()
                .map(row -> row.provider() + "/" + row.accountId())
                .collect(Collectors.toSet());

        assertThat(emissionsAccounts).hasSize(6).isEqualTo(usageAccounts);
    }

    @Test
    void hasOneEmissionsCellInARegionWithoutUsage() throws IOException {
        Set<String> usageRegions = usageLines().stream()
                .map(line -> line.subAccountId() + "/" + line.regionId())
                .collect(Collectors.toSet());

        List<EmissionsRow> unmatched = emissionsRows().stream()
                .filter(row -> row.region() != null)
                .filter(row -> !usageRegions.contains(row.accountId() + "/" + row.region()))
                .toList();

        assertThat(unmatched).singleElement()
                .extracting(EmissionsRow::region)
                .isEqualTo("us-west-2");
    }

    private List<FocusLine> usageLines() throws IOException {
        CollectingSink<FocusLine> sink = new CollectingSink<>();
        for (String file : List.of("aws-focus.csv", "azure-focus.csv", "gcp-focus.csv")) {
            readFocus(file, sink);
        }
        return sink.accepted().stream()
                .filter(line -> line.chargeCategory().equals("Usage"))
                .toList();
    }

    private List<EmissionsRow> emissionsRows() throws IOException {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        readEmissions(sink);
        return sink.accepted();
    }

    private static ReadSummary readFocus(String file, CollectingSink<FocusLine> sink)
            throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLE.resolve(file))) {
            return new FocusCsvReader().read(in, file, sink);
        }
    }

    private static ReadSummary readEmissions(CollectingSink<EmissionsRow> sink)
            throws IOException {
        try (InputStream in = Files.newInputStream(SAMPLE.resolve("emissions.csv"))) {
            return new EmissionsCsvReader().read(in, "emissions.csv", sink);
        }
    }
}
