package dev.aicarbon.spark;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.UsageMetric;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The job's command line. Paths are anything Hadoop's file systems open: local paths,
 * {@code hdfs://}, {@code s3a://}, {@code gs://}, {@code abfss://}.
 *
 * @param focusPaths     FOCUS files: comma-separated paths, directories or globs
 * @param emissionsPath  the canonical emissions CSV (one file)
 * @param outputDir      a directory that must not exist yet or be empty
 */
record JobArguments(
        String focusPaths,
        FocusFormat format,
        String emissionsPath,
        YearMonth month,
        AllocationPolicy policy,
        String outputDir) {

    /** How the FOCUS files are stored. */
    enum FocusFormat {
        CSV,
        PARQUET
    }

    static final String USAGE = "usage: --focus <paths or glob> --format parquet|csv"
            + " --emissions <csv> --month YYYY-MM"
            + " --metric list-cost|effective-cost|consumed-quantity --out <dir>"
            + " [--project-tag ml-project] [--workload-tag ml-workload] [--stage-tag ml-stage]"
            + " [--shared-value shared]";

    private static final List<String> REQUIRED = List.of(
            "--focus", "--format", "--emissions", "--month", "--metric", "--out");
    private static final List<String> OPTIONAL = List.of(
            "--project-tag", "--workload-tag", "--stage-tag", "--shared-value");

    /**
     * Parses {@code args}. The tag options default to the service's defaults
     * ({@link AllocationPolicy#DEFAULT}); set them when the service is configured otherwise.
     *
     * @throws IllegalArgumentException naming the option at fault, with the usage
     */
    static JobArguments parse(String... args) {
        Map<String, String> options = options(args);
        for (String name : REQUIRED) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException(name + " is required; " + USAGE);
            }
        }

        AllocationPolicy defaults = AllocationPolicy.DEFAULT;
        AllocationPolicy policy = new AllocationPolicy(metric(options.get("--metric")),
                options.getOrDefault("--project-tag", defaults.projectTagKey()),
                options.getOrDefault("--workload-tag", defaults.workloadTagKey()),
                options.getOrDefault("--stage-tag", defaults.stageTagKey()),
                options.getOrDefault("--shared-value", defaults.sharedProjectValue()));
        return new JobArguments(options.get("--focus"), format(options.get("--format")),
                options.get("--emissions"), month(options.get("--month")), policy,
                options.get("--out"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    private static FocusFormat format(String text) {
        try {
            return FocusFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format " + text + " is not parquet or csv");
        }
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month " + text + " is not YYYY-MM");
        }
    }

    private static UsageMetric metric(String text) {
        try {
            return UsageMetric.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric " + text
                    + " is not list-cost, effective-cost or consumed-quantity");
        }
    }
}
