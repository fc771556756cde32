package dev.aicarbon.allocation.methodology;

import java.util.List;
import java.util.Objects;

/**
 * A hardware model (a server, a switch, a storage shelf) as its bill of materials.
 *
 * @param model      the model's name, as assets refer to it
 * @param components the bill of materials; a component may appear on several lines
 */
public record HardwareModel(String model, List<BomLine> components) {

    public HardwareModel {
        Objects.requireNonNull(model, "model");
        components = List.copyOf(components);
    }
}
