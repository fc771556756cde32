package dev.aicarbon.service.bench;

import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.allocation.EmissionsCell;
import dev.aicarbon.allocation.UsageLine;
import dev.aicarbon.providers.AccountIds;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.csv.RowSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A {@link SyntheticMonth}'s files read back as the engine takes them, for the bench's
 * in-memory phase and for tests that compare the engine with the service. Every row of a
 * generated file is meant to be accepted: a refused one is a broken generator and throws.
 */
public final class SyntheticMonthFiles {

    private SyntheticMonthFiles() {
    }

    /** The FOCUS file's lines as the engine takes them, each id given by its row number. */
    public static List<UsageLine> usageLines(Path focus, YearMonth month, IntFunction<String> idOfRow) {
        List<UsageLine> lines = new ArrayList<>();
        read(focus, in -> new FocusCsvReader().read(in, "focus.csv", everyRow((FocusLine line) -> lines.add(
                new UsageLine(idOfRow.apply(line.row()), line.providerCode(),
                        AccountIds.canonical(line.providerCode(), line.subAccountId()), month,
                        line.regionId(), line.serviceName(), line.listCost(), line.effectiveCost(),
                        line.consumedQuantity(), line.tags(), line.resourceId())))));
        return lines;
    }

    /** The emissions file's cells as the engine takes them, ids {@code cell-<row>}. */
    public static List<EmissionsCell> emissionsCells(Path emissions, YearMonth month) {
        List<EmissionsCell> cells = new ArrayList<>();
        read(emissions, in -> new EmissionsCsvReader().read(in, "emissions.csv", everyRow((EmissionsRow row) -> {
            Emissions amount = row.scopeCombined()
                    ? Emissions.ofCombinedTotals(row.totalLocationKgCo2e(), row.totalMarketKgCo2e())
                    : Emissions.ofScopes(row.scope1KgCo2e(), row.scope2LocationKgCo2e(),
                            row.scope2MarketKgCo2e(), row.scope3KgCo2e());
            cells.add(new EmissionsCell("cell-" + row.row(), row.provider(),
                    AccountIds.canonical(row.provider(), row.accountId()), month, row.region(),
                    row.service(), amount));
        })));
        return cells;
    }

    /** Hands {@code reading} the file opened, and closes it. */
    public static void read(Path file, Consumer<InputStream> reading) {
        try (InputStream in = Files.newInputStream(file)) {
            reading.accept(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sink taking every record; a refused row is a broken generator, so it throws. */
    private static <T> RowSink<T> everyRow(Consumer<T> accept) {
        return new RowSink<>() {
            @Override
            public void accept(T record) {
                accept.accept(record);
            }

            @Override
            public void quarantine(RowProblem problem) {
                throw new IllegalStateException(
                        "generated row " + problem.row() + " refused: " + problem.reason());
            }
        };
    }
}
