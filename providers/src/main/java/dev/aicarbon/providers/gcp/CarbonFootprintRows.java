package dev.aicarbon.providers.gcp;

import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.RowRejectedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one Carbon Footprint export row into a {@link CarbonFootprintRow}, or rejects it
 * naming the field at fault. Shared by the file reader and the BigQuery connector so that a
 * hand export and a pulled month are judged alike.
 *
 * <p>Field names follow Google's "Carbon Footprint export data schema". The account is
 * {@code project.id}, which is what Google Cloud's FOCUS export writes as
 * {@code SubAccountId}; the service is {@code service.description}, which the FOCUS export
 * writes as {@code ServiceName} (both are the billing catalogue's service name, for example
 * {@code Compute Engine}).
 *
 * <p>Region: {@code location.region} is kept when it names one Google Cloud region
 * ({@code us-central1}, {@code europe-west4}). Otherwise the row's emissions are not tied to
 * one region: Google writes {@code global} for usage without a location (NULL before carbon
 * model version 10) and the multi-region's name ({@code us}, {@code europe}) for
 * multi-region usage, while billing exports leave {@code RegionId} empty for such usage. Such
 * a row becomes a cell for all regions of its project and service (region null), so that it
 * still meets that service's usage lines instead of landing in {@code unmatched}.
 */
final class CarbonFootprintRows {

    static final String USAGE_MONTH = "usage_month";
    static final String BILLING_ACCOUNT_ID = "billing_account_id";
    static final String PROJECT_ID = "project.id";
    static final String SERVICE_DESCRIPTION = "service.description";
    static final String LOCATION_REGION = "location.region";
    static final String SCOPE1 = "carbon_footprint_kgCO2e.scope1";
    static final String SCOPE2_LOCATION = "carbon_footprint_kgCO2e.scope2.location_based";
    static final String SCOPE2_MARKET = "carbon_footprint_kgCO2e.scope2.market_based";
    static final String SCOPE3 = "carbon_footprint_kgCO2e.scope3";
    static final String MODEL_VERSION = "carbon_model_version";

    /** Fields a file must have; {@code location.region} may be missing per row, not here. */
    static final List<String> REQUIRED_FIELDS = List.of(USAGE_MONTH, PROJECT_ID,
            SERVICE_DESCRIPTION, LOCATION_REGION, SCOPE1, SCOPE2_LOCATION, SCOPE2_MARKET,
            SCOPE3, MODEL_VERSION);

    /** A single Google Cloud region: a geography, a dash, a name ending in a digit. */
    private static final Pattern ONE_REGION = Pattern.compile("[a-z]+(-[a-z]+)+[0-9]+");

    private CarbonFootprintRows() {
    }

    /**
     * Reads one row.
     *
     * @param month the month the row must belong to, or null to take any month
     * @throws RowRejectedException when the row cannot be used
     */
    static CarbonFootprintRow parse(CarbonFootprintFields fields, YearMonth month) {
        YearMonth usageMonth = usageMonth(fields, month);
        String projectId = required(fields, PROJECT_ID, "Google leaves it NULL for usage"
                + " outside any project or of a deleted project; the emissions cannot be"
                + " matched to a FOCUS SubAccountId");
        String service = required(fields, SERVICE_DESCRIPTION,
                "the emissions cannot be matched to a FOCUS ServiceName");
        String region = region(fields.text(LOCATION_REGION));

        return new CarbonFootprintRow(fields.row(), fields.text(BILLING_ACCOUNT_ID), projectId,
                usageMonth, region, service, amount(fields, SCOPE1),
                amount(fields, SCOPE2_LOCATION), amount(fields, SCOPE2_MARKET),
                amount(fields, SCOPE3), fields.text(MODEL_VERSION));
    }

    /** The region a cell is narrowed to, or null for a row not tied to one region. */
    static String region(String locationRegion) {
        if (locationRegion == null || !ONE_REGION.matcher(locationRegion).matches()) {
            return null;
        }
        return locationRegion;
    }

    private static YearMonth usageMonth(CarbonFootprintFields fields, YearMonth expected) {
        String text = required(fields, USAGE_MONTH, "the emissions cannot be placed in a month");
        YearMonth usageMonth;
        try {
            usageMonth = YearMonth.from(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(USAGE_MONTH, USAGE_MONTH + " " + CsvRow.quote(text)
                    + " is not a date in the form YYYY-MM-DD");
        }
        if (expected != null && !usageMonth.equals(expected)) {
            throw new RowRejectedException(USAGE_MONTH, USAGE_MONTH + " " + CsvRow.quote(text)
                    + " is not in " + expected + ", the month being read");
        }
        return usageMonth;
    }

    private static String required(CarbonFootprintFields fields, String field, String why) {
        String text = fields.text(field);
        if (text == null) {
            throw new RowRejectedException(field, field + " is empty; " + why);
        }
        return text;
    }

    private static BigDecimal amount(CarbonFootprintFields fields, String field) {
        String text = required(fields, field, "every scope amount is needed");
        BigDecimal kgCo2e;
        try {
            kgCo2e = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(field, field + " " + CsvRow.quote(text)
                    + " is not a number");
        }
        if (kgCo2e.signum() < 0) {
            throw new RowRejectedException(field, field + " " + CsvRow.quote(text)
                    + " is negative; emissions cannot be");
        }
        return kgCo2e;
    }
}
