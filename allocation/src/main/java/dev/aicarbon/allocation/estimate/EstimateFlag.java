package dev.aicarbon.allocation.estimate;

/**
 * A fact about how an estimate was obtained that its reader must see. Results carry the
 * {@link #label()}s, in {@link EstimateResult#flags()}.
 */
public enum EstimateFlag {
    /** Neither a utilisation nor a measured draw was given: full TDP was assumed. */
    POWER_FROM_TDP("power-from-tdp"),
    /** No market-based grid factor: the market-based figures equal the location-based ones. */
    MARKET_EQUALS_LOCATION("market-equals-location"),
    /** The request left embodied emissions out: scope 3 is zero by choice, not by finding. */
    EMBODIED_EXCLUDED("embodied-excluded"),
    /** No lifetime was given: the default of 6 years (52,596 hours) was assumed. */
    DEFAULT_LIFETIME("default-lifetime"),
    /** No FLOP count was given: 6 × parameters × tokens was used (dense training rule). */
    FLOPS_FROM_PARAMETERS_AND_TOKENS("flops-from-parameters-and-tokens"),
    /**
     * ADP or primary-energy factors were given, but a measured estimate without hours has no
     * time share to take of them: those impacts are left absent.
     */
    EMBODIED_IMPACTS_WITHOUT_HOURS("embodied-impacts-without-hours");

    private final String label;

    EstimateFlag(String label) {
        this.label = label;
    }

    /** The name the flag has in the API and stored results. */
    public String label() {
        return label;
    }
}
