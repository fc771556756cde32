package dev.aicarbon.allocation.methodology;

import java.util.Optional;

/** A stage of a piece of hardware's life that its embodied emissions are reported by. */
public enum LifecycleStage {
    MANUFACTURING("manufacturing"),
    TRANSPORT("transport"),
    END_OF_LIFE("end_of_life");

    private final String label;

    LifecycleStage(String label) {
        this.label = label;
    }

    /** The name the stage has in factor files, the API and stored results. */
    public String label() {
        return label;
    }

    /** The stage with this exact label, or empty for any other value, null included. */
    public static Optional<LifecycleStage> fromLabel(String label) {
        for (LifecycleStage stage : values()) {
            if (stage.label.equals(label)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
