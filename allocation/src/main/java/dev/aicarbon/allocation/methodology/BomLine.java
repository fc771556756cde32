package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a bill of materials.
 *
 * @param component names a {@link ComponentFactor}
 * @param quantity  how many of the component's units the hardware holds; not negative
 */
public record BomLine(String component, BigDecimal quantity) {

    public BomLine {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("negative quantity of " + component + ": "
                    + quantity);
        }
    }
}
