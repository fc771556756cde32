package dev.aicarbon.providers.methodology;

import java.time.LocalDate;

/**
 * One piece of hardware installed in a datacenter. Its embodied emissions are amortised from
 * the calendar month of {@code inServiceDate}; retirement does not shorten that.
 *
 * @param row           spreadsheet row number in the source file (header is row 1)
 * @param assetId       unique within the file
 * @param model         names a {@link HardwareModelRow#model()}
 * @param datacenter    names a {@link DatacenterRow#datacenter()}
 * @param inServiceDate the day the asset entered service
 * @param retiredDate   the day it left service, or null while in service; never before
 *                      {@code inServiceDate}
 */
public record AssetRow(
        int row,
        String assetId,
        String model,
        String datacenter,
        LocalDate inServiceDate,
        LocalDate retiredDate) {
}
