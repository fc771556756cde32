package dev.aicarbon.allocation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Prints the engine's throughput, in usage lines per second, on a seeded synthetic month held
 * in memory: three providers of five accounts, three regions and five services per account,
 * 50 projects, about 70 % of lines tagged with workload and stage, 10 % shared, 20 % untagged,
 * one cell per account and region, AWS cells as scope-combined totals (the shape of the
 * service's {@code SyntheticMonth}). Not a test: run it by hand, with {@code -Xmx2g}:
 *
 * <pre>
 * mvn -B -q -o -pl allocation test-compile
 * java -Xmx2g -cp allocation/target/classes:allocation/target/test-classes \
 *     dev.aicarbon.allocation.AllocatorThroughputBenchmark 100000 1000000
 * </pre>
 *
 * <p>With {@code bigdecimal} as the first argument it measures the BigDecimal path alone
 * ({@link Allocator#allocateInBigDecimal}), the engine as it was before the long path.
 *
 * <p>Each size is warmed up, then run several times; the median is printed, of wall-clock
 * time and of the calling thread's CPU time (steadier on a machine shared with other work,
 * but blind to garbage collection threads).
 */
public final class AllocatorThroughputBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final String[][] PROVIDERS = {
        {"aws", "us-east-1", "eu-west-1", "us-west-2"},
        {"azure", "eastus", "westeurope", "swedencentral"},
        {"gcp", "us-central1", "europe-west4", "asia-northeast1"},
    };
    private static final String[] SERVICES =
            {"Compute", "Storage", "Machine Learning", "Networking", "Database"};
    private static final String[] STAGES = {"training", "inference", "data", "development"};
    private static final int ACCOUNTS_PER_PROVIDER = 5;
    private static final int PROJECTS = 50;
    /** Line ids look like the service's: the file's content hash, then the row number. */
    private static final String CONTENT_HASH =
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final int WARM_UP_RUNS = 3;
    private static final int MEASURED_RUNS = 7;

    private AllocatorThroughputBenchmark() {
    }

    public static void main(String[] args) {
        long seed = 42;
        Allocator allocator = new Allocator(AllocationPolicy.DEFAULT);
        boolean bigDecimalOnly = args.length > 0 && args[0].equals("bigdecimal");
        BiFunction<List<EmissionsCell>, List<UsageLine>, AllocationResult> run = bigDecimalOnly
                ? allocator::allocateInBigDecimal
                : allocator::allocate;
        List<String> sizes = Arrays.asList(args).subList(bigDecimalOnly ? 1 : 0, args.length);
        for (String size : sizes.isEmpty() ? List.of("100000", "1000000") : sizes) {
            int lineCount = Integer.parseInt(size);
            List<UsageLine> lines = lines(lineCount, seed);
            List<EmissionsCell> cells = cells(seed + 1);
            measure(run, cells, lines);
        }
    }

    private static void measure(
            BiFunction<List<EmissionsCell>, List<UsageLine>, AllocationResult> run,
            List<EmissionsCell> cells, List<UsageLine> lines) {
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            run.apply(cells, lines);
        }
        double[] linesPerSecond = new double[MEASURED_RUNS];
        double[] linesPerCpuSecond = new double[MEASURED_RUNS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AllocationResult result = null;
        for (int i = 0; i < MEASURED_RUNS; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = run.apply(cells, lines);
            long elapsedNanos = System.nanoTime() - start;
            long cpuNanos = threads.getCurrentThreadCpuTime() - startCpu;
            linesPerSecond[i] = lines.size() * 1e9 / elapsedNanos;
            linesPerCpuSecond[i] = lines.size() * 1e9 / cpuNanos;
        }
        Arrays.sort(linesPerSecond);
        Arrays.sort(linesPerCpuSecond);
        System.out.printf(Locale.ROOT,
                "%,d lines: median %,.0f lines/s (min %,.0f, max %,.0f); "
                        + "median %,.0f lines per CPU second of the calling thread; %,d rows%n",
                lines.size(), linesPerSecond[MEASURED_RUNS / 2], linesPerSecond[0],
                linesPerSecond[MEASURED_RUNS - 1], linesPerCpuSecond[MEASURED_RUNS / 2],
                result.allocations().size());
    }

    /** The month's lines; tag values are fresh strings per line, as a parser makes them. */
    static List<UsageLine> lines(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<UsageLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
            int account = random.nextInt(ACCOUNTS_PER_PROVIDER);
            String region = provider[1 + random.nextInt(3)];
            String service = SERVICES[random.nextInt(SERVICES.length)];
            BigDecimal cost = new BigDecimal(
                    String.format(Locale.ROOT, "%.4f", 0.01 + random.nextDouble() * 50));
            String lineId = CONTENT_HASH + "#" + String.format(Locale.ROOT, "%010d", i);
            lines.add(new UsageLine(lineId, provider[0], account(provider[0], account), MONTH,
                    region, service, cost, cost, BigDecimal.ONE, tags(random), "r-" + i));
        }
        return lines;
    }

    /** One cell per account and region; AWS publishes scope-combined totals. */
    static List<EmissionsCell> cells(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EmissionsCell> cells = new ArrayList<>();
        for (String[] provider : PROVIDERS) {
            for (int account = 0; account < ACCOUNTS_PER_PROVIDER; account++) {
                for (int r = 1; r < 4; r++) {
                    Emissions emissions = provider[0].equals("aws")
                            ? Emissions.ofCombinedTotals(kg(random), kg(random))
                            : Emissions.ofScopes(BigDecimal.ZERO, kg(random), kg(random),
                                    kg(random));
                    cells.add(new EmissionsCell("cell-" + cells.size(), provider[0],
                            account(provider[0], account), MONTH, provider[r], null,
                            emissions));
                }
            }
        }
        return cells;
    }

    private static String account(String provider, int account) {
        return provider + "-account-" + account;
    }

    private static BigDecimal kg(SplittableRandom random) {
        return new BigDecimal(String.format(Locale.ROOT, "%.3f", 10 + random.nextDouble() * 5000));
    }

    private static Map<String, String> tags(SplittableRandom random) {
        int kind = random.nextInt(10);
        Map<String, String> tags = new HashMap<>();
        if (kind < 2) {
            return tags;
        }
        if (kind == 2) {
            tags.put("ml-project", new String("shared"));
            return tags;
        }
        int project = random.nextInt(PROJECTS);
        tags.put("ml-project", "project-" + project);
        tags.put("ml-workload", "workload-" + project + "-" + random.nextInt(4));
        tags.put("ml-stage", new String(STAGES[random.nextInt(4)]));
        return tags;
    }
}
