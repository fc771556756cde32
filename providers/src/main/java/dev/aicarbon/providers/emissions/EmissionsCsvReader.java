package dev.aicarbon.providers.emissions;

import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.CsvHeader;
import dev.aicarbon.providers.csv.CsvRow;
import dev.aicarbon.providers.csv.CsvSource;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowRejectedException;
import dev.aicarbon.providers.csv.RowSink;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the canonical provider emissions CSV, row by row, into {@link EmissionsRow}s.
 *
 * <p>The header is {@code provider, account_id, month}, optionally {@code region},
 * {@code service} and {@code resource_id} (a row for one resource, matched to FOCUS
 * {@code ResourceId} ignoring case), optionally {@code scope2_location_from_market}
 * ({@code true} where the provider publishes scope 2 market-based only and the market figure
 * stands in for the location-based one, which must then equal it), and at least one complete set of amount columns, all in kg CO2e: the scope
 * split ({@code scope1_kgco2e, scope2_location_kgco2e, scope2_market_kgco2e, scope3_kgco2e})
 * or the totals of providers that publish no split ({@code total_location_kgco2e,
 * total_market_kgco2e}). A file may carry both sets; each row then fills one. A set given in
 * part is refused, naming the columns it lacks.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code provider} is not aws, azure or gcp; {@code account_id} is empty;
 * {@code month} is not {@code YYYY-MM}; its amounts do not fill exactly one set with
 * non-negative decimals; or it names the same cell (provider, account, month, region, service)
 * as an earlier row of the file, which keeps the earlier row.
 *
 * <p>Stateless and thread-safe. To find repeated cells a read keeps the key of every accepted
 * row, which is as many as the file has cells, not its whole text.
 */
public final class EmissionsCsvReader {

    static final String PROVIDER = "provider";
    static final String ACCOUNT_ID = "account_id";
    static final String MONTH = "month";
    static final String REGION = "region";
    static final String SERVICE = "service";
    static final String RESOURCE_ID = "resource_id";
    static final String SCOPE2_LOCATION_FROM_MARKET = "scope2_location_from_market";
    static final List<String> SCOPE_COLUMNS = List.of(
            "scope1_kgco2e", "scope2_location_kgco2e", "scope2_market_kgco2e", "scope3_kgco2e");
    static final List<String> TOTAL_COLUMNS = List.of(
            "total_location_kgco2e", "total_market_kgco2e");

    private static final List<String> KEY_COLUMNS = List.of(PROVIDER, ACCOUNT_ID, MONTH);
    private static final List<String> KNOWN_COLUMNS = Stream.of(
                    KEY_COLUMNS, List.of(REGION, SERVICE, RESOURCE_ID, SCOPE2_LOCATION_FROM_MARKET),
                    SCOPE_COLUMNS, TOTAL_COLUMNS)
            .flatMap(List::stream)
            .toList();
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
    public ReadSummary read(InputStream in, String source, RowSink<EmissionsRow> sink) {
        CsvSource csv = CsvSource.open(in, source, KNOWN_COLUMNS);
        refuseMissingColumns(csv.header(), source);
        Map<CellKey, Integer> firstRowOfCell = new HashMap<>();

        return csv.readRows(row -> toEmissionsRow(row, firstRowOfCell), sink);
    }

    private static void refuseMissingColumns(CsvHeader header, String source) {
        List<String> missing = new ArrayList<>(header.missing(KEY_COLUMNS));
        List<String> missingScopes = header.missing(SCOPE_COLUMNS);
        List<String> missingTotals = header.missing(TOTAL_COLUMNS);
        boolean noScopes = missingScopes.size() == SCOPE_COLUMNS.size();
        boolean noTotals = missingTotals.size() == TOTAL_COLUMNS.size();
        if (!noScopes) {
            missing.addAll(missingScopes);
        }
        if (!noTotals) {
            missing.addAll(missingTotals);
        }

        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing columns " + String.join(", ", missing));
        }
        if (noScopes && noTotals) {
            problems.add("no amount columns: expected " + String.join(", ", SCOPE_COLUMNS)
                    + " or " + String.join(", ", TOTAL_COLUMNS) + " or both sets");
        }
        if (!problems.isEmpty()) {
            throw new CsvFormatException(source,
                    "not a canonical emissions file: " + String.join("; ", problems));
        }
    }

    private static EmissionsRow toEmissionsRow(CsvRow row, Map<CellKey, Integer> firstRowOfCell) {
        String provider = provider(row);
        String accountId = row.requiredText(
                ACCOUNT_ID, "the emissions cannot be matched to an account");
        YearMonth month = row.requiredMonth(MONTH, "expected a month as YYYY-MM");
        String region = row.text(REGION);
        String service = row.text(SERVICE);
        String resourceId = row.text(RESOURCE_ID);
        Amounts amounts = amounts(row);
        boolean fromMarket = scope2LocationFromMarket(row, amounts);
        refuseRepeatedCell(new CellKey(provider, accountId, month, region, service,
                resourceId == null ? null : resourceId.toLowerCase(Locale.ROOT)),
                row, firstRowOfCell);

        return new EmissionsRow(row.number(), provider, accountId, month, region, service,
                amounts.scope1(), amounts.scope2Location(), amounts.scope2Market(),
                amounts.scope3(), amounts.totalLocation(), amounts.totalMarket(),
                amounts.scopeCombined(), resourceId, fromMarket);
    }

    private static boolean scope2LocationFromMarket(CsvRow row, Amounts amounts) {
        String text = row.text(SCOPE2_LOCATION_FROM_MARKET);
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (!text.equalsIgnoreCase("true")) {
            throw new RowRejectedException(SCOPE2_LOCATION_FROM_MARKET,
                    SCOPE2_LOCATION_FROM_MARKET + " " + CsvRow.quote(text)
                            + " is not true or false");
        }
        if (amounts.scopeCombined()
                || amounts.scope2Location().compareTo(amounts.scope2Market()) != 0) {
            throw new RowRejectedException(SCOPE2_LOCATION_FROM_MARKET, "the market-based"
                    + " scope 2 stands in for the location-based one, so both scope 2 columns"
                    + " must be filled and equal");
        }
        return true;
    }

    private static String provider(CsvRow row) {
        String text = row.requiredText(PROVIDER, "expected aws, azure or gcp");
        String provider = text.toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new RowRejectedException(PROVIDER, "provider " + CsvRow.quote(text)
                    + " is not one of aws, azure, gcp");
        }
        return provider;
    }

    /**
     * The row's amounts. Any filled scope cell makes it a scope-split row, which needs all
     * four scope amounts and no totals; otherwise it is a totals row, which needs both.
     */
    private static Amounts amounts(CsvRow row) {
        boolean anyScope = SCOPE_COLUMNS.stream().anyMatch(column -> row.text(column) != null);
        if (anyScope) {
            return scopeAmounts(row);
        }

        boolean anyTotal = TOTAL_COLUMNS.stream().anyMatch(column -> row.text(column) != null);
        if (!anyTotal) {
            throw new RowRejectedException(null, "no amounts: fill either the four scope columns"
                    + " or the two total columns");
        }
        return totalAmounts(row);
    }

    private static Amounts scopeAmounts(CsvRow row) {
        List<BigDecimal> scopes = new ArrayList<>();
        for (String column : SCOPE_COLUMNS) {
            scopes.add(nonNegative(row, column, "the other scope columns are filled"));
        }
        for (String column : TOTAL_COLUMNS) {
            if (row.text(column) != null) {
                throw new RowRejectedException(column, "ambiguous amounts: " + column + " "
                        + CsvRow.quote(row.text(column)) + " is filled as well as the scope"
                        + " columns; a row carries either the scope split or the totals");
            }
        }
        return new Amounts(scopes.get(0), scopes.get(1), scopes.get(2), scopes.get(3),
                null, null, false);
    }

    private static Amounts totalAmounts(CsvRow row) {
        BigDecimal location = nonNegative(
                row, TOTAL_COLUMNS.get(0), "the other total column is filled");
        BigDecimal market = nonNegative(
                row, TOTAL_COLUMNS.get(1), "the other total column is filled");
        return new Amounts(null, null, null, null, location, market, true);
    }

    private static BigDecimal nonNegative(CsvRow row, String column, String whenEmpty) {
        BigDecimal amount = row.decimal(column);
        if (amount == null) {
            throw new RowRejectedException(column, column + " is empty but " + whenEmpty);
        }
        if (amount.signum() < 0) {
            throw new RowRejectedException(column, column + " " + CsvRow.quote(row.text(column))
                    + " is negative; emissions cannot be");
        }
        return amount;
    }

    private static void refuseRepeatedCell(
            CellKey key, CsvRow row, Map<CellKey, Integer> firstRowOfCell) {
        Integer earlier = firstRowOfCell.putIfAbsent(key, row.number());
        if (earlier != null) {
            throw new RowRejectedException(null, "repeats the provider, account_id, month,"
                    + " region, service and resource_id of row " + earlier + ", which is kept");
        }
    }

    /** One cell of the emissions table; region, service and resource are null for all. */
    private record CellKey(String provider, String accountId, YearMonth month, String region,
            String service, String resourceId) {
    }

    private record Amounts(
            BigDecimal scope1,
            BigDecimal scope2Location,
            BigDecimal scope2Market,
            BigDecimal scope3,
            BigDecimal totalLocation,
            BigDecimal totalMarket,
            boolean scopeCombined) {
    }
}
