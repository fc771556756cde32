package dev.aicarbon.providers.focus;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvHeader;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a FOCUS 1.x CSV export of any of the three clouds, row by row, into {@link FocusLine}s.
 *
 * <p>The file must have the FOCUS columns that are mandatory and that allocation needs (see
 * {@link #REQUIRED_COLUMNS}); the conditional ones ({@link #OPTIONAL_COLUMNS}) are null on every
 * line when absent. Column names match without regard to case. Provider columns ({@code x_...})
 * and any other columns are ignored. FOCUS 1.0 called the region column {@code Region}; it is
 * read as {@code RegionId} when a file has no {@code RegionId}.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code ProviderName} or {@code BillingAccountId} is empty; a charge period bound
 * is empty or unreadable (see {@link ChargePeriodTimes}), or the period ends before it
 * starts; {@code ChargeCategory} is not one of Usage, Purchase, Tax, Credit, Adjustment; a
 * Usage row has no {@code SubAccountId}; a quantity or cost is not a decimal; {@code Tags} is
 * not a JSON object. Empty text cells are null, empty numbers are null, empty tags are an
 * empty map.
 *
 * <p>Stateless and thread-safe.
 */
public final class FocusCsvReader {

    /** Columns without which a file is refused. */
    public static final List<String> REQUIRED_COLUMNS = List.of(
            "ProviderName", "BillingAccountId", "SubAccountId", "ChargePeriodStart",
            "ChargePeriodEnd", "ChargeCategory", "ServiceName", "ListCost", "EffectiveCost",
            "BilledCost", "BillingCurrency");

    /** Columns read when present. */
    public static final List<String> OPTIONAL_COLUMNS = List.of(
            "RegionId", "ServiceCategory", "ResourceId", "SkuId", "ConsumedQuantity",
            "ConsumedUnit", "Tags");

    /** The FOCUS 1.0 name of {@code RegionId}. */
    static final String FOCUS_1_0_REGION = "Region";

    private static final List<String> KNOWN_COLUMNS = Stream.concat(
                    Stream.concat(REQUIRED_COLUMNS.stream(), OPTIONAL_COLUMNS.stream()),
                    Stream.of(FOCUS_1_0_REGION))
            .toList();

    private static final Map<String, String> CHARGE_CATEGORIES = Map.of(
            "usage", "Usage",
            "purchase", "Purchase",
            "tax", "Tax",
            "credit", "Credit",
            "adjustment", "Adjustment");

    /**
     * Reads the export and hands each line to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, or lacks required columns (all of them are named);
     *                            part way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<FocusLine> sink) {
        CsvSource csv = CsvSource.open(in, source, KNOWN_COLUMNS);
        refuseMissingColumns(csv.header(), source);
        String regionColumn = csv.header().has("RegionId") ? "RegionId" : FOCUS_1_0_REGION;
        RepeatedCells repeated = new RepeatedCells();

        return csv.readRows(row -> toLine(row, regionColumn, repeated), sink);
    }

    private static void refuseMissingColumns(CsvHeader header, String source) {
        List<String> missing = header.missing(REQUIRED_COLUMNS);
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source,
                    "not a FOCUS export: missing columns " + String.join(", ", missing));
        }
    }

    private static FocusLine toLine(CsvRow row, String regionColumn, RepeatedCells repeated) {
        String providerName = row.requiredText(
                "ProviderName", "the line cannot be attributed to a cloud");
        String billingAccountId = row.requiredText(
                "BillingAccountId", "FOCUS requires it on every row");
        Instant start = instant(row, "ChargePeriodStart", repeated);
        Instant end = instant(row, "ChargePeriodEnd", repeated);
        if (end.isBefore(start)) {
            throw new RowRejectedException("ChargePeriodEnd", "ChargePeriodEnd " + end
                    + " is before ChargePeriodStart " + start);
        }
        String chargeCategory = chargeCategory(row);
        String subAccountId = subAccountId(row, chargeCategory);

        return new FocusLine(
                row.number(),
                providerName,
                ProviderNames.code(providerName),
                billingAccountId,
                subAccountId,
                start,
                end,
                chargeCategory,
                row.text(regionColumn),
                row.text("ServiceName"),
                row.text("ServiceCategory"),
                row.text("ResourceId"),
                row.text("SkuId"),
                row.decimal("ConsumedQuantity"),
                row.text("ConsumedUnit"),
                row.decimal("ListCost"),
                row.decimal("EffectiveCost"),
                row.decimal("BilledCost"),
                row.text("BillingCurrency"),
                tags(row, repeated));
    }

    private static Instant instant(CsvRow row, String column, RepeatedCells repeated) {
        String text = row.requiredText(column, "the line cannot be placed in a month");
        Instant known = repeated.instants.get(text);
        if (known != null) {
            return known;
        }
        try {
            return RepeatedCells.remember(repeated.instants, text, ChargePeriodTimes.parse(text));
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column, column + " " + CsvRow.quote(text)
                    + " is not a date or an ISO 8601 timestamp");
        }
    }

    private static String chargeCategory(CsvRow row) {
        String text = row.requiredText("ChargeCategory", "expected Usage, Purchase, Tax, Credit"
                + " or Adjustment");
        String category = CHARGE_CATEGORIES.get(text.toLowerCase(Locale.ROOT));
        if (category == null) {
            throw new RowRejectedException("ChargeCategory", "ChargeCategory " + CsvRow.quote(text)
                    + " is not one of Usage, Purchase, Tax, Credit, Adjustment");
        }
        return category;
    }

    private static String subAccountId(CsvRow row, String chargeCategory) {
        String subAccountId = row.text("SubAccountId");
        if (subAccountId == null && chargeCategory.equals("Usage")) {
            throw new RowRejectedException("SubAccountId", "SubAccountId is empty on a Usage line;"
                    + " it cannot be matched to an account's emissions");
        }
        return subAccountId;
    }

    private static Map<String, String> tags(CsvRow row, RepeatedCells repeated) {
        String text = row.text("Tags");
        if (text == null) {
            return Map.of();
        }
        Map<String, String> known = repeated.tags.get(text);
        if (known != null) {
            return known;
        }
        try {
            return RepeatedCells.remember(repeated.tags, text,
                    Collections.unmodifiableMap(FocusTags.parse(text)));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException("Tags", "Tags " + CsvRow.quote(text) + " "
                    + e.getMessage());
        }
    }

    /**
     * Cells of one file that repeat on most of its lines (charge periods, tag sets), each
     * parsed once: a month of hourly lines has some seven hundred periods, and a tag set
     * recurs on every line of a resource. Lines with the same Tags text share one unmodifiable
     * map. At most {@value #AT_MOST} of each are kept; past that they start over.
     */
    private static final class RepeatedCells {

        private static final int AT_MOST = 10_000;

        final Map<String, Instant> instants = new HashMap<>();
        final Map<String, Map<String, String>> tags = new HashMap<>();

        static <V> V remember(Map<String, V> memo, String text, V value) {
            if (memo.size() >= AT_MOST) {
                memo.clear();
            }
            memo.put(text, value);
            return value;
        }
    }
}
