package dev.aicarbon.allocation.methodology;

import java.util.Objects;

/**
 * The embodied emissions of one unit of a hardware component.
 *
 * @param component      the component's name, as bills of materials refer to it
 * @param unit           what one unit is: {@code each}, {@code GB}, {@code TB}, {@code kg},
 *                       {@code mm2} of die; informative, bills of materials count in it
 * @param kgCo2ePerUnit  kgCO2e per unit, per life-cycle stage
 */
public record ComponentFactor(String component, String unit, StageAmounts kgCo2ePerUnit) {

    public ComponentFactor {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kgCo2ePerUnit, "kgCo2ePerUnit");
    }
}
