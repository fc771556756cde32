package dev.aicarbon.providers.methodology;

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
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads datacenters' monthly reports, row by row, into {@link DatacenterMonthRow}s.
 *
 * <p>The header is {@code datacenter, month, it_energy_kwh, pue, location_kgco2e_per_kwh,
 * market_kgco2e_per_kwh, scope1_kgco2e}, all required, in any order and case. A file may add
 * the four columns {@code diesel_litres, diesel_kgco2e_per_litre, refrigerant_kg,
 * refrigerant_gwp}, all or none; a row with an empty {@code scope1_kgco2e} then gets
 * {@code diesel_litres × diesel_kgco2e_per_litre + refrigerant_kg × refrigerant_gwp}, exact.
 * Other columns are ignored.
 *
 * <p>A row is quarantined, with its first problem, when: its field count differs from the
 * header's; {@code datacenter} is empty; {@code month} is not YYYY-MM; an energy, factor or
 * amount is empty, not a decimal or negative; {@code pue} is below 1; it gives scope 1 both
 * ways (ambiguous) or neither, or only some of the four fuel and refrigerant values; or it
 * names the same datacenter and month as an earlier row of the file, which is kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatacenterMonthCsvReader {

    static final String DATACENTER = "datacenter";
    static final String MONTH = "month";
    static final String IT_ENERGY = "it_energy_kwh";
    static final String PUE = "pue";
    static final String LOCATION_FACTOR = "location_kgco2e_per_kwh";
    static final String MARKET_FACTOR = "market_kgco2e_per_kwh";
    static final String SCOPE1 = "scope1_kgco2e";
    static final String DIESEL_LITRES = "diesel_litres";
    static final String DIESEL_FACTOR = "diesel_kgco2e_per_litre";
    static final String REFRIGERANT_KG = "refrigerant_kg";
    static final String REFRIGERANT_GWP = "refrigerant_gwp";

    static final List<String> REQUIRED_COLUMNS = List.of(DATACENTER, MONTH, IT_ENERGY, PUE,
            LOCATION_FACTOR, MARKET_FACTOR, SCOPE1);
    static final List<String> FUEL_COLUMNS =
            List.of(DIESEL_LITRES, DIESEL_FACTOR, REFRIGERANT_KG, REFRIGERANT_GWP);

    private static final List<String> KNOWN_COLUMNS =
            Stream.concat(REQUIRED_COLUMNS.stream(), FUEL_COLUMNS.stream()).toList();

    /**
     * Reads the file and hands each row to {@code sink} as it is read.
     *
     * @param in     the file's bytes, UTF-8 with or without a byte order mark; not closed here
     * @param source the file's name, for messages
     * @throws CsvFormatException before any row reaches the sink when the input is empty, is
     *                            not CSV, lacks required columns, or has only some of the fuel
     *                            and refrigerant columns (all missing ones are named); part
     *                            way through when the CSV itself breaks
     */
    public ReadSummary read(InputStream in, String source, RowSink<DatacenterMonthRow> sink) {
        CsvSource csv = CsvSource.open(in, source, KNOWN_COLUMNS);
        refuseMissingColumns(csv.header(), source);
        FirstRows<Key> reports = new FirstRows<>("datacenter and month");

        return csv.readRows(row -> toReport(row, reports), sink);
    }

    /** The required columns, and the fuel columns when the file has any of them. */
    private static void refuseMissingColumns(CsvHeader header, String source) {
        boolean anyFuel = FUEL_COLUMNS.stream().anyMatch(header::has);
        List<String> expected = anyFuel ? KNOWN_COLUMNS : REQUIRED_COLUMNS;

        MethodologyCsv.requireColumns(header, source, expected, "a datacenter months file");
    }

    private static DatacenterMonthRow toReport(CsvRow row, FirstRows<Key> reports) {
        String datacenter = row.requiredText(DATACENTER, "expected a datacenter's name");
        YearMonth month = row.requiredMonth(MONTH, "expected a month as YYYY-MM");
        BigDecimal itEnergy = row.nonNegativeDecimal(IT_ENERGY, "expected kWh");
        BigDecimal pue = pue(row);
        BigDecimal location = row.nonNegativeDecimal(LOCATION_FACTOR, "expected kgCO2e per kWh");
        BigDecimal market = row.nonNegativeDecimal(MARKET_FACTOR, "expected kgCO2e per kWh");
        BigDecimal scope1 = scope1(row);
        reports.claim(new Key(datacenter, month), row);

        return new DatacenterMonthRow(
                row.number(), datacenter, month, itEnergy, pue, location, market, scope1);
    }

    private static BigDecimal pue(CsvRow row) {
        BigDecimal pue = row.requiredDecimal(PUE, "expected facility energy ÷ IT energy");
        if (pue.compareTo(BigDecimal.ONE) < 0) {
            throw new RowRejectedException(PUE, "pue " + CsvRow.quote(row.text(PUE))
                    + " is below 1; a PUE below 1 is physically impossible, since the"
                    + " facility draws at least what its IT equipment draws");
        }
        return pue;
    }

    /** Scope 1 as given, or from fuel and refrigerant; exactly one of the two. */
    private static BigDecimal scope1(CsvRow row) {
        String given = row.text(SCOPE1);
        List<String> fuelGiven = FUEL_COLUMNS.stream()
                .filter(column -> row.text(column) != null)
                .toList();

        if (given != null && !fuelGiven.isEmpty()) {
            throw new RowRejectedException(SCOPE1, "ambiguous scope 1: scope1_kgco2e "
                    + CsvRow.quote(given) + " is filled as well as " + String.join(", ", fuelGiven)
                    + "; give either scope1_kgco2e or the four fuel and refrigerant columns");
        }
        if (given != null) {
            return row.nonNegativeDecimal(SCOPE1, "expected kgCO2e");
        }
        if (fuelGiven.isEmpty()) {
            throw new RowRejectedException(SCOPE1, "scope1_kgco2e is empty and so are the fuel"
                    + " and refrigerant columns; give scope1_kgco2e (0 if there were none) or "
                    + String.join(", ", FUEL_COLUMNS));
        }
        return scope1FromFuel(row);
    }

    private static BigDecimal scope1FromFuel(CsvRow row) {
        String why = "the other fuel and refrigerant columns are filled";
        BigDecimal dieselLitres = row.nonNegativeDecimal(DIESEL_LITRES, why);
        BigDecimal dieselFactor = row.nonNegativeDecimal(DIESEL_FACTOR, why);
        BigDecimal refrigerantKg = row.nonNegativeDecimal(REFRIGERANT_KG, why);
        BigDecimal refrigerantGwp = row.nonNegativeDecimal(REFRIGERANT_GWP, why);

        return dieselLitres.multiply(dieselFactor).add(refrigerantKg.multiply(refrigerantGwp));
    }

    private record Key(String datacenter, YearMonth month) {
    }
}
