package dev.aicarbon.spark;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.AllocationResult;
import dev.aicarbon.allocation.Allocator;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The allocation the service makes of the same files, in process and without Spark: its
 * readers, its import's account and month rules (FocusLoader, EmissionsLoader), its input
 * rules (AllocationInputs: Usage lines only, id = content hash and row), and the engine.
 */
final class ServiceReference {

    /** How a reference line is named, from its file's place in the inputs and its row. */
    @FunctionalInterface
    interface LineIds {
        String of(Path file, int dataRowsBefore, int row) throws IOException;
    }

    /** The service's rule: the file's SHA-256 and the row, zero-padded. */
    static final LineIds SERVICE_IDS = (file, before, row) ->
            sha256(file) + "#" + String.format("%010d", row);

    private ServiceReference() {
    }

    static AllocationResult allocate(List<Path> focusFiles, Path emissionsFile, YearMonth month,
            AllocationPolicy policy, LineIds ids) throws IOException {
        return new Allocator(policy).allocate(cells(emissionsFile, month),
                lines(focusFiles, month, ids));
    }

    static List<UsageLine> lines(List<Path> files, YearMonth month, LineIds ids)
            throws IOException {
        List<UsageLine> lines = new ArrayList<>();
        int dataRowsBefore = 0;
        for (Path file : files) {
            List<FocusLine> read = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                new FocusCsvReader().read(in, file.getFileName().toString(), collect(read));
            }
            for (FocusLine line : read) {
                YearMonth lineMonth = YearMonth.from(line.chargePeriodStart().atZone(ZoneOffset.UTC));
                if (line.chargeCategory().equals("Usage") && lineMonth.equals(month)) {
                    String account = AccountIds.canonical(line.providerCode(),
                            line.subAccountId() != null ? line.subAccountId() : line.billingAccountId());
                    lines.add(new UsageLine(ids.of(file, dataRowsBefore, line.row()),
                            line.providerCode(), account, lineMonth, line.regionId(),
                            line.serviceName(), line.listCost(), line.effectiveCost(),
                            line.consumedQuantity(), line.tags(), line.resourceId()));
                }
            }
            dataRowsBefore += read.size();
        }
        return lines;
    }

    static List<EmissionsCell> cells(Path file, YearMonth month) throws IOException {
        List<EmissionsRow> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new EmissionsCsvReader().read(in, file.getFileName().toString(), collect(rows));
        }
        return rows.stream()
                .filter(row -> row.month().equals(month))
                .map(row -> new EmissionsCell("cell-" + row.row(), row.provider(),
                        AccountIds.canonical(row.provider(), row.accountId()), row.month(),
                        row.region(), row.service(), row.resourceId(), emissions(row),
                        row.scope2LocationFromMarket()))
                .toList();
    }

    private static Emissions emissions(EmissionsRow row) {
        return row.scopeCombined()
                ? Emissions.ofCombinedTotals(row.totalLocationKgCo2e(), row.totalMarketKgCo2e())
                : Emissions.ofScopes(row.scope1KgCo2e(), row.scope2LocationKgCo2e(),
                        row.scope2MarketKgCo2e(), row.scope3KgCo2e());
    }

    /** Keeps accepted rows; the generated months have no bad rows, so a problem is a bug. */
    private static <T> RowSink<T> collect(List<T> into) {
        return new RowSink<>() {
            @Override
            public void accept(T record) {
                into.add(record);
            }

            @Override
            public void quarantine(RowProblem problem) {
                throw new AssertionError("the generated file has a bad row: " + problem);
            }
        };
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
