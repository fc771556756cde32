package dev.aicarbon.allocation;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle stage of an ML workload. */
public enum Stage {
    TRAINING,
    INFERENCE,
    DATA,
    DEVELOPMENT;

    /** The stage a tag value names, ignoring case and surrounding space. */
    public static Optional<Stage> fromTag(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
