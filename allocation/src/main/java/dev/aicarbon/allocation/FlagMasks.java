package dev.aicarbon.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Flag sets as bit masks ({@code 1 << ordinal}), for the fast path's inner loops, and the one
 * shared unmodifiable {@link Set} per mask that rows carry ({@code Set.copyOf} keeps it as it
 * is, so rows cost no copy).
 */
final class FlagMasks {

    private static final Flag[] FLAGS = Flag.values();
    private static final List<Set<Flag>> SETS = allSets();

    private FlagMasks() {
    }

    static int of(Flag flag) {
        return 1 << flag.ordinal();
    }

    static Set<Flag> toSet(int mask) {
        return SETS.get(mask);
    }

    private static List<Set<Flag>> allSets() {
        List<Set<Flag>> sets = new ArrayList<>(1 << FLAGS.length);
        for (int mask = 0; mask < 1 << FLAGS.length; mask++) {
            List<Flag> flags = new ArrayList<>();
            for (Flag flag : FLAGS) {
                if ((mask & of(flag)) != 0) {
                    flags.add(flag);
                }
            }
            sets.add(Set.copyOf(flags));
        }
        return List.copyOf(sets);
    }
}
