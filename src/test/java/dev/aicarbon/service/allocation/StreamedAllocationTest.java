package dev.aicarbon.service.allocation;

import static dev.aicarbon.service.bench.SyntheticMonthFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Allocator;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.Flag;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.ApiTest;
import dev.aicarbon.service.bench.SyntheticMonth;
import dev.aicarbon.service.bench.SyntheticMonthFiles;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.imports.ImportService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated month imported with COPY and allocated from the database by account group
 * publishes exactly the rows, totals and counts of one engine call over the whole month,
 * made here from the same files with the same line ids.
 */
@QuarkusTest
class StreamedAllocationTest extends ApiTest {

    private static final YearMonth MONTH = YearMonth.of(2030, 1);

    /** A cell of an account with no usage line: it must reach the unmatched bucket whole. */
    private static final String LONELY_CELL = "gcp,gcp-account-9,2030-01,us-central1,,0.5,12.25,3.75,1.125,,\n";

    @Inject
    ImportService imports;

    @Inject
    AllocationService allocations;

    @Inject
    CarbonConfig config;

    @TempDir
    Path folder;

    @Test
    void publishesTheRowsAndTotalsOfTheWholeMonthEngineCall() throws Exception {
        writeMonth();
        importMonth();

        RunView run = allocations.allocate(MONTH);

        assertPublishesTheWholeMonthEngineCall(run);
    }

    /**
     * Lines written by the allocating transaction itself are invisible to readers on other
     * connections, so the run must read them through its own: were it not to, it would see
     * no line at all and every cell would go to the unmatched bucket.
     */
    @Test
    void readsLinesImportedInTheAllocatingTransactionThroughThatTransaction() throws Exception {
        writeMonth();

        RunView run = QuarkusTransaction.requiringNew().call(() -> {
            importMonth();
            return allocations.allocate(MONTH);
        });

        assertPublishesTheWholeMonthEngineCall(run);
    }

    private void writeMonth() throws IOException {
        SyntheticMonth month = new SyntheticMonth(MONTH, 11);
        month.writeFocus(focus(), 3_000);
        month.writeEmissions(emissions());
        Files.writeString(emissions(), LONELY_CELL, java.nio.file.StandardOpenOption.APPEND);
    }

    private void importMonth() {
        read(emissions(), in -> imports.importEmissions(in, "emissions.csv"));
        read(focus(), in -> imports.importFocus(in, "focus.csv"));
    }

    private void assertPublishesTheWholeMonthEngineCall(RunView run) throws Exception {
        AllocationResult whole = new Allocator(config.allocation().policy())
                .allocate(cells(emissions()), lines(focus()));
        assertThat(storedRows(run.runId())).containsExactlyElementsOf(stored(whole.allocations()));
        assertThat(storedTotals(run.runId())).isEqualTo(totals(whole));
        assertThat(run.inputs()).isEqualTo(new RunView.Inputs(46, 3_000, whole.cellsMatched(),
                whole.cellsUnmatched(), whole.linesUsed()));
        assertThat(whole.cellsUnmatched()).isEqualTo(1);
        assertThat(whole.allocations()).anyMatch(row -> row.flags().contains(Flag.SHARED_SPLIT));
    }

    private Path focus() {
        return folder.resolve("focus.csv");
    }

    private Path emissions() {
        return folder.resolve("emissions.csv");
    }

    private List<UsageLine> lines(Path focus) throws IOException, NoSuchAlgorithmException {
        String contentHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(focus)));
        return SyntheticMonthFiles.usageLines(focus, MONTH,
                row -> contentHash + "#" + String.format("%010d", row));
    }

    private static List<EmissionsCell> cells(Path emissions) throws IOException {
        return SyntheticMonthFiles.emissionsCells(emissions, MONTH);
    }

    /** The engine's rows as the table stores them: labels, sorted flags, amounts by value. */
    private static List<String> stored(List<Allocation> rows) {
        return rows.stream()
                .map(row -> describe(row.project(), row.bucket() == null ? null : row.bucket().label(),
                        row.workload(), row.stage() == null ? null : row.stage().label(), row.provider(),
                        row.accountId(), row.region(), row.service(),
                        row.flags().stream().map(Flag::label).sorted().collect(Collectors.joining(",")),
                        amounts(row.emissions())))
                .sorted()
                .toList();
    }

    @Transactional
    List<String> storedRows(long runId) {
        return NativeSql.rows("select project, bucket, workload, stage, provider, account_id, region,"
                        + " service, flags, scope1_kgco2e, scope2_location_kgco2e, scope2_market_kgco2e,"
                        + " scope3_kgco2e, combined_location_kgco2e, combined_market_kgco2e"
                        + " from allocation_row where run_id = ?1", runId)
                .stream()
                .map(row -> describe((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                        amounts(row, 9)))
                .sorted()
                .toList();
    }

    private static Map<String, String> totals(AllocationResult whole) {
        Map<String, String> totals = new TreeMap<>();
        totals.put("input", amounts(whole.input()));
        totals.put("projects", amounts(whole.allocatedToProjects()));
        for (Bucket bucket : Bucket.values()) {
            totals.put(bucket.label(), amounts(whole.buckets().get(bucket)));
        }
        return totals;
    }

    @Transactional
    Map<String, String> storedTotals(long runId) {
        Map<String, String> totals = new TreeMap<>();
        NativeSql.rows("select part, scope1_kgco2e, scope2_location_kgco2e, scope2_market_kgco2e,"
                        + " scope3_kgco2e, combined_location_kgco2e, combined_market_kgco2e"
                        + " from allocation_run_total where run_id = ?1", runId)
                .forEach(row -> totals.put((String) row[0], amounts(row, 1)));
        return totals;
    }

    private static String describe(String... fields) {
        return String.join("|", Stream.of(fields).map(String::valueOf).toList());
    }

    private static String amounts(Emissions emissions) {
        return amounts(new Object[] {emissions.scope1KgCo2e(), emissions.scope2LocationKgCo2e(),
            emissions.scope2MarketKgCo2e(), emissions.scope3KgCo2e(), emissions.combinedLocationKgCo2e(),
            emissions.combinedMarketKgCo2e()}, 0);
    }

    /** Six amounts from {@code from} on, by value: trailing zeros do not make a difference. */
    private static String amounts(Object[] row, int from) {
        return Stream.of(row).skip(from).limit(6)
                .map(amount -> ((BigDecimal) amount).stripTrailingZeros().toPlainString())
                .toList()
                .toString();
    }
}
