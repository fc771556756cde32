package dev.aicarbon.providers.emissions;

import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;

/** Reads the canonical provider emissions CSV. */
public final class EmissionsCsvReader {

    public ReadSummary read(InputStream in, String source, RowSink<EmissionsRow> sink) {
        throw new UnsupportedOperationException("to be written");
    }
}
