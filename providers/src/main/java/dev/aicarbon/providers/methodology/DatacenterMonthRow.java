package dev.aicarbon.providers.methodology;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What one datacenter reports for one calendar month. Every amount is not negative.
 *
 * @param row                    spreadsheet row number in the source file (header is row 1)
 * @param datacenter             names a {@link DatacenterRow#datacenter()}
 * @param month                  the calendar month, [first day, first day of the next)
 * @param itEnergyKwh            energy drawn by the IT equipment, kWh
 * @param pue                    power usage effectiveness: facility energy ÷ IT energy; at
 *                               least 1
 * @param locationKgCo2ePerKwh   the grid's average emission factor, kgCO2e per kWh
 * @param marketKgCo2ePerKwh     the factor of the electricity contracts bought, kgCO2e per kWh
 * @param scope1KgCo2e           direct emissions, kgCO2e: as the file gives them, or worked out
 *                               exactly from diesel burnt and refrigerant leaked
 */
public record DatacenterMonthRow(
        int row,
        String datacenter,
        YearMonth month,
        BigDecimal itEnergyKwh,
        BigDecimal pue,
        BigDecimal locationKgCo2ePerKwh,
        BigDecimal marketKgCo2ePerKwh,
        BigDecimal scope1KgCo2e) {
}
