package dev.aicarbon.service.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's month is measured in docs/performance.md: the same seed and size must keep
 * giving the same bytes, or the figures there no longer describe what {@code bench} runs.
 * The digests were taken from the generator as those figures were measured.
 */
class SyntheticMonthTest {

    private static final YearMonth BENCH_MONTH = YearMonth.of(2030, 1);
    private static final long SEED_42 = 42;
    private static final long LINES_2000 = 2_000;

    @TempDir
    Path folder;

    @Test
    void theBenchMonthOfASeedAndSizeKeepsItsBytes() throws IOException {
        SyntheticMonth month = new SyntheticMonth(BENCH_MONTH, SEED_42);
        Path focus = folder.resolve("focus.csv");
        Path emissions = folder.resolve("emissions.csv");

        month.writeFocus(focus, LINES_2000);
        month.writeEmissions(emissions);

        assertThat(sha256(focus)).isEqualTo("81a34c4047ff8da2eb0647030cd7c14b4c7a9382d929bcac2c30efceeb181c8a");
        assertThat(sha256(emissions)).isEqualTo("ab8dedd6f04c8c92acd28a076f5190da6bc4f75081ea1c7b3d3b602f0606b424");
    }

    @Test
    void aFileAsExportedStillMatchesItsAccountsCellsAndTiesItsCosts() throws IOException {
        SyntheticMonth month = new SyntheticMonth(BENCH_MONTH, SEED_42);
        Path emissions = folder.resolve("emissions.csv");
        month.writeEmissions(emissions);
        CollectingSink<EmissionsRow> cells = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(emissions)) {
            new EmissionsCsvReader().read(in, "emissions.csv", cells);
        }
        Set<String> cellAccounts = new HashSet<>();
        cells.accepted().forEach(row -> cellAccounts.add(AccountIds.canonical(row.provider(), row.accountId())));

        for (SyntheticMonth.Account account : SyntheticMonth.accounts()) {
            Path focus = folder.resolve(account.providerCode() + "-" + account.number() + ".csv");
            month.writeFocus(focus, 200, new SyntheticMonth.FocusFile(account, false, false, true));
            CollectingSink<FocusLine> lines = new CollectingSink<>();
            try (InputStream in = Files.newInputStream(focus)) {
                new FocusCsvReader().read(in, "focus.csv", lines);
            }

            assertThat(lines.problems()).isEmpty();
            assertThat(lines.accepted()).allSatisfy(line -> assertThat(cellAccounts)
                    .contains(AccountIds.canonical(line.providerCode(), line.subAccountId())));
            assertThat(lines.accepted().stream().map(FocusLine::listCost).distinct().count())
                    .isLessThan(lines.accepted().size() / 10);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
