package dev.aicarbon.allocation;

/** A fact about how an allocated amount was obtained that a reader of it must see. */
public enum Flag {
    /** The chosen usage metric was missing on a line; its EffectiveCost was used instead. */
    METRIC_FALLBACK_EFFECTIVE_COST("metric-fallback-effective-cost"),
    /** Neither the chosen metric nor EffectiveCost was present; the line weighed zero. */
    NO_USAGE_METRIC("no-usage-metric"),
    /** The amount came from a line tagged shared, split by the projects' direct usage. */
    SHARED_SPLIT("shared-split"),
    /** A shared line whose account and month had no project with direct usage. */
    SHARED_WITHOUT_PROJECTS("shared-without-projects"),
    /** The provider published totals without a scope split; no split was invented. */
    SCOPE_COMBINED("scope-combined"),
    /**
     * The provider published scope 2 market-based only (Azure); its figure stands in for the
     * location-based one, so location-based totals from this cell are not location-based.
     */
    SCOPE2_LOCATION_FROM_MARKET("scope2-location-from-market"),
    /** The cell matched usage lines, but their usage summed to zero. */
    ZERO_USAGE("zero-usage"),
    /** The stage tag held a value outside the known lifecycle stages. */
    UNKNOWN_STAGE("unknown-stage");

    private final String label;

    Flag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
