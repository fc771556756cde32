package dev.aicarbon.service.methodology;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.Bucket;
import dev.aicarbon.allocation.Tags;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.allocation.methodology.ConsumerUsage;
import dev.aicarbon.allocation.methodology.ServiceModel;
import dev.aicarbon.service.model.UsageLineRecord;
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
        List<UsageLineRecord> lines = UsageLineRecord.list("billingMonth = ?1 and chargeCategory = 'Usage'"
                + " and supersededBy is null and regionId in ?2", month.toString(), regions);
        for (UsageLineRecord line : lines) {
            String consumer = consumer(line.tags, policy);
            BigDecimal usage = usage(policy.metric(), line.listCost, line.effectiveCost,
                    line.consumedQuantity);
            if (consumer != null && usage.signum() > 0) {
                usageByRegionAndConsumer.merge(line.regionId + "\u0000" + consumer, usage, BigDecimal::add);
            }
        }
        List<ConsumerUsage> usage = new ArrayList<>();
        usageByRegionAndConsumer.forEach((key, amount) -> {
            String[] parts = key.split("\u0000", 2);
            usage.add(new ConsumerUsage(parts[0], month, parts[1], ServiceModel.IAAS, amount));
        });
        return usage;
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

    private static BigDecimal usage(UsageMetric metric, BigDecimal listCost, BigDecimal effectiveCost,
            BigDecimal consumedQuantity) {
        BigDecimal chosen = switch (metric) {
            case LIST_COST -> listCost;
            case EFFECTIVE_COST -> effectiveCost;
            case CONSUMED_QUANTITY -> consumedQuantity;
        };
        BigDecimal value = chosen != null ? chosen : effectiveCost;
        return value == null || value.signum() < 0 ? BigDecimal.ZERO : value;
    }
}
