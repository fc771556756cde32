package dev.aicarbon.spark;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;

/**
 * Reads FOCUS CSV files on the executors with the service's own {@link FocusCsvReader}, one
 * file per task, so rows are parsed, and quarantined, exactly as an import would.
 *
 * <p>A line's id is the SHA-256 of the file's CSV bytes and its spreadsheet row, the id the
 * service gives the same line, so both break ties identically. The hash needs the whole file
 * before the first id, so each file is read twice: once to hash, once to parse. Files ending
 * in {@code .gz} are decompressed, and the hash is of the decompressed CSV.
 *
 * <p>Known shortcoming: a task holds its file's lines in memory until the file is read
 * (the reader pushes rows to a sink). Exports split into parts of a few hundred MB each, as
 * the clouds write them, keep that small; one huge CSV would need more executor memory.
 */
final class FocusCsvFiles {

    private FocusCsvFiles() {
    }

    /** One item per row of every file {@code paths} names (comma-separated paths or globs). */
    static JavaRDD<FocusItem> read(JavaSparkContext spark, String paths, FocusLineMapper mapper) {
        return spark.binaryFiles(paths, spark.defaultParallelism())
                .flatMap(file -> readFile(fileName(file._1()), file._2(), mapper).iterator());
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<FocusItem> readFile(String name, PortableDataStream file,
            FocusLineMapper mapper) throws IOException {
        String contentSha256 = sha256(file, name);
        List<FocusItem> items = new ArrayList<>();
        try (InputStream in = csvBytes(file, name)) {
            new FocusCsvReader().read(in, name, new RowSink<FocusLine>() {
                @Override
                public void accept(FocusLine line) {
                    items.add(mapper.map(line, FocusLineMapper.lineId(contentSha256, line.row())));
                }

                @Override
                public void quarantine(RowProblem problem) {
                    items.add(FocusItem.quarantined(new LineProblem(
                            name, problem.row(), problem.column(), problem.reason())));
                }
            });
        }
        return items;
    }

    private static String sha256(PortableDataStream file, String name) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = new DigestInputStream(csvBytes(file, name), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream csvBytes(PortableDataStream file, String name) throws IOException {
        InputStream raw = file.open();
        return name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
    }
}
