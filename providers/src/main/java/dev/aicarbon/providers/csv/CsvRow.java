package dev.aicarbon.providers.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV file, with typed access to its cells by column name. The typed
 * getters throw {@link RowRejectedException} when a cell cannot be used, naming the column and
 * the value, so that a reader can state a row's first problem and move on.
 */
public final class CsvRow {

    private static final int LONGEST_QUOTED_VALUE = 60;

    private final CsvHeader header;
    private final List<String> fields;
    private final int number;

    CsvRow(CsvHeader header, List<String> fields, int number) {
        this.header = header;
        this.fields = fields;
        this.number = number;
    }

    /** The row's number as a spreadsheet shows it: the header is row 1. */
    public int number() {
        return number;
    }

    /** Whether the row has as many fields as the header has columns. */
    boolean matchesHeaderWidth() {
        return fields.size() == header.size();
    }

    int fieldCount() {
        return fields.size();
    }

    /**
     * The cell's text, trimmed; null when the cell is empty or blank, or when the file has no
     * such column.
     *
     * @throws RowRejectedException when the cell holds bytes that were not UTF-8 text
     */
    public String text(String column) {
        int position = header.positionOf(column);
        if (position < 0 || position >= fields.size()) {
            return null;
        }
        String value = fields.get(position).trim();
        if (value.indexOf('\uFFFD') >= 0 || value.indexOf('\u0000') >= 0) {
            throw new RowRejectedException(column, column + " holds bytes that are not UTF-8 text");
        }
        return value.isEmpty() ? null : value;
    }

    /**
     * The cell's text, trimmed, which must not be empty.
     *
     * @param why what the value is needed for, appended to the reason when it is missing
     * @throws RowRejectedException when the cell is empty
     */
    public String requiredText(String column, String why) {
        String value = text(column);
        if (value == null) {
            throw new RowRejectedException(column, column + " is empty; " + why);
        }
        return value;
    }

    /**
     * The cell as an exact decimal, plain ({@code 12.50}) or in scientific notation
     * ({@code 1.5E-4}); null when the cell is empty.
     *
     * @throws RowRejectedException when the cell holds anything else
     */
    public BigDecimal decimal(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(
                    column, column + " " + quote(value) + " is not a number");
        }
    }

    /**
     * The cell as an exact decimal, which must be there.
     *
     * @param why what the value is needed for, appended to the reason when it is missing
     * @throws RowRejectedException when the cell is empty or not a number
     */
    public BigDecimal requiredDecimal(String column, String why) {
        BigDecimal value = decimal(column);
        if (value == null) {
            throw new RowRejectedException(column, column + " is empty; " + why);
        }
        return value;
    }

    /**
     * The cell as an exact decimal of zero or more, which must be there.
     *
     * @param why what the value is needed for, appended to the reason when it is missing
     * @throws RowRejectedException when the cell is empty, not a number or negative
     */
    public BigDecimal nonNegativeDecimal(String column, String why) {
        BigDecimal value = requiredDecimal(column, why);
        if (value.signum() < 0) {
            throw new RowRejectedException(column, column + " " + quote(text(column))
                    + " is negative; it must be zero or more");
        }
        return value;
    }

    /**
     * The cell as an ISO date ({@code 2026-11-17}); null when the cell is empty. Impossible
     * dates such as {@code 2026-02-30} are rejected, not moved to the nearest real day.
     *
     * @throws RowRejectedException when the cell holds anything else
     */
    public LocalDate date(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column, column + " " + quote(value)
                    + " is not a date in the form YYYY-MM-DD");
        }
    }

    /**
     * The cell as an ISO date, which must be there.
     *
     * @param why what the value is needed for, appended to the reason when it is missing
     * @throws RowRejectedException when the cell is empty or not a date
     */
    public LocalDate requiredDate(String column, String why) {
        LocalDate value = date(column);
        if (value == null) {
            throw new RowRejectedException(column, column + " is empty; " + why);
        }
        return value;
    }

    /**
     * The cell as a calendar month ({@code 2026-11}), which must be there.
     *
     * @param why what the value is needed for, appended to the reason when it is missing
     * @throws RowRejectedException when the cell is empty or not a month in the form YYYY-MM
     */
    public YearMonth requiredMonth(String column, String why) {
        String value = requiredText(column, why);
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(column, column + " " + quote(value)
                    + " is not a month in the form YYYY-MM");
        }
    }

    /**
     * The raw values by column name as the header spells it, for a {@link RowProblem}. Fields
     * beyond the header's width are left out; columns the row is too short for are absent.
     */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        int width = Math.min(fields.size(), header.size());
        for (int i = 0; i < width; i++) {
            values.putIfAbsent(header.names().get(i), fields.get(i));
        }
        return values;
    }

    /**
     * A value in double quotes for a problem's reason, cut short when long so that a reason
     * never carries a whole row's worth of text.
     */
    public static String quote(String value) {
        if (value.length() <= LONGEST_QUOTED_VALUE) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, LONGEST_QUOTED_VALUE) + "...\"";
    }
}
