package dev.aicarbon.service.allocation;

import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reading a generated month's files back, where every row is expected to be accepted. */
final class GeneratedMonthFiles {

    private GeneratedMonthFiles() {
    }

    static void read(Path file, Consumer<InputStream> reading) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            reading.accept(in);
        }
    }

    /** A sink taking every record; a refused row is a broken generator, so it fails the test. */
    static <T> RowSink<T> everyRow(Consumer<T> accept) {
        return new RowSink<>() {
            @Override
            public void accept(T record) {
                accept.accept(record);
            }

            @Override
            public void quarantine(RowProblem problem) {
                throw new IllegalStateException(
                        "generated row " + problem.row() + " refused: " + problem.reason());
            }
        };
    }
}
