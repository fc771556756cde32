package dev.aicarbon.providers.methodology;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads consumers' usage of regions, row by row, into {@link ConsumerUsageRow}s.
 *
 * <p>The header is {@code region, month, consumer, service_model, normalised_usage}, all
 * required, in any order and case; other columns are ignored.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code region} or {@code consumer} is empty; {@code month} is not YYYY-MM;
 * {@code service_model} is not one of IaaS, PaaS, SaaS (any case; stored as spelled here);
 * {@code normalised_usage} is empty, not a decimal or negative; or it names the same region,
 * month, consumer and service model as an earlier row of the file, which is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConsumerUsageCsvReader {

    static final String REGION = "region";
    static final String MONTH = "month";
    static final String CONSUMER = "consumer";
    static final String SERVICE_MODEL = "service_model";
    static final String NORMALISED_USAGE = "normalised_usage";

    static final List<String> COLUMNS =
            List.of(REGION, MONTH, CONSUMER, SERVICE_MODEL, NORMALISED_USAGE);

    private static final Map<String, String> SERVICE_MODELS = Map.of(
            "iaas", "IaaS",
            "paas", "PaaS",
            "saas", "SaaS");

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<ConsumerUsageRow> sink) {
        CsvSource csv = CsvSource.open(in, source, COLUMNS);
        MethodologyCsv.requireColumns(csv.header(), source, COLUMNS, "a consumer usage file");
        FirstRows<Key> usage = new FirstRows<>("region, month, consumer and service_model");

        return csv.readRows(row -> toUsage(row, usage), sink);
    }

    private static ConsumerUsageRow toUsage(CsvRow row, FirstRows<Key> usage) {
        String region = row.requiredText(REGION, "usage is shared within a region");
        YearMonth month = row.requiredMonth(MONTH, "expected a month as YYYY-MM");
        String consumer = row.requiredText(CONSUMER, "expected a project, project/workload or"
                + " other named consumer");
        String serviceModel = serviceModel(row);
        BigDecimal normalisedUsage = row.nonNegativeDecimal(NORMALISED_USAGE,
                "expected the usage in the region's normalised unit");
        usage.claim(new Key(region, month, consumer, serviceModel), row);

        return new ConsumerUsageRow(
                row.number(), region, month, consumer, serviceModel, normalisedUsage);
    }

    private static String serviceModel(CsvRow row) {
        String text = row.requiredText(SERVICE_MODEL, "expected IaaS, PaaS or SaaS");
        String serviceModel = SERVICE_MODELS.get(text.toLowerCase(Locale.ROOT));
        if (serviceModel == null) {
            throw new RowRejectedException(SERVICE_MODEL, "service_model " + CsvRow.quote(text)
                    + " is not one of IaaS, PaaS, SaaS");
        }
        return serviceModel;
    }

    private record Key(String region, YearMonth month, String consumer, String serviceModel) {
    }
}
