package dev.aicarbon.service.methodology;

import dev.aicarbon.allocation.methodology.ConsumerResult;
import dev.aicarbon.allocation.methodology.DatacenterResult;
import dev.aicarbon.allocation.methodology.MethodologyInputs;
import dev.aicarbon.allocation.methodology.MethodologyResult;
import dev.aicarbon.allocation.methodology.RegionFactors;
import dev.aicarbon.allocation.methodology.RegionResult;
import dev.aicarbon.allocation.methodology.SevenStepModel;
import dev.aicarbon.allocation.methodology.UnresolvedReferenceException;
import dev.aicarbon.service.allocation.NothingToAllocateException;
import dev.aicarbon.service.config.CarbonConfig;
import dev.aicarbon.service.db.NativeSql;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs the seven-step methodology for a month and publishes its results.
 *
 * <p>As with allocation runs: one transaction, serialised per month by an advisory lock, the
 * month's previous published run superseded, and on failure nothing changes.
 */
@ApplicationScoped
public class MethodologyService {

    private static final Logger LOG = Logger.getLogger(MethodologyService.class);

    /** Advisory lock namespace of methodology runs, apart from allocation runs'. */
    private static final long LOCK_NAMESPACE = 0x6d65_7468_6f64_0000L;

    @Inject
    CarbonConfig config;

    /**
     * @param lifetimeMonths amortisation period, or null for the configured one (72)
     * @throws MethodologyInputException when stored inputs reference unknown things
     * @throws NothingToAllocateException when the month has no energy, usage or amortising asset
     */
    @Transactional
    public MethodologyRunView run(YearMonth month, Integer lifetimeMonths) {
        MDC.put("month", month.toString());
        try {
            lock(month);
            Instant startedAt = Instant.now();
            Set<String> derivedRegions = new HashSet<>();
            MethodologyInputs inputs = MethodologyInputsQuery.read(month, config.allocation().policy(),
                    derivedRegions);
            MethodologyResult result = compute(month, inputs, lifetimeMonths);
            if (nothingIn(inputs, result)) {
                throw new NothingToAllocateException("no methodology inputs for " + month
                        + ": no datacenter energy, no usage and no asset amortising");
            }
            long runId = publish(month, lifetime(lifetimeMonths), startedAt, inputs, result,
                    derivedRegions);
            LOG.infof("Methodology run %d of %s: %d datacenters, %d regions, %d consumers",
                    runId, month, result.datacenters().size(), result.regions().size(),
                    result.consumers().size());
            return find(runId).orElseThrow();
        } finally {
            MDC.remove("month");
        }
    }

    @Transactional
    public Optional<MethodologyRunView> find(long runId) {
        return MethodologyRuns.list("where id = ?1", runId).stream().findFirst();
    }

    @Transactional
    public List<MethodologyRunView> list(YearMonth month) {
        return month == null
                ? MethodologyRuns.list("order by id desc")
                : MethodologyRuns.list("where month = ?1 order by id desc", month.toString());
    }

    private MethodologyResult compute(YearMonth month, MethodologyInputs inputs, Integer lifetimeMonths) {
        try {
            return new SevenStepModel(config.methodology().policy(lifetimeMonths)).compute(month, inputs);
        } catch (UnresolvedReferenceException e) {
            throw new MethodologyInputException(
                    "methodology inputs of " + month + " do not resolve", e.problems());
        }
    }

    private static boolean nothingIn(MethodologyInputs inputs, MethodologyResult result) {
        return inputs.datacenterMonths().isEmpty()
                && inputs.usage().isEmpty()
                && result.datacenters().stream().allMatch(dc -> dc.assetsAmortising() == 0);
    }

    private int lifetime(Integer lifetimeMonths) {
        return lifetimeMonths != null ? lifetimeMonths : config.methodology().lifetimeMonths();
    }

    private static void lock(YearMonth month) {
        NativeSql.lockMonthForTransaction(LOCK_NAMESPACE, month);
    }

    private static long publish(YearMonth month, int lifetimeMonths, Instant startedAt,
            MethodologyInputs inputs, MethodologyResult result, Set<String> derivedRegions) {
        long runId = NativeSql.nextval("methodology_run_seq");
        supersede(month, runId);
        NativeSql.update("insert into methodology_run (id, month, status, lifetime_months, started_at,"
                        + " finished_at, assets, datacenters, regions, consumers)"
                        + " values (?1, ?2, 'current', ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                runId, month.toString(), lifetimeMonths, Timestamp.from(startedAt),
                Timestamp.from(Instant.now()), inputs.assets().size(), result.datacenters().size(),
                result.regions().size(), result.consumers().size());
        NativeSql.update("update methodology_run set superseded_by = ?1 where month = ?2 and status = 'superseded'"
                + " and superseded_by is null and id <> ?1", runId, month.toString());
        Map<String, String> providers = RegionProviders.read();
        writeDatacenters(runId, month, result.datacenters(), providers);
        writeRegions(runId, month, result.regions(), providers, derivedRegions);
        writeConsumers(runId, month, result.consumers(), providers);
        return runId;
    }

    private static void supersede(YearMonth month, long runId) {
        NativeSql.update("update methodology_run set status = 'superseded', superseded_at = now()"
                + " where month = ?1 and status in ('current', 'stale')", month.toString());
        Panache.getEntityManager().flush();
    }

    private static void writeDatacenters(long runId, YearMonth month, List<DatacenterResult> datacenters,
            Map<String, String> providers) {
        for (DatacenterResult datacenter : datacenters) {
            NativeSql.update("insert into methodology_datacenter_result (run_id, month, datacenter, region,"
                            + " provider, assets_amortising, it_energy_kwh, energy_reported, "
                            + Columns.NAMES + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                            + " ?9, ?10, ?11, ?12, ?13, ?14)",
                    concat(new Object[] {runId, month.toString(), datacenter.datacenter(),
                        datacenter.region(), providers.get(datacenter.region()),
                        datacenter.assetsAmortising(), datacenter.itEnergyKwh(),
                        datacenter.energyReported()}, Columns.values(datacenter.emissions())));
        }
    }

    private static void writeRegions(long runId, YearMonth month, List<RegionResult> regions,
            Map<String, String> providers, Set<String> derivedRegions) {
        for (RegionResult region : regions) {
            RegionFactors factors = region.factors();
            NativeSql.update("insert into methodology_region_result (run_id, month, region, provider,"
                            + " usage_source, total_usage, scope1_kgco2e_per_unit,"
                            + " scope2_location_kgco2e_per_unit, scope2_market_kgco2e_per_unit,"
                            + " scope3_kgco2e_per_unit, " + Columns.NAMES + ", "
                            + Columns.NAMES.replace("scope", "unused_scope") + ") values (?1, ?2, ?3,"
                            + " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                            + " ?19, ?20, ?21, ?22)",
                    concat(new Object[] {runId, month.toString(), region.region(),
                        providers.get(region.region()),
                        derivedRegions.contains(region.region()) ? "focus" : "imported",
                        region.totalUsage(),
                        factors == null ? null : factors.scope1KgCo2ePerUnit(),
                        factors == null ? null : factors.scope2LocationKgCo2ePerUnit(),
                        factors == null ? null : factors.scope2MarketKgCo2ePerUnit(),
                        factors == null ? null : factors.scope3KgCo2ePerUnit()},
                            Columns.values(region.emissions()), Columns.values(region.unusedCapacity())));
        }
    }

    private static void writeConsumers(long runId, YearMonth month, List<ConsumerResult> consumers,
            Map<String, String> providers) {
        for (ConsumerResult consumer : consumers) {
            ConsumerName name = ConsumerName.parse(consumer.consumer());
            NativeSql.update("insert into methodology_consumer_result (run_id, month, consumer, project, workload,"
                            + " region, provider, service_model, normalised_usage, weighted_usage, "
                            + Columns.NAMES + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                            + " ?12, ?13, ?14, ?15, ?16)",
                    concat(new Object[] {runId, month.toString(), consumer.consumer(), name.project(),
                        name.workload(), consumer.region(), providers.get(consumer.region()),
                        consumer.serviceModel().label(), consumer.normalisedUsage(),
                        consumer.weightedUsage()}, Columns.values(consumer.emissions())));
        }
    }

    private static Object[] concat(Object[]... parts) {
        List<Object> all = new ArrayList<>();
        for (Object[] part : parts) {
            all.addAll(Arrays.asList(part));
        }
        return all.toArray();
    }

    /** The provider of each region whose datacenters all name the same one. */
    static final class RegionProviders {

        private RegionProviders() {
        }

        static Map<String, String> read() {
            Map<String, String> providers = new HashMap<>();
            for (Object[] row : NativeSql.rows("select region, min(provider)"
                    + " from datacenter group by region"
                    + " having count(distinct provider) = 1 and count(provider) = count(*)")) {
                providers.put((String) row[0], (String) row[1]);
            }
            return providers;
        }
    }
}
