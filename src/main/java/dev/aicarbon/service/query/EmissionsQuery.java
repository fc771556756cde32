package dev.aicarbon.service.query;

import dev.aicarbon.allocation.Emissions;
import dev.aicarbon.service.api.KgCo2eView;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sums the rows of published allocation runs (status current or stale) by the requested
 * keys. Rows of a stale run carry the flag {@code stale}: an input was restated since and
 * the month wants a rerun.
 */
@ApplicationScoped
public class EmissionsQuery {

    private static final String AMOUNTS = "sum(r.scope1_kgco2e), sum(r.scope2_location_kgco2e),"
            + " sum(r.scope2_market_kgco2e), sum(r.scope3_kgco2e),"
            + " sum(r.combined_location_kgco2e), sum(r.combined_market_kgco2e),"
            + " string_agg(distinct r.flags, ','), bool_or(run.status = 'stale')";

    /**
     * @param project null for every project and bucket
     * @param from    first month, inclusive
     * @param to      last month, inclusive
     */
    @Transactional
    public EmissionsReport report(String project, YearMonth from, YearMonth to, List<GroupKey> groupBy) {
        List<EmissionsRowView> rows = query(project, from, to, groupBy);
        EmissionsRowView totals = query(project, from, to, List.of()).stream()
                .findFirst()
                .orElseGet(() -> row(Map.of(), Emissions.ZERO, List.of()));
        List<String> keys = groupBy.stream().map(GroupKey::label).toList();
        return new EmissionsReport(project, from.toString(), to.toString(), keys, rows, totals);
    }

    /** The latest month with published rows for {@code project}, or any project when null. */
    @Transactional
    public YearMonth latestMonth(String project) {
        String sql = "select max(r.month) from allocation_row r"
                + " join allocation_run run on run.id = r.run_id"
                + " where run.status in ('current', 'stale')"
                + (project == null ? "" : " and r.project = :project");
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        if (project != null) {
            query.setParameter("project", project);
        }
        Object month = query.getSingleResult();
        return month == null ? null : YearMonth.parse(month.toString().strip());
    }

    private List<EmissionsRowView> query(String project, YearMonth from, YearMonth to,
            List<GroupKey> groupBy) {
        String keyColumns = groupBy.stream().map(GroupKey::column).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("select ");
        if (!groupBy.isEmpty()) {
            sql.append(keyColumns).append(", ");
        }
        sql.append(AMOUNTS)
                .append(" from allocation_row r join allocation_run run on run.id = r.run_id")
                .append(" where run.status in ('current', 'stale')")
                .append(" and r.month between :from and :to");
        if (project != null) {
            sql.append(" and r.project = :project");
        }
        if (!groupBy.isEmpty()) {
            String ordering = groupBy.stream()
                    .map(key -> key.column() + " nulls first")
                    .collect(Collectors.joining(", "));
            sql.append(" group by ").append(keyColumns).append(" order by ").append(ordering);
        }
        Query query = Panache.getEntityManager().createNativeQuery(sql.toString())
                .setParameter("from", from.toString())
                .setParameter("to", to.toString());
        if (project != null) {
            query.setParameter("project", project);
        }
        return toRows(query.getResultList(), groupBy);
    }

    private static List<EmissionsRowView> toRows(List<?> results, List<GroupKey> groupBy) {
        List<EmissionsRowView> rows = new ArrayList<>();
        for (Object result : results) {
            Object[] columns = (Object[]) result;
            if (columns[groupBy.size()] == null) {
                continue;
            }
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                keys.put(groupBy.get(i).label(), columns[i] == null ? null : columns[i].toString().strip());
            }
            int at = groupBy.size();
            Emissions emissions = new Emissions(decimal(columns[at]), decimal(columns[at + 1]),
                    decimal(columns[at + 2]), decimal(columns[at + 3]), decimal(columns[at + 4]),
                    decimal(columns[at + 5]));
            rows.add(row(keys, emissions, flags(columns[at + 6], columns[at + 7])));
        }
        return rows;
    }

    private static EmissionsRowView row(Map<String, String> keys, Emissions emissions, List<String> flags) {
        return new EmissionsRowView(keys, KgCo2eView.of(emissions), flags);
    }

    private static List<String> flags(Object joined, Object stale) {
        TreeSet<String> flags = new TreeSet<>();
        if (joined != null) {
            for (String flag : joined.toString().split(",")) {
                if (!flag.isBlank()) {
                    flags.add(flag);
                }
            }
        }
        if (Boolean.TRUE.equals(stale)) {
            flags.add("stale");
        }
        return List.copyOf(flags);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }
}
