package dev.aicarbon.providers.focus;

import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;

/** Reads a FOCUS 1.x CSV export of any of the three clouds. */
public final class FocusCsvReader {

    public ReadSummary read(InputStream in, String source, RowSink<FocusLine> sink) {
        throw new UnsupportedOperationException("to be written");
    }
}
