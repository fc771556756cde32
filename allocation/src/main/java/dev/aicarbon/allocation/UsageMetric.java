package dev.aicarbon.allocation;

/** The normalised usage metric that emissions are split in proportion to. */
public enum UsageMetric {
    LIST_COST,
    EFFECTIVE_COST,
    CONSUMED_QUANTITY
}
