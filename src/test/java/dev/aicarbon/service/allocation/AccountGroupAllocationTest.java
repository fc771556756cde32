package dev.aicarbon.service.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Allocator;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.bench.SyntheticMonth;
import dev.aicarbon.service.bench.SyntheticMonthFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allocating a month one account group at a time gives exactly the rows and totals of one
 * engine call over the whole month, on a generated month with shared, untagged and tagged
 * lines, scope-combined cells, and cells of an account without lines.
 */
class AccountGroupAllocationTest {

    private static final YearMonth MONTH = YearMonth.of(2030, 1);

    @TempDir
    Path folder;

    @Test
    void groupsGiveTheRowsAndTotalsOfTheWholeMonthExactly() throws IOException {
        List<UsageLine> lines = generatedLines(4_000, 7);
        List<EmissionsCell> cells = generatedCells(7);
        cells.add(lonelyCell("gcp", "gcp-account-9", "us-central1"));
        cells.add(lonelyCell("azure", "azure-account-8", null));

        AllocationResult whole = new Allocator(AllocationPolicy.DEFAULT).allocate(cells, lines);
        List<Allocation> rows = new ArrayList<>();
        AccountGroupAllocation groups = new AccountGroupAllocation(AllocationPolicy.DEFAULT, cells, rows::addAll);
        byAccount(lines).forEach(groups::add);
        MonthTotals totals = groups.finish();

        assertThat(described(rows)).containsExactlyElementsOf(described(whole.allocations()));
        assertThat(totals.rows()).isEqualTo(whole.allocations().size());
        assertSame(totals.input(), whole.input());
        assertSame(totals.allocatedToProjects(), whole.allocatedToProjects());
        for (Bucket bucket : Bucket.values()) {
            assertSame(totals.buckets().get(bucket), whole.buckets().get(bucket));
        }
        assertThat(totals.cellsMatched()).isEqualTo(whole.cellsMatched());
        assertThat(totals.cellsUnmatched()).isEqualTo(whole.cellsUnmatched()).isGreaterThanOrEqualTo(2);
        assertThat(totals.linesUsed()).isEqualTo(whole.linesUsed());
        assertThat(totals.linesRead()).isEqualTo(lines.size());
        assertThat(whole.buckets().get(Bucket.UNALLOCATED).scope2LocationKgCo2e()).isPositive();
    }

    @Test
    void refusesLinesOfAnAccountThatDoNotComeTogether() throws IOException {
        List<UsageLine> lines = byAccount(generatedLines(200, 3));
        UsageLine first = lines.get(0);
        UsageLine ofAnotherAccount = lines.stream()
                .filter(line -> !line.accountId().equals(first.accountId()))
                .findFirst()
                .orElseThrow();
        AccountGroupAllocation groups = new AccountGroupAllocation(AllocationPolicy.DEFAULT,
                generatedCells(3), rows -> { });

        groups.add(first);
        groups.add(ofAnotherAccount);

        assertThatThrownBy(() -> groups.add(first))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(first.provider() + "/" + first.accountId());
    }

    /** Lines as the cursor hands them over: grouped by provider and account, in file order within. */
    private static List<UsageLine> byAccount(List<UsageLine> lines) {
        return lines.stream()
                .sorted(Comparator.comparing(UsageLine::provider).thenComparing(UsageLine::accountId))
                .toList();
    }

    private List<UsageLine> generatedLines(int count, long seed) throws IOException {
        Path focus = folder.resolve("focus-" + seed + ".csv");
        new SyntheticMonth(MONTH, seed).writeFocus(focus, count);
        List<UsageLine> lines = SyntheticMonthFiles.usageLines(focus, MONTH,
                row -> "file#" + MonthUsageCursor.zeroPadded(row));
        assertThat(lines).hasSize(count);
        return lines;
    }

    private List<EmissionsCell> generatedCells(long seed) throws IOException {
        Path emissions = folder.resolve("emissions-" + seed + ".csv");
        new SyntheticMonth(MONTH, seed).writeEmissions(emissions);
        return SyntheticMonthFiles.emissionsCells(emissions, MONTH);
    }

    private static EmissionsCell lonelyCell(String provider, String account, String region) {
        return new EmissionsCell("lonely-" + account, provider, account, MONTH, region, null,
                Emissions.ofScopes(new BigDecimal("1.5"), new BigDecimal("2.25"), new BigDecimal("2"),
                        new BigDecimal("0.125")));
    }

    /** Each row as text, amounts by value, so lists compare exactly and print readably. */
    private static List<String> described(List<Allocation> rows) {
        return rows.stream()
                .map(row -> String.join("|", row.consumer(), String.valueOf(row.bucket()),
                        String.valueOf(row.workload()), String.valueOf(row.stage()), row.provider(),
                        row.accountId(), String.valueOf(row.region()), String.valueOf(row.service()),
                        row.flags().stream().map(Enum::name).sorted().toList().toString(),
                        amounts(row.emissions())))
                .sorted()
                .toList();
    }

    private static String amounts(Emissions emissions) {
        return Stream.of(emissions.scope1KgCo2e(), emissions.scope2LocationKgCo2e(),
                        emissions.scope2MarketKgCo2e(), emissions.scope3KgCo2e(),
                        emissions.combinedLocationKgCo2e(), emissions.combinedMarketKgCo2e())
                .map(amount -> amount.stripTrailingZeros().toPlainString())
                .toList()
                .toString();
    }

    private static void assertSame(Emissions actual, Emissions expected) {
        assertThat(amounts(actual)).isEqualTo(amounts(expected));
    }
}
