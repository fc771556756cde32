package dev.aicarbon.spark;

import static org.apache.spark.sql.functions.col;

import dev.aicarbon.providers.FileRefusedException;
import dev.aicarbon.providers.focus.FocusCsvReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads FOCUS Parquet files with Spark's own reader, split across tasks as Spark sees fit, and
 * maps each row with {@link FocusParquetRowMapper}.
 *
 * <p>A line's id is its file's name and its 0-based row index in that file (Spark's
 * {@code _metadata.row_index}): stable however the files are split, and the same wherever the
 * files are copied. File names must therefore be unique among the inputs; the job refuses
 * inputs where two files share a name.
 */
final class FocusParquetFiles {

    private static final String FOCUS_1_0_REGION = "Region";

    private FocusParquetFiles() {
    }

    /** One item per row of every file {@code paths} names (comma-separated paths or globs). */
    static JavaRDD<FocusItem> read(SparkSession spark, String paths, FocusLineMapper mapper) {
        Dataset<Row> frame = spark.read().parquet(paths.split(","));
        refuseRepeatedFileNames(frame.inputFiles(), paths);
        Set<String> present = presentColumns(frame.columns(), paths);

        List<Column> selected = new ArrayList<>();
        present.forEach(name -> selected.add(col(name).as(name)));
        selected.add(col("_metadata.file_name").as(FocusParquetRowMapper.FILE_NAME));
        selected.add(col("_metadata.row_index").as(FocusParquetRowMapper.ROW_INDEX));

        FocusParquetRowMapper rows = new FocusParquetRowMapper(mapper, present);
        return frame.select(selected.toArray(Column[]::new))
                .javaRDD()
                .map(rows::map);
    }

    /**
     * The FOCUS columns the files have, spelled as the specification spells them (Spark
     * resolves names without regard to case).
     *
     * @throws FileRefusedException naming every required column that is missing
     */
    private static Set<String> presentColumns(String[] fileColumns, String paths) {
        Map<String, String> byKey = new HashMap<>();
        Arrays.stream(fileColumns).forEach(name -> byKey.put(key(name), name));
        List<String> missing = FocusCsvReader.REQUIRED_COLUMNS.stream()
                .filter(name -> !byKey.containsKey(key(name)))
                .toList();
        if (!missing.isEmpty()) {
            throw new FileRefusedException(paths,
                    "not a FOCUS export: missing columns " + String.join(", ", missing));
        }

        return Stream.of(FocusCsvReader.REQUIRED_COLUMNS, FocusCsvReader.OPTIONAL_COLUMNS,
                        List.of(FOCUS_1_0_REGION))
                .flatMap(List::stream)
                .filter(name -> byKey.containsKey(key(name)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static void refuseRepeatedFileNames(String[] files, String paths) {
        Set<String> seen = new HashSet<>();
        List<String> repeated = Arrays.stream(files)
                .map(FocusCsvFiles::fileName)
                .filter(name -> !seen.add(name))
                .distinct()
                .toList();
        if (!repeated.isEmpty()) {
            throw new FileRefusedException(paths, "line ids are built from file names, and these"
                    + " names occur more than once: " + String.join(", ", repeated));
        }
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
