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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Sums the results of published runs by the requested keys, on two bases kept apart:
 * {@code provider-reported} (provider emissions allocated over usage) and {@code modelled}
 * (the seven-step methodology). Every row and every total belongs to one basis; the two are
 * never added together. Rows of a stale run carry the flag {@code stale}.
 *
 * <p>Job estimates stand in for provider-reported figures not published yet: an estimate of
 * a project, month and provider counts, flagged {@code estimated}, until that month has
 * allocated rows of that provider (any provider, for an estimate that names none); then the
 * allocation replaces it. The estimates stay stored, so their error can be measured.
 */
@ApplicationScoped
public class EmissionsQuery {

    public static final String PROVIDER_REPORTED = "provider-reported";
    public static final String MODELLED = "modelled";

    /**
     * Both bases as one relation {@code x} of the same columns. Modelled consumers are a project (or
     * themselves) by name, their service model stands in the service column, and a region's
     * unused capacity is the pseudo-project unused-capacity, so a month's modelled rows add
     * up to the modelled region emissions.
     */
    public static final String BOTH_BASES = "(select 'provider-reported' as basis,"
            + " coalesce(r.project, r.bucket) as project, r.month, r.provider, r.account_id as account,"
            + " r.region, r.service, r.workload, r.stage, r.flags, r.scope1_kgco2e as s1,"
            + " r.scope2_location_kgco2e as s2l, r.scope2_market_kgco2e as s2m, r.scope3_kgco2e as s3,"
            + " r.combined_location_kgco2e as cl, r.combined_market_kgco2e as cm,"
            + " run.status = 'stale' as stale"
            + " from allocation_row r join allocation_run run on run.id = r.run_id"
            + " where run.status in ('current', 'stale')"
            + " union all"
            + " select 'provider-reported', e.project, e.month, e.provider, null, e.region, null,"
            + " e.workload, e.stage, 'estimated', 0, e.scope2_location_kgco2e, e.scope2_market_kgco2e,"
            + " e.scope3_kgco2e, 0, 0, false from estimate e"
            + " where not exists (select 1 from allocation_row a join allocation_run ar on ar.id = a.run_id"
            + " where ar.status in ('current', 'stale') and a.month = e.month"
            + " and (e.provider is null or a.provider = e.provider))"
            + " union all"
            + " select 'modelled', c.project, c.month, c.provider, null, c.region, c.service_model,"
            + " c.workload, null, '', c.scope1_kgco2e, c.scope2_location_kgco2e, c.scope2_market_kgco2e,"
            + " c.scope3_manufacturing_kgco2e + c.scope3_transport_kgco2e + c.scope3_end_of_life_kgco2e,"
            + " 0, 0, run.status = 'stale'"
            + " from methodology_consumer_result c join methodology_run run on run.id = c.run_id"
            + " where run.status in ('current', 'stale')"
            + " union all"
            + " select 'modelled', 'unused-capacity', m.month, m.provider, null, m.region, null, null,"
            + " null, '', m.unused_scope1_kgco2e, m.unused_scope2_location_kgco2e,"
            + " m.unused_scope2_market_kgco2e, m.unused_scope3_manufacturing_kgco2e"
            + " + m.unused_scope3_transport_kgco2e + m.unused_scope3_end_of_life_kgco2e, 0, 0,"
            + " run.status = 'stale'"
            + " from methodology_region_result m join methodology_run run on run.id = m.run_id"
            + " where run.status in ('current', 'stale') and (m.unused_scope1_kgco2e <> 0"
            + " or m.unused_scope2_location_kgco2e <> 0 or m.unused_scope2_market_kgco2e <> 0"
            + " or m.unused_scope3_manufacturing_kgco2e <> 0 or m.unused_scope3_transport_kgco2e <> 0"
            + " or m.unused_scope3_end_of_life_kgco2e <> 0)) x";

    private static final String AMOUNTS = "sum(x.s1), sum(x.s2l), sum(x.s2m), sum(x.s3), sum(x.cl),"
            + " sum(x.cm), string_agg(distinct x.flags, ','), bool_or(x.stale)";

    /**
     * @param project null for every project and bucket
     * @param from    first month, inclusive
     * @param to      last month, inclusive
     */
    @Transactional
    public EmissionsReport report(String project, YearMonth from, YearMonth to, List<GroupKey> groupBy) {
        return report(project, null, from, to, groupBy);
    }

    /**
     * As {@link #report(String, YearMonth, YearMonth, List)}, over the projects of
     * {@code scope} only (null for no limit): a project viewer's totals cover its projects and
     * nothing else, buckets included.
     */
    @Transactional
    public EmissionsReport report(String project, Set<String> scope, YearMonth from, YearMonth to,
            List<GroupKey> groupBy) {
        List<EmissionsRowView> rows = query(project, scope, from, to, groupBy);
        Map<String, EmissionsRowView> totals = new LinkedHashMap<>();
        for (EmissionsRowView total : query(project, scope, from, to, List.of())) {
            totals.put(total.keys().get("basis"), total);
        }
        List<String> keys = groupBy.stream().map(GroupKey::label).toList();
        return new EmissionsReport(project, from.toString(), to.toString(), keys, rows, totals, null);
    }

    /** The latest month with published rows for {@code project}, or any project when null. */
    @Transactional
    public YearMonth latestMonth(String project) {
        return latestMonth(project, null);
    }

    /** The latest month with published rows of the projects of {@code scope} (null: all). */
    @Transactional
    public YearMonth latestMonth(String project, Set<String> scope) {
        String sql = "select max(x.month) from " + BOTH_BASES + " where true"
                + (project == null ? "" : " and x.project = :project")
                + scopeCondition(scope);
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        if (project != null) {
            query.setParameter("project", project);
        }
        bindScope(query, scope);
        Object month = query.getSingleResult();
        return month == null ? null : YearMonth.parse(month.toString().strip());
    }

    private static String scopeCondition(Set<String> scope) {
        if (scope == null) {
            return "";
        }
        return scope.isEmpty() ? " and false" : " and x.project in (:scope)";
    }

    private static void bindScope(Query query, Set<String> scope) {
        if (scope != null && !scope.isEmpty()) {
            query.setParameter("scope", scope);
        }
    }

    private List<EmissionsRowView> query(String project, Set<String> scope, YearMonth from,
            YearMonth to, List<GroupKey> groupBy) {
        List<String> columns = new ArrayList<>(groupBy.stream().map(GroupKey::column).toList());
        columns.add("x.basis");
        String keyColumns = String.join(", ", columns);
        String ordering = columns.stream()
                .map(column -> column + " nulls first")
                .collect(Collectors.joining(", "));
        String sql = "select " + keyColumns + ", " + AMOUNTS + " from " + BOTH_BASES
                + " where x.month between :from and :to"
                + (project == null ? "" : " and x.project = :project")
                + scopeCondition(scope)
                + " group by " + keyColumns + " order by " + ordering;
        Query query = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("from", from.toString())
                .setParameter("to", to.toString());
        if (project != null) {
            query.setParameter("project", project);
        }
        bindScope(query, scope);
        return toRows(query.getResultList(), groupBy);
    }

    private static List<EmissionsRowView> toRows(List<?> results, List<GroupKey> groupBy) {
        List<EmissionsRowView> rows = new ArrayList<>();
        for (Object result : results) {
            Object[] columns = (Object[]) result;
            Map<String, String> keys = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                keys.put(groupBy.get(i).label(), text(columns[i]));
            }
            int at = groupBy.size();
            keys.put("basis", text(columns[at]));
            at++;
            Emissions emissions = new Emissions(decimal(columns[at]), decimal(columns[at + 1]),
                    decimal(columns[at + 2]), decimal(columns[at + 3]), decimal(columns[at + 4]),
                    decimal(columns[at + 5]));
            rows.add(new EmissionsRowView(keys, KgCo2eView.of(emissions),
                    flags(columns[at + 6], columns[at + 7])));
        }
        return rows;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
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
