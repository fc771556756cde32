package dev.aicarbon.providers.emissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@link EmissionsRow}s as the canonical emissions CSV that {@link EmissionsCsvReader}
 * reads, so that data pulled from a provider enters through the same import as a file.
 *
 * <p>Amounts are written as plain decimals, exactly as held (no rounding, no exponent). The
 * header always carries every column; cells a row does not use are empty. Not thread-safe.
 */
public final class EmissionsCsvWriter implements AutoCloseable {

    /** The header, in writing order. */
    public static final List<String> HEADER = Stream.of(
                    List.of(EmissionsCsvReader.PROVIDER, EmissionsCsvReader.ACCOUNT_ID,
                            EmissionsCsvReader.MONTH, EmissionsCsvReader.REGION,
                            EmissionsCsvReader.SERVICE, EmissionsCsvReader.RESOURCE_ID),
                    EmissionsCsvReader.SCOPE_COLUMNS,
                    EmissionsCsvReader.TOTAL_COLUMNS,
                    List.of(EmissionsCsvReader.SCOPE2_LOCATION_FROM_MARKET))
            .flatMap(List::stream)
            .toList();

    private final CSVPrinter printer;

    /** Starts a file on {@code out} with the header; {@link #close()} closes {@code out}. */
    public EmissionsCsvWriter(Writer out) {
        try {
            this.printer = CSVFormat.RFC4180.builder()
                    .setRecordSeparator('\n')
                    .get()
                    .print(out);
            printer.printRecord(HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the emissions CSV", e);
        }
    }

    /** Appends one row; its {@code row} number is not written. */
    public void write(EmissionsRow row) {
        try {
            printer.printRecord(row.provider(), row.accountId(), row.month().toString(),
                    row.region(), row.service(), row.resourceId(),
                    plain(row.scope1KgCo2e()), plain(row.scope2LocationKgCo2e()),
                    plain(row.scope2MarketKgCo2e()), plain(row.scope3KgCo2e()),
                    plain(row.totalLocationKgCo2e()), plain(row.totalMarketKgCo2e()),
                    row.scope2LocationFromMarket() ? "true" : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emissions CSV", e);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the emissions CSV", e);
        }
    }
}
