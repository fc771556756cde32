package dev.aicarbon.providers.methodology;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads the asset register, row by row, into {@link AssetRow}s.
 *
 * <p>The header is {@code asset_id, model, datacenter, in_service_date, retired_date}, all
 * required, in any order and case; other columns are ignored. Dates are ISO days
 * ({@code 2026-11-17}); an empty {@code retired_date} means the asset is still in service.
 * Whether the model and datacenter exist is not checked here: that needs the other files.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code asset_id}, {@code model}, {@code datacenter} or {@code in_service_date} is
 * empty; a date is not a real day in the form YYYY-MM-DD; {@code retired_date} is before
 * {@code in_service_date}; or it names the same asset as an earlier row of the file, which is
 * kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class AssetCsvReader {

    static final String ASSET_ID = "asset_id";
    static final String MODEL = "model";
    static final String DATACENTER = "datacenter";
    static final String IN_SERVICE_DATE = "in_service_date";
    static final String RETIRED_DATE = "retired_date";

    static final List<String> COLUMNS =
            List.of(ASSET_ID, MODEL, DATACENTER, IN_SERVICE_DATE, RETIRED_DATE);

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<AssetRow> sink) {
        CsvSource csv = CsvSource.open(in, source, COLUMNS);
        MethodologyCsv.requireColumns(csv.header(), source, COLUMNS, "an assets file");
        FirstRows<String> assets = new FirstRows<>(ASSET_ID);

        return csv.readRows(row -> toAsset(row, assets), sink);
    }

    private static AssetRow toAsset(CsvRow row, FirstRows<String> assets) {
        String assetId = row.requiredText(ASSET_ID, "every asset needs an identifier");
        String model = row.requiredText(MODEL, "its embodied emissions come from its model");
        String datacenter = row.requiredText(DATACENTER, "its emissions belong to a datacenter");
        LocalDate inService = row.requiredDate(IN_SERVICE_DATE, "amortisation starts with it");
        LocalDate retired = row.date(RETIRED_DATE);
        if (retired != null && retired.isBefore(inService)) {
            throw new RowRejectedException(RETIRED_DATE, "retired_date " + retired
                    + " is before in_service_date " + inService);
        }
        assets.claim(assetId, row);

        return new AssetRow(row.number(), assetId, model, datacenter, inService, retired);
    }
}
