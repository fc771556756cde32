package dev.aicarbon.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Rank sorting gives {@link Ledger#ROW_ORDER}, whether ranks pack into a long or not. */
class RowRanksTest {

    private static final Emissions ONE_KG = Emissions.ofScopes(BigDecimal.ONE, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    @Property(tries = 300)
    void sortsFewDistinctValuesAsTheRowOrderDoes(@ForAll Random random) {
        List<Allocation> rows = randomRows(random, 200, 3);

        assertThat(RowRanks.sorted(rows)).containsExactlyElementsOf(byRowOrder(rows));
    }

    /** Thousands of distinct values per dimension need more than 63 bits of ranks. */
    @Test
    void sortsManyDistinctValuesAsTheRowOrderDoes() {
        List<Allocation> rows = randomRows(new Random(7), 6000, 4000);

        assertThat(RowRanks.sorted(rows)).containsExactlyElementsOf(byRowOrder(rows));
    }

    private static List<Allocation> byRowOrder(List<Allocation> rows) {
        List<Allocation> expected = new ArrayList<>(rows);
        expected.sort(Ledger.ROW_ORDER);
        return expected;
    }

    /** Rows over {@code spread} values per string dimension, nulls and buckets included. */
    private static List<Allocation> randomRows(Random random, int count, int spread) {
        List<Allocation> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Bucket bucket = random.nextInt(4) == 0 ? Bucket.values()[random.nextInt(2)] : null;
            String project = bucket == null ? pick(random, "p", spread, false) : null;
            Stage stage = random.nextInt(3) == 0 ? null
                    : Stage.values()[random.nextInt(Stage.values().length)];
            Set<Flag> flags = FlagMasks.toSet(random.nextInt(1 << Flag.values().length));
            rows.add(new Allocation(project, bucket, pick(random, "w", spread, true), stage,
                    pick(random, "cloud", 3, false), pick(random, "acct", spread, false),
                    YearMonth.of(2025, 1 + random.nextInt(3)), pick(random, "r", spread, true),
                    pick(random, "s", spread, true), flags, ONE_KG));
        }
        Collections.shuffle(rows, random);
        return rows;
    }

    private static String pick(Random random, String prefix, int spread, boolean nullable) {
        if (nullable && random.nextInt(5) == 0) {
            return null;
        }
        return prefix + random.nextInt(spread);
    }
}
