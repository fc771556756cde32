package dev.aicarbon.service.allocation;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** Reading a generated month's files back, where every row is expected to be accepted. */
final class GeneratedMonthFiles {

    private GeneratedMonthFiles() {
    }

    /** The FOCUS file's lines as the engine takes them, each id given by its row number. */
    static List<UsageLine> usageLines(Path focus, YearMonth month, IntFunction<String> idOfRow)
            throws IOException {
        List<UsageLine> lines = new ArrayList<>();
        read(focus, in -> new FocusCsvReader().read(in, "focus.csv", everyRow((FocusLine line) -> lines.add(
                new UsageLine(idOfRow.apply(line.row()), line.providerCode(),
                        AccountIds.canonical(line.providerCode(), line.subAccountId()), month,
                        line.regionId(), line.serviceName(), line.listCost(), line.effectiveCost(),
                        line.consumedQuantity(), line.tags(), line.resourceId())))));
        return lines;
    }

    /** The emissions file's cells as the engine takes them, ids {@code cell-<row>}. */
    static List<EmissionsCell> emissionsCells(Path emissions, YearMonth month) throws IOException {
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

    static void read(Path file, Consumer<InputStream> reading) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            reading.accept(in);
        }
    }

    /** A sink taking every record; a refused row is a broken generator, so it fails the test. */
    static <T> RowSink<T> everyRow(Consumer<T> accept) {
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
