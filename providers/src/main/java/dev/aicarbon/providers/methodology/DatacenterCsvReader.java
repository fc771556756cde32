package dev.aicarbon.providers.methodology;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the list of datacenters, row by row, into {@link DatacenterRow}s.
 *
 * <p>The header is {@code datacenter, region} and optionally {@code provider}, in any order
 * and case; other columns are ignored. Without a {@code provider} column every datacenter is
 * a private or colocation operator's.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code datacenter} or {@code region} is empty; {@code provider} is neither empty
 * nor one of aws, azure, gcp (any case); or it names the same datacenter as an earlier row of
 * the file, which is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatacenterCsvReader {

    static final String DATACENTER = "datacenter";
    static final String REGION = "region";
    static final String PROVIDER = "provider";

    static final List<String> REQUIRED_COLUMNS = List.of(DATACENTER, REGION);

    private static final List<String> KNOWN_COLUMNS = List.of(DATACENTER, REGION, PROVIDER);
    private static final Set<String> PROVIDERS = Set.of("aws", "azure", "gcp");

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<DatacenterRow> sink) {
        CsvSource csv = CsvSource.open(in, source, KNOWN_COLUMNS);
        MethodologyCsv.requireColumns(csv.header(), source, REQUIRED_COLUMNS,
                "a datacenters file");
        FirstRows<String> datacenters = new FirstRows<>(DATACENTER);

        return csv.readRows(row -> toDatacenter(row, datacenters), sink);
    }

    private static DatacenterRow toDatacenter(CsvRow row, FirstRows<String> datacenters) {
        String datacenter = row.requiredText(DATACENTER, "assets and monthly reports refer to it");
        String region = row.requiredText(REGION, "its emissions are shared within its region");
        String provider = provider(row);
        datacenters.claim(datacenter, row);

        return new DatacenterRow(row.number(), datacenter, region, provider);
    }

    /** The provider's code, or null for an operator that is none of the three clouds. */
    private static String provider(CsvRow row) {
        String text = row.text(PROVIDER);
        if (text == null) {
            return null;
        }

        String provider = text.toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new RowRejectedException(PROVIDER, "provider " + CsvRow.quote(text)
                    + " is not one of aws, azure, gcp; leave it empty for a private or"
                    + " colocation operator");
        }
        return provider;
    }
}
