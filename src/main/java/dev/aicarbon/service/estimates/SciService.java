package dev.aicarbon.service.estimates;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.allocation.estimate.Sci;
import dev.aicarbon.service.api.BadParameterException;
import dev.aicarbon.service.query.EmissionsQuery;
import dev.aicarbon.service.query.EmissionsReport;
import dev.aicarbon.service.query.EmissionsRowView;
import dev.aicarbon.service.query.GroupKey;
import dev.aicarbon.service.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Software Carbon Intensity per functional unit: SCI = (operational + embodied) / units, per
 * month. Operational is scope 1 + scope 2 location-based (market-based instruments never
 * lower SCI), embodied is scope 3; a provider's scope-combined location-based total counts
 * whole, flagged, since it cannot be split. The figures are the project's provider-reported
 * ones (allocated, or estimated where not published yet), else its modelled ones; the basis
 * is shown.
 */
@ApplicationScoped
public class SciService {

    @Inject
    EmissionsQuery emissions;

    /** A project's functional unit. */
    public record FunctionalUnit(String unit, String description) {
    }

    /** A month's SCI. */
    @Schema(description = "SCI in kgCO2e per functional unit; operational = scope 1 + scope 2 "
            + "location-based, embodied = scope 3, kgCO2e")
    public record SciRow(String month, String unit, BigDecimal units, String basis,
            BigDecimal operationalKgCo2e, BigDecimal embodiedKgCo2e, BigDecimal scopeCombinedKgCo2e,
            BigDecimal sciKgCo2ePerUnit, List<String> flags) {
    }

    @Transactional
    public FunctionalUnit define(String project, FunctionalUnit unit) {
        if (unit == null || unit.unit() == null || unit.unit().isBlank()) {
            throw new BadParameterException("unit", "unit is required, e.g. thousand-inferences");
        }
        NativeSql.update("""
                insert into functional_unit (project, unit, description, created_at) values (?1, ?2, ?3, now())
                on conflict (project) do update set unit = excluded.unit, description = excluded.description""",
                project, unit.unit().strip(), unit.description());
        return new FunctionalUnit(unit.unit().strip(), unit.description());
    }

    @Transactional
    public void count(String project, YearMonth month, BigDecimal units) {
        if (units == null || units.signum() < 0) {
            throw new BadParameterException("units", "units must be zero or more");
        }
        if (unitOf(project).isEmpty()) {
            throw new BadParameterException("unit", "define the project's functional unit first");
        }
        NativeSql.update("""
                insert into functional_unit_count (project, month, units) values (?1, ?2, ?3)
                on conflict (project, month) do update set units = excluded.units""",
                project, month.toString(), units);
    }

    @Transactional
    public List<SciRow> sci(String project, YearMonth from, YearMonth to) {
        FunctionalUnit unit = unitOf(project).orElseThrow(() -> new BadParameterException("unit",
                "the project has no functional unit; PUT /api/v1/projects/" + project + "/functional-unit"));
        Map<String, BigDecimal> counts = counts(project, from, to);
        EmissionsReport report = emissions.report(project, from, to, List.of(GroupKey.MONTH));
        Map<String, EmissionsRowView> chosen = new HashMap<>();
        for (EmissionsRowView row : report.rows()) {
            String month = row.keys().get("month");
            boolean reported = EmissionsQuery.PROVIDER_REPORTED.equals(row.keys().get("basis"));
            if (reported || !chosen.containsKey(month)) {
                chosen.put(month, row);
            }
        }
        List<SciRow> rows = new ArrayList<>();
        chosen.keySet().stream().sorted().forEach(month -> {
            BigDecimal units = counts.get(month);
            if (units != null && units.signum() > 0) {
                rows.add(row(month, unit.unit(), units, chosen.get(month)));
            }
        });
        return rows;
    }

    private static SciRow row(String month, String unit, BigDecimal units, EmissionsRowView row) {
        var amounts = row.emissions();
        BigDecimal operational = amounts.scope1KgCo2e().add(amounts.scope2LocationKgCo2e());
        BigDecimal embodied = amounts.scope3KgCo2e();
        BigDecimal combined = amounts.scopeCombinedLocationKgCo2e();
        BigDecimal sci = Sci.perUnit(operational.add(combined), embodied, units);
        return new SciRow(month, unit, plain(units), row.keys().get("basis"), plain(operational),
                plain(embodied), plain(combined), plain(sci), row.flags());
    }

    private static Optional<FunctionalUnit> unitOf(String project) {
        List<Object[]> rows = NativeSql.rows("select unit, description from functional_unit where project = ?1",
                project);
        return rows.stream().findFirst().map(row -> new FunctionalUnit((String) row[0], (String) row[1]));
    }

    static Map<String, BigDecimal> counts(String project, YearMonth from, YearMonth to) {
        List<Object[]> rows = NativeSql.rows("select month, units from functional_unit_count"
                + " where project = ?1 and month between ?2 and ?3", project, from.toString(), to.toString());
        Map<String, BigDecimal> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (BigDecimal) row[1]));
        return counts;
    }
}
