package dev.aicarbon.spark;

import dev.aicarbon.allocation.Allocation;
import dev.aicarbon.allocation.Flag;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One engine {@link Allocation} as a line of {@code allocations.csv}: every field as text,
 * nulls as empty, amounts in kg CO2e as plain decimals, exact.
 *
 * @param consumerKind {@code project} or {@code bucket}
 * @param consumer     the project, or the bucket's label ({@code unallocated}, {@code unmatched})
 * @param stage        the stage's label, empty when none
 * @param flags        flag labels in declaration order, separated by {@code |}; empty when none
 */
record AllocationRow(
        String consumerKind,
        String consumer,
        String workload,
        String stage,
        String provider,
        String accountId,
        String month,
        String region,
        String service,
        String flags,
        KgCo2eAmounts amounts) implements Serializable {

    static final List<String> COLUMNS = List.of("consumer_kind", "consumer", "workload", "stage",
            "provider", "account_id", "month", "region", "service", "flags");

    static AllocationRow of(Allocation allocation) {
        return new AllocationRow(
                allocation.project() != null ? "project" : "bucket",
                allocation.consumer(),
                orEmpty(allocation.workload()),
                allocation.stage() == null ? "" : allocation.stage().label(),
                allocation.provider(),
                allocation.accountId(),
                allocation.month().toString(),
                orEmpty(allocation.region()),
                orEmpty(allocation.service()),
                allocation.flags().stream()
                        .sorted()
                        .map(Flag::label)
                        .collect(Collectors.joining("|")),
                KgCo2eAmounts.of(allocation.emissions()));
    }

    /** The row's fields in {@link #COLUMNS} order followed by the six amounts. */
    List<String> values() {
        List<String> dimensions = List.of(consumerKind, consumer, workload, stage, provider,
                accountId, month, region, service, flags);
        return Stream.concat(dimensions.stream(), amounts.plainTexts().stream())
                .toList();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
