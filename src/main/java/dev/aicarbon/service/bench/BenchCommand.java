package dev.aicarbon.service.bench;

import dev.aicarbon.allocation.Allocator;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.service.allocation.AllocationService;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.imports.ImportService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbon bench --lines N}: generates a seeded synthetic month of N FOCUS lines and
 * prints, for this machine, the engine's allocation rate, the import rate (CSV to
 * PostgreSQL), the end-to-end close time and the peak heap of each phase. Figures are
 * printed, never asserted; docs/performance.md records them with the command.
 */
@Dependent
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure allocation, import and close on a synthetic month.")
public class BenchCommand implements Callable<Integer> {

    private static final YearMonth MONTH = YearMonth.of(2030, 1);
    private static final int ENGINE_WARM_UP_RUNS = 3;
    private static final int ENGINE_MEASURED_RUNS = 5;

    @Option(names = "--lines", defaultValue = "1000000", description = "FOCUS lines in the month")
    long lines;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic month")
    long seed;

    @Option(names = "--skip-engine", description = "Skip the in-memory engine phase: it holds every"
            + " line at once, so past a few million lines it needs more heap than the close itself")
    boolean skipEngine;

    @Inject
    ImportService imports;

    @Inject
    AllocationService allocations;

    @Inject
    CarbonConfig config;

    public int execute(String... args) {
        return new CommandLine(this).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Path folder = Files.createTempDirectory("carbon-bench-");
        Path focus = folder.resolve("focus.csv");
        Path emissions = folder.resolve("emissions.csv");
        SyntheticMonth month = new SyntheticMonth(MONTH, seed);
        month.writeFocus(focus, lines);
        month.writeEmissions(emissions);
        System.out.printf("Synthetic month %s: %,d FOCUS lines (%,d MB), seed %d, %d cores, max heap %,d MB%n",
                MONTH, lines, Files.size(focus) >> 20, seed, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        if (skipEngine) {
            System.out.println("allocate (engine, in memory)       skipped (--skip-engine)");
        } else {
            engine(focus, emissions);
        }
        long importNanos = phase("import (CSV to PostgreSQL)", () -> {
            SyntheticMonthFiles.read(emissions, in -> imports.importEmissions(in, "emissions.csv"));
            SyntheticMonthFiles.read(focus, in -> imports.importFocus(in, "focus.csv"));
            return lines;
        });
        long allocateNanos = phase("allocate (PostgreSQL to results)", () -> {
            allocations.allocate(MONTH);
            return lines;
        });
        System.out.printf("end-to-end close: %.1f s%n", (importNanos + allocateNanos) / 1e9);
        Files.delete(focus);
        Files.delete(emissions);
        Files.delete(folder);
        return 0;
    }

    /**
     * The engine alone, on lines already in memory. It is the only phase short enough for the
     * JIT compiler to matter (about a second at 1M lines, where the other phases take many), so
     * it is run {@value #ENGINE_WARM_UP_RUNS} times unmeasured and then
     * {@value #ENGINE_MEASURED_RUNS} times, and the median, slowest and fastest runs are
     * printed; the heap is that of the measured run that used the most.
     */
    private void engine(Path focus, Path emissions) {
        List<UsageLine> usage = SyntheticMonthFiles.usageLines(focus, MONTH, String::valueOf);
        List<EmissionsCell> cells = SyntheticMonthFiles.emissionsCells(emissions, MONTH);
        Allocator allocator = new Allocator(config.allocation().policy());
        for (int i = 0; i < ENGINE_WARM_UP_RUNS; i++) {
            allocator.allocate(cells, usage);
        }

        long[] nanos = new long[ENGINE_MEASURED_RUNS];
        Measured heaviest = null;
        for (int i = 0; i < nanos.length; i++) {
            Measured run = measure(() -> {
                allocator.allocate(cells, usage);
                return (long) usage.size();
            });
            nanos[i] = run.nanos();
            heaviest = heaviest == null || run.peakHeapBytes() > heaviest.peakHeapBytes() ? run : heaviest;
        }

        Arrays.sort(nanos);
        double median = usage.size() / (nanos[nanos.length / 2] / 1e9);
        System.out.printf("%-34s %,12.0f lines/s  %8.2f s  %s"
                        + "  (median of %d runs after %d unmeasured; slowest %,.0f, fastest %,.0f lines/s)%n",
                "allocate (engine, in memory)", median, nanos[nanos.length / 2] / 1e9, heaviest.heap(),
                nanos.length, ENGINE_WARM_UP_RUNS, usage.size() / (nanos[nanos.length - 1] / 1e9),
                usage.size() / (nanos[0] / 1e9));
    }

    private static long phase(String name, Supplier<Long> work) {
        Measured run = measure(work);
        System.out.printf("%-34s %,12.0f lines/s  %8.2f s  %s%n", name,
                run.items() / (run.nanos() / 1e9), run.nanos() / 1e9, run.heap());
        return run.nanos();
    }

    private record Measured(long items, long nanos, long peakHeapBytes, long peakAfterGcBytes) {

        String heap() {
            return String.format("peak heap %,6d MB in use, %,6d MB after GC", peakHeapBytes >> 20,
                    peakAfterGcBytes >> 20);
        }
    }

    /** Runs {@code work} after a full collection, watching the heap meanwhile. */
    private static Measured measure(Supplier<Long> work) {
        System.gc();

        try (HeapWatch heap = HeapWatch.start()) {
            long start = System.nanoTime();
            long items = work.get();
            long nanos = System.nanoTime() - start;

            heap.close();
            return new Measured(items, nanos, heap.peakInUseBytes(), heap.peakAfterCollectionBytes());
        }
    }
}
