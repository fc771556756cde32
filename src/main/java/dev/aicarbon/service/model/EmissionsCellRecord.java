package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A stored provider emissions cell, in kilograms of CO2e. Either the four scope amounts are
 * set, or {@code scopeCombined} is true and only the two method totals are.
 */
@Entity
@Table(name = "emissions_cell")
public class EmissionsCellRecord extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "emissions_cell_seq", sequenceName = "emissions_cell_seq", allocationSize = 50)
    @GeneratedValue(generator = "emissions_cell_seq")
    public Long id;

    @Column(name = "import_id", nullable = false)
    public Long importId;

    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    @Column(nullable = false)
    public String provider;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String month;

    public String region;

    public String service;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "scope2_location_from_market", nullable = false)
    public boolean scope2LocationFromMarket;

    @Column(name = "scope_combined", nullable = false)
    public boolean scopeCombined;

    @Column(name = "scope1_kgco2e")
    public BigDecimal scope1KgCo2e;

    @Column(name = "scope2_location_kgco2e")
    public BigDecimal scope2LocationKgCo2e;

    @Column(name = "scope2_market_kgco2e")
    public BigDecimal scope2MarketKgCo2e;

    @Column(name = "scope3_kgco2e")
    public BigDecimal scope3KgCo2e;

    @Column(name = "total_location_kgco2e")
    public BigDecimal totalLocationKgCo2e;

    @Column(name = "total_market_kgco2e")
    public BigDecimal totalMarketKgCo2e;

    @Column(name = "superseded_by")
    public Long supersededBy;
}
