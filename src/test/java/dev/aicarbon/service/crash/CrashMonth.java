package dev.aicarbon.service.crash;

import dev.aicarbon.service.bench.SyntheticMonth;
import dev.aicarbon.service.bench.SyntheticMonth.Account;
import dev.aicarbon.service.bench.SyntheticMonth.FocusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * November 2026 as a close's inbox, written by the bench's seeded generator: the same seed
 * gives the same bytes.
 *
 * <p>Six accounts, two on each cloud, each in a FOCUS file of its own: a file restates the
 * accounts it holds, so two files sharing an account would replace each other's lines. Every
 * file has the same number of Usage lines, drawn from a seed of its own, plus a reservation
 * purchase, a tax line and two rows a reader refuses (quarantined, far under the close's
 * threshold), in the forms real exports take: AWS tags behind {@code user:}, Azure
 * subscriptions in upper case behind {@code /subscriptions/}, and costs from a few hourly
 * rates, so splits have ties (where a crash once moved picograms between projects). The
 * emissions file has a cell per account and region for all fifteen accounts of the
 * generator; the nine without usage stay unmatched.
 *
 * @param seed              the month's seed, which draws each file's
 * @param usageLinesPerFile Usage lines in each FOCUS file
 */
record CrashMonth(long seed, int usageLinesPerFile) {

    static final YearMonth MONTH = YearMonth.of(2026, 11);

    private static final List<Account> ACCOUNTS = SyntheticMonth.accounts().stream()
            .filter(account -> account.number() < 2)
            .toList();

    /** A month of {@code usageLines} Usage lines (rounded down to a whole number per file). */
    static CrashMonth of(long seed, int usageLines) {
        return new CrashMonth(seed, Math.max(1, usageLines / ACCOUNTS.size()));
    }

    /**
     * Writes {@code <inbox>/2026-11/focus/NN-<provider>.csv}, one per account, and
     * {@code <inbox>/2026-11/emissions/emissions.csv}.
     */
    void writeTo(Path inbox) throws IOException {
        Path focus = Files.createDirectories(inbox.resolve(MONTH.toString()).resolve("focus"));
        Path emissions = Files.createDirectories(inbox.resolve(MONTH.toString()).resolve("emissions"));
        SplittableRandom seeds = new SplittableRandom(seed);
        List<String> names = focusFileNames();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            new SyntheticMonth(MONTH, seeds.nextLong()).writeFocus(focus.resolve(names.get(i)),
                    usageLinesPerFile, new FocusFile(ACCOUNTS.get(i), true, true, true));
        }
        new SyntheticMonth(MONTH, seed).writeEmissions(emissions.resolve("emissions.csv"));
    }

    /** The FOCUS files, in the order a close imports them (by name). */
    List<String> focusFileNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            names.add(String.format("%02d-%s.csv", i + 1, ACCOUNTS.get(i).providerCode()));
        }
        return names;
    }

    /** Usage lines of the month, all of which a close keeps. */
    int usageLines() {
        return ACCOUNTS.size() * usageLinesPerFile;
    }

    /** Lines each FOCUS file stores: its Usage lines, a purchase and a tax line. */
    int storedLinesPerFocusFile() {
        return usageLinesPerFile + SyntheticMonth.OTHER_CHARGES;
    }

    /** Rows of each FOCUS file that a close quarantines. */
    int quarantinedRowsPerFocusFile() {
        return SyntheticMonth.REFUSED_ROWS;
    }
}
