package dev.aicarbon.service.estimates;

import static dev.aicarbon.service.api.Decimals.plain;

import dev.aicarbon.service.db.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far a project's estimates were from the allocated provider figures that replaced
 * them, per month and provider: estimation error measured, not guessed.
 */
@ApplicationScoped
public class EstimationError {

    /** One month and provider with both an estimate and allocated provider figures. */
    @Schema(description = "Totals in kgCO2e; difference = allocated - estimated; relativeError = "
            + "difference / allocated (6 decimal places), null when allocated is zero")
    public record Row(String month, String provider, int estimates, BigDecimal estimatedLocationKgCo2e,
            BigDecimal allocatedLocationKgCo2e, BigDecimal differenceLocationKgCo2e,
            BigDecimal relativeErrorLocation, BigDecimal estimatedMarketKgCo2e,
            BigDecimal allocatedMarketKgCo2e, BigDecimal differenceMarketKgCo2e) {
    }

    @Transactional
    public List<Row> of(String project, YearMonth from, YearMonth to) {
        List<Object[]> rows = NativeSql.rows("""
                with estimated as (
                    select month, provider, count(*) n,
                        sum(scope2_location_kgco2e + scope3_kgco2e) loc,
                        sum(scope2_market_kgco2e + scope3_kgco2e) mkt
                    from estimate where project = ?1 and month between ?2 and ?3 and provider is not null
                    group by month, provider),
                allocated as (
                    select r.month, r.provider,
                        sum(r.scope1_kgco2e + r.scope2_location_kgco2e + r.scope3_kgco2e
                            + r.combined_location_kgco2e) loc,
                        sum(r.scope1_kgco2e + r.scope2_market_kgco2e + r.scope3_kgco2e
                            + r.combined_market_kgco2e) mkt
                    from allocation_row r join allocation_run run on run.id = r.run_id
                    where run.status in ('current', 'stale') and r.project = ?1
                        and r.month between ?2 and ?3
                    group by r.month, r.provider)
                select e.month, e.provider, e.n, e.loc, a.loc, e.mkt, a.mkt
                from estimated e join allocated a on a.month = e.month and a.provider = e.provider
                order by e.month, e.provider""", project, from.toString(), to.toString());
        return rows.stream().map(EstimationError::row).toList();
    }

    private static Row row(Object[] row) {
        BigDecimal estimatedLocation = (BigDecimal) row[3];
        BigDecimal allocatedLocation = (BigDecimal) row[4];
        BigDecimal differenceLocation = allocatedLocation.subtract(estimatedLocation);
        BigDecimal relative = allocatedLocation.signum() == 0 ? null
                : differenceLocation.divide(allocatedLocation, 6, RoundingMode.HALF_EVEN);
        BigDecimal estimatedMarket = (BigDecimal) row[5];
        BigDecimal allocatedMarket = (BigDecimal) row[6];
        return new Row((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                plain(estimatedLocation), plain(allocatedLocation), plain(differenceLocation), plain(relative),
                plain(estimatedMarket), plain(allocatedMarket), plain(allocatedMarket.subtract(estimatedMarket)));
    }
}
