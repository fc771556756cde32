package dev.aicarbon.allocation.methodology;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One piece of hardware installed in a datacenter.
 *
 * <p>Its embodied emissions are spread over the policy's lifetime, starting with the calendar
 * month of {@code inServiceDate}, whatever the day. Retirement does not shorten that: hardware
 * retired early keeps being amortised until its lifetime is over, so its whole footprint is
 * accounted for.
 *
 * @param assetId       unique among assets
 * @param model         names a {@link HardwareModel}
 * @param datacenter    names a {@link Datacenter}
 * @param inServiceDate the day the asset entered service
 * @param retiredDate   the day it left service, or null while in service; not before
 *                      {@code inServiceDate} (checked when the model computes)
 */
public record Asset(
        String assetId,
        String model,
        String datacenter,
        LocalDate inServiceDate,
        LocalDate retiredDate) {

    public Asset {
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(inServiceDate, "inServiceDate");
    }
}
