package dev.aicarbon.providers.methodology;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvHeader;
import java.util.List;

/** What the methodology readers share beyond {@link dev.aicarbon.providers.csv.CsvSource}. */
final class MethodologyCsv {

    private MethodologyCsv() {
    }

    /**
     * Refuses a file whose header lacks any of {@code required}, naming all of them, before a
     * single row is read.
     *
     * @param kind what the file should have been, for the message ("a component factors file")
     */
    static void requireColumns(CsvHeader header, String source, List<String> required,
            String kind) {
        List<String> missing = header.missing(required);
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source,
                    "not " + kind + ": missing columns " + String.join(", ", missing));
        }
    }
}
