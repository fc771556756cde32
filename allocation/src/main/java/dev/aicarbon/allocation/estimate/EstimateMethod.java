package dev.aicarbon.allocation.estimate;

import java.util.Optional;

/** How an estimate finds the energy a job used. */
public enum EstimateMethod {
    /** Before the job: hours derived from the work to do (FLOPs) and the hardware's speed. */
    A_PRIORI("a-priori"),
    /** After the job: hours known, power from the catalogue or the request. */
    A_POSTERIORI("a-posteriori"),
    /** After the job: IT energy measured at the device. */
    MEASURED("measured");

    private final String label;

    EstimateMethod(String label) {
        this.label = label;
    }

    /** The name the method has in the API and stored results. */
    public String label() {
        return label;
    }

    /** The method with this exact label, or empty for any other value, null included. */
    public static Optional<EstimateMethod> fromLabel(String label) {
        for (EstimateMethod method : values()) {
            if (method.label.equals(label)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
