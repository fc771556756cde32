package dev.aicarbon.allocation;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Shares of shared lines waiting to be split over the projects of their account, summed per
 * account and row (the line's dimensions and flags, no project yet). Summing first and
 * splitting once gives the same amounts to the rounding of the split, and keeps the split's
 * cost independent of the number of shared lines.
 *
 * <p>Conserved: each sum is split with {@link ProportionalSplit}, whose shares add up to it
 * exactly.
 */
final class SharedShares {

    private final Map<AccountUsage, Map<RowKey, Emissions>> pending = new IdentityHashMap<>();

    void add(AccountUsage account, RowKey row, Emissions share) {
        pending.computeIfAbsent(account, key -> new LinkedHashMap<>()).merge(row, share, Emissions::plus);
    }

    /** Splits every waiting sum over its account's projects by their direct weight. */
    void splitInto(Ledger ledger) {
        pending.forEach((account, rows) -> {
            SortedMap<String, BigDecimal> weights = account.directWeightByProject();
            List<String> projects = List.copyOf(weights.keySet());
            List<BigDecimal> projectWeights = List.copyOf(weights.values());
            rows.forEach((row, amount) -> {
                List<Emissions> parts = ProportionalSplit.split(amount, projectWeights);
                for (int i = 0; i < projects.size(); i++) {
                    ledger.add(row.withProject(projects.get(i)), parts.get(i));
                }
            });
        });
    }
}
