package dev.aicarbon.spark;

import dev.aicarbon.providers.focus.FocusLine;
import dev.aicarbon.providers.focus.FocusTags;
import dev.aicarbon.providers.focus.ProviderNames;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * Turns one row of a FOCUS Parquet file, as Spark reads it, into a {@link FocusLine} and then
 * into what the engine allocates ({@link FocusLineMapper}), quarantining the rows the
 * service's FOCUS import would refuse.
 *
 * <p>Typed columns are taken as typed: timestamps as instants ({@code TIMESTAMP_NTZ} as UTC),
 * decimals exactly, doubles by their shortest decimal form ({@link BigDecimal#valueOf(double)},
 * so {@code 0.1} is 0.1, not the binary fraction). Text columns are trimmed, blank is null.
 * {@code Tags} may be a map of strings (a null value becomes the empty string) or JSON text
 * ({@link FocusTags}). A row is quarantined, with its first problem, when
 * {@code ProviderName}, {@code BillingAccountId} or a charge period bound is empty, a bound is
 * text that is not an ISO 8601 instant or date, the period ends before it starts,
 * {@code ChargeCategory} is not one of the five FOCUS categories, a Usage row has no
 * {@code SubAccountId}, a cost or quantity is text that is not a decimal, or {@code Tags} is
 * not a JSON object.
 */
final class FocusParquetRowMapper implements Serializable {

    /** Column of the file name, added by {@link FocusParquetFiles}. */
    static final String FILE_NAME = "_focus_file_name";
    /** Column of the 0-based row index within its file, added by {@link FocusParquetFiles}. */
    static final String ROW_INDEX = "_focus_row_index";

    private static final Map<String, String> CHARGE_CATEGORIES = Map.of(
            "usage", "Usage", "purchase", "Purchase", "tax", "Tax", "credit", "Credit",
            "adjustment", "Adjustment");

    private final FocusLineMapper lines;
    private final Set<String> presentColumns;

    /**
     * @param presentColumns the FOCUS columns the files have, spelled as in the specification;
     *                       an absent optional column is null on every line
     */
    FocusParquetRowMapper(FocusLineMapper lines, Set<String> presentColumns) {
        this.lines = lines;
        this.presentColumns = Set.copyOf(presentColumns);
    }

    FocusItem map(Row row) {
        String file = row.getAs(FILE_NAME);
        long index = row.<Long>getAs(ROW_INDEX);
        try {
            FocusLine line = toFocusLine(row, index);
            return lines.map(line, FocusLineMapper.lineId(file, index));
        } catch (RowRejected rejected) {
            return FocusItem.quarantined(
                    new LineProblem(file, index, rejected.column, rejected.getMessage()));
        }
    }

    private FocusLine toFocusLine(Row row, long index) {
        String providerName = required(row, "ProviderName", "the line cannot be attributed to a cloud");
        String billingAccountId = required(row, "BillingAccountId", "FOCUS requires it on every row");
        Instant start = instant(row, "ChargePeriodStart");
        Instant end = instant(row, "ChargePeriodEnd");
        if (end.isBefore(start)) {
            throw new RowRejected("ChargePeriodEnd",
                    "ChargePeriodEnd " + end + " is before ChargePeriodStart " + start);
        }
        String category = chargeCategory(row);
        String subAccountId = text(row, "SubAccountId");
        if (subAccountId == null && category.equals("Usage")) {
            throw new RowRejected("SubAccountId", "SubAccountId is empty on a Usage line;"
                    + " it cannot be matched to an account's emissions");
        }

        return new FocusLine(Math.toIntExact(index), providerName, ProviderNames.code(providerName),
                billingAccountId, subAccountId, start, end, category, region(row),
                text(row, "ServiceName"), text(row, "ServiceCategory"), text(row, "ResourceId"),
                text(row, "SkuId"), decimal(row, "ConsumedQuantity"), text(row, "ConsumedUnit"),
                decimal(row, "ListCost"), decimal(row, "EffectiveCost"),
                decimal(row, "BilledCost"), text(row, "BillingCurrency"), tags(row));
    }

    /** FOCUS 1.0 named the column {@code Region}; it stands in when there is no RegionId. */
    private String region(Row row) {
        return presentColumns.contains("RegionId") ? text(row, "RegionId") : text(row, "Region");
    }

    private Object value(Row row, String column) {
        return presentColumns.contains(column) ? row.getAs(column) : null;
    }

    private String text(Row row, String column) {
        Object value = value(row, column);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private String required(Row row, String column, String why) {
        String text = text(row, column);
        if (text == null) {
            throw new RowRejected(column, column + " is empty; " + why);
        }
        return text;
    }

    private String chargeCategory(Row row) {
        String text = required(row, "ChargeCategory",
                "expected Usage, Purchase, Tax, Credit or Adjustment");
        String category = CHARGE_CATEGORIES.get(text.toLowerCase(Locale.ROOT));
        if (category == null) {
            throw new RowRejected("ChargeCategory", "ChargeCategory \"" + text
                    + "\" is not one of Usage, Purchase, Tax, Credit, Adjustment");
        }
        return category;
    }

    private Instant instant(Row row, String column) {
        Object value = value(row, column);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return instantFromText(column, required(row, column, "the line cannot be placed in a month"));
    }

    private static Instant instantFromText(String column, String text) {
        try {
            return text.length() == "2026-11-01".length()
                    ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejected(column, column + " \"" + text
                    + "\" is not a date or an ISO 8601 timestamp with an offset");
        }
    }

    private BigDecimal decimal(Row row, String column) {
        Object value = value(row, column);
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        String text = text(row, column);
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RowRejected(column, column + " \"" + text + "\" is not a number");
        }
    }

    private Map<String, String> tags(Row row) {
        Object value = value(row, "Tags");
        if (value == null) {
            return Map.of();
        }
        if (value instanceof scala.collection.Map<?, ?>) {
            Map<String, String> tags = new HashMap<>();
            row.<String, String>getJavaMap(row.fieldIndex("Tags"))
                    .forEach((key, tag) -> tags.put(key, tag == null ? "" : tag));
            return tags;
        }
        try {
            return FocusTags.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new RowRejected("Tags", "Tags " + e.getMessage());
        }
    }

    /** A row to quarantine; no stack trace, it is expected on every bad row. */
    private static final class RowRejected extends RuntimeException {

        private final String column;

        RowRejected(String column, String reason) {
            super(reason, null, false, false);
            this.column = column;
        }
    }
}
