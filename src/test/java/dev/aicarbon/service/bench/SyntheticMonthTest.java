package dev.aicarbon.service.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
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

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
