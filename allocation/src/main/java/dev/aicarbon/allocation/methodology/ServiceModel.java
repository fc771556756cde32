package dev.aicarbon.allocation.methodology;

import java.util.Optional;

/** How a consumer uses a region's capacity; the policy may weigh each differently. */
public enum ServiceModel {
    IAAS("IaaS"),
    PAAS("PaaS"),
    SAAS("SaaS");

    private final String label;

    ServiceModel(String label) {
        this.label = label;
    }

    /** The usual spelling: {@code IaaS}, {@code PaaS}, {@code SaaS}. */
    public String label() {
        return label;
    }

    /** The model this label names, ignoring case; empty for any other value, null included. */
    public static Optional<ServiceModel> fromLabel(String label) {
        for (ServiceModel model : values()) {
            if (model.label.equalsIgnoreCase(label)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
