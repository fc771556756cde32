package dev.aicarbon.providers.gcp;

import dev.aicarbon.providers.emissions.EmissionsRow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Sums Carbon Footprint rows into emissions cells: one per project, month, region and
 * service.
 *
 * <p>Google reports a row per billing account, project, service and {@code location.location},
 * which may be a zone, a region or a country, so several rows fall into one region-level
 * cell, and a project that moved between billing accounts in a month has a row under each.
 * The canonical emissions file allows one row per cell, so they are added up here, exactly.
 * A cell keeps the row number of its first row. Holds one entry per cell, not per row.
 */
final class CarbonFootprintCells {

    static final String PROVIDER = "gcp";

    private final Map<CellKey, EmissionsRow> cells = new LinkedHashMap<>();
    private final SortedSet<String> modelVersions = new TreeSet<>();
    private int rowsAdded;

    void add(CarbonFootprintRow row) {
        CellKey key = new CellKey(row.projectId(), row.month(), row.region(), row.service());
        cells.merge(key, toEmissionsRow(row), CarbonFootprintCells::sum);
        if (row.modelVersion() != null) {
            modelVersions.add(row.modelVersion());
        }
        rowsAdded++;
    }

    /** The cells, in the order their first rows came. */
    List<EmissionsRow> emissionsRows() {
        return List.copyOf(cells.values());
    }

    /** The distinct {@code carbon_model_version}s of the rows added, in text order. */
    SortedSet<String> modelVersions() {
        return new TreeSet<>(modelVersions);
    }

    int rowsAdded() {
        return rowsAdded;
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    private static EmissionsRow toEmissionsRow(CarbonFootprintRow row) {
        return EmissionsRow.ofScopes(row.row(), PROVIDER, row.projectId(), row.month(),
                row.region(), row.service(), row.scope1KgCo2e(), row.scope2LocationKgCo2e(),
                row.scope2MarketKgCo2e(), row.scope3KgCo2e());
    }

    private static EmissionsRow sum(EmissionsRow first, EmissionsRow next) {
        return EmissionsRow.ofScopes(first.row(), PROVIDER, first.accountId(), first.month(),
                first.region(), first.service(),
                add(first.scope1KgCo2e(), next.scope1KgCo2e()),
                add(first.scope2LocationKgCo2e(), next.scope2LocationKgCo2e()),
                add(first.scope2MarketKgCo2e(), next.scope2MarketKgCo2e()),
                add(first.scope3KgCo2e(), next.scope3KgCo2e()));
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    private record CellKey(String projectId, YearMonth month, String region, String service) {
    }
}
