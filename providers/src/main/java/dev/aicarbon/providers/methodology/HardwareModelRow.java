package dev.aicarbon.providers.methodology;

import java.math.BigDecimal;

/**
 * One line of a hardware model's bill of materials: how many units of a component one piece
 * of that model holds. A model is all the rows that name it.
 *
 * @param row       spreadsheet row number in the source file (header is row 1)
 * @param model     the hardware model, as assets refer to it; case matters
 * @param component names a {@link ComponentFactorRow#component()}; case matters
 * @param quantity  units of the component, in the component's unit; positive
 */
public record HardwareModelRow(int row, String model, String component, BigDecimal quantity) {
}
