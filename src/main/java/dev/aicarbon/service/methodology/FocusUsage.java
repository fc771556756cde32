package dev.aicarbon.service.methodology;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Tags;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.allocation.methodology.ConsumerUsage;
import dev.aicarbon.allocation.methodology.ServiceModel;
import dev.aicarbon.service.db.NativeSql;
import dev.aicarbon.service.db.StoredTags;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives consumers' usage of a region from the FOCUS usage lines whose {@code RegionId} is
 * that region, for regions without imported usage in the month.
 *
 * <p>A line's consumer is its {@code ml-project} tag, with {@code /workload} when it has an
 * {@code ml-workload} tag; an untagged line's consumer is {@code unallocated}, so that its
 * share stays visible. Lines tagged {@code shared} are overhead and, like idle capacity, are
 * no consumer: the region factor spreads them over the others. Usage is the allocation
 * policy's metric (ListCost by default, EffectiveCost where it is missing). FOCUS names no
 * service model, so derived usage counts as IaaS, weight as configured.
 */
final class FocusUsage {

    private FocusUsage() {
    }

    static List<ConsumerUsage> derive(YearMonth month, Collection<String> regions, AllocationPolicy policy) {
        if (regions.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> usageByRegionAndConsumer = new TreeMap<>();
        for (Object[] row : usageByRegionAndTags(month, policy.metric())) {
            if (!regions.contains((String) row[0])) {
                continue;
            }
            String consumer = consumer(StoredTags.parse((String) row[1]), policy);
            BigDecimal usage = (BigDecimal) row[2];
            if (consumer != null && usage.signum() > 0) {
                usageByRegionAndConsumer.merge(row[0] + "\u0000" + consumer, usage, BigDecimal::add);
            }
        }
        List<ConsumerUsage> usage = new ArrayList<>();
        usageByRegionAndConsumer.forEach((key, amount) -> {
            String[] parts = key.split("\u0000", 2);
            usage.add(new ConsumerUsage(parts[0], month, parts[1], ServiceModel.IAAS, amount));
        });
        return usage;
    }

    /**
     * The month's lines summed per region and distinct tag set, in the database: a month can
     * hold tens of millions of lines, and what the consumers need is a few thousand sums. A
     * line counts with the metric's value, EffectiveCost when that is missing, and nothing when
     * the value is missing or negative; the sums are exact.
     */
    private static List<Object[]> usageByRegionAndTags(YearMonth month, UsageMetric metric) {
        String column = switch (metric) {
            case LIST_COST -> "list_cost";
            case EFFECTIVE_COST -> "effective_cost";
            case CONSUMED_QUANTITY -> "consumed_quantity";
        };
        return NativeSql.rows("select region_id, tags::text,"
                + " sum(greatest(coalesce(" + column + ", effective_cost), 0))"
                + " from usage_line"
                + " where billing_month = ?1 and charge_category = 'Usage' and superseded_by is null"
                + " and region_id is not null"
                + " group by region_id, tags",
                month.toString());
    }


    private static String consumer(Map<String, String> tags, AllocationPolicy policy) {
        String project = Tags.value(tags, policy.projectTagKey());
        if (project == null) {
            return Bucket.UNALLOCATED.label();
        }
        if (project.equals(policy.sharedProjectValue())) {
            return null;
        }
        String workload = Tags.value(tags, policy.workloadTagKey());
        return workload == null ? project : project + "/" + workload;
    }
}
