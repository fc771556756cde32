package dev.aicarbon.providers.sync;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file a pull wrote.
 *
 * @param kind   which importer reads it
 * @param source where it came from, for the import record and messages (a bucket key, a table,
 *               a subscription and scope); never a credential or a signed URL
 * @param path   the file, UTF-8
 */
public record PulledFile(Kind kind, String source, Path path) {

    /** The import a pulled file goes through. */
    public enum Kind {
        /** The canonical emissions CSV ({@code EmissionsCsvReader}). */
        EMISSIONS,
        /** A FOCUS CSV ({@code FocusCsvReader}). */
        FOCUS
    }

    public PulledFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
    }
}
