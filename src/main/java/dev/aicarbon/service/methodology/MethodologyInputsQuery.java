package dev.aicarbon.service.methodology;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.methodology.Asset;
import dev.aicarbon.allocation.methodology.BomLine;
import dev.aicarbon.allocation.methodology.ComponentFactor;
import dev.aicarbon.allocation.methodology.ConsumerUsage;
import dev.aicarbon.allocation.methodology.Datacenter;
import dev.aicarbon.allocation.methodology.DatacenterMonth;
import dev.aicarbon.allocation.methodology.HardwareModel;
import dev.aicarbon.allocation.methodology.MethodologyInputs;
import dev.aicarbon.allocation.methodology.ServiceModel;
import dev.aicarbon.allocation.methodology.StageAmounts;
import dev.aicarbon.service.db.NativeSql;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the stored reference data and one month's energy and usage into the engine's types. */
final class MethodologyInputsQuery {

    private MethodologyInputsQuery() {
    }

    /**
     * The inputs of {@code month}. Regions without imported usage that month take their
     * usage from FOCUS lines of the region ({@link FocusUsage}); those regions are added to
     * {@code derivedRegions}.
     */
    static MethodologyInputs read(YearMonth month, AllocationPolicy policy, Set<String> derivedRegions) {
        List<Datacenter> datacenters = datacenters();
        List<ConsumerUsage> usage = new ArrayList<>(usage(month));
        Set<String> withoutUsage = new TreeSet<>();
        datacenters.forEach(datacenter -> withoutUsage.add(datacenter.region()));
        usage.forEach(row -> withoutUsage.remove(row.region()));
        List<ConsumerUsage> derived = FocusUsage.derive(month, withoutUsage, policy);
        derived.forEach(row -> derivedRegions.add(row.region()));
        usage.addAll(derived);
        return new MethodologyInputs(factors(), models(), datacenters, assets(),
                datacenterMonths(month), usage);
    }

    private static List<ComponentFactor> factors() {
        return NativeSql.rows("select component, unit, manufacturing_kgco2e, transport_kgco2e,"
                + " end_of_life_kgco2e from component_factor order by component").stream()
                .map(row -> new ComponentFactor((String) row[0], (String) row[1],
                        new StageAmounts(decimal(row[2]), decimal(row[3]), decimal(row[4]))))
                .toList();
    }

    private static List<HardwareModel> models() {
        Map<String, List<BomLine>> lines = new LinkedHashMap<>();
        for (Object[] row : NativeSql.rows("select model, component, quantity from hardware_model_component"
                + " order by model, component")) {
            lines.computeIfAbsent((String) row[0], model -> new ArrayList<>())
                    .add(new BomLine((String) row[1], decimal(row[2])));
        }
        return lines.entrySet().stream()
                .map(entry -> new HardwareModel(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static List<Datacenter> datacenters() {
        return NativeSql.rows("select datacenter, region from datacenter order by datacenter").stream()
                .map(row -> new Datacenter((String) row[0], (String) row[1]))
                .toList();
    }

    private static List<Asset> assets() {
        return NativeSql.rows("select asset_id, model, datacenter, in_service_date, retired_date from asset"
                + " order by asset_id").stream()
                .map(row -> new Asset((String) row[0], (String) row[1], (String) row[2],
                        date(row[3]), date(row[4])))
                .toList();
    }

    private static List<DatacenterMonth> datacenterMonths(YearMonth month) {
        return NativeSql.rows("select datacenter, it_energy_kwh, pue, location_kgco2e_per_kwh,"
                + " market_kgco2e_per_kwh, scope1_kgco2e from datacenter_month where month = ?1"
                + " order by datacenter", month.toString()).stream()
                .map(row -> new DatacenterMonth((String) row[0], month, decimal(row[1]),
                        decimal(row[2]), decimal(row[3]), decimal(row[4]), decimal(row[5])))
                .toList();
    }

    private static List<ConsumerUsage> usage(YearMonth month) {
        return NativeSql.rows("select region, consumer, service_model, normalised_usage from consumer_usage"
                + " where month = ?1 order by region, consumer, service_model", month.toString()).stream()
                .map(row -> new ConsumerUsage((String) row[0], month, (String) row[1],
                        ServiceModel.fromLabel((String) row[2]).orElseThrow(), decimal(row[3])))
                .toList();
    }

    private static BigDecimal decimal(Object value) {
        return (BigDecimal) value;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }
}
