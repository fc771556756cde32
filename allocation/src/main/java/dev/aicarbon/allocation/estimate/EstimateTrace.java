package dev.aicarbon.allocation.estimate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The factors and flags of one estimate in the making, in the order they were used. One per
 * call of {@link EstimateCalculator#estimate}; not thread-safe.
 */
final class EstimateTrace {

    private final List<Factor> factors = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();

    /** Records {@code factor} as used and returns it. */
    Factor use(Factor factor) {
        factors.add(factor);
        return factor;
    }

    void flag(EstimateFlag flag) {
        flags.add(flag.label());
    }

    List<Factor> factors() {
        return List.copyOf(factors);
    }

    List<String> flags() {
        return List.copyOf(flags);
    }
}
