package dev.aicarbon.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored job estimate: inputs as given, results in kWh and kgCO2e, factors with sources. */
@Entity
@Table(name = "estimate")
public class EstimateRecord extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "estimate_seq", sequenceName = "estimate_seq", allocationSize = 1)
    @GeneratedValue(generator = "estimate_seq")
    public Long id;

    @Column(nullable = false)
    public String project;

    public String workload;

    public String stage;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public String month;

    public String provider;

    public String region;

    public BigDecimal hours;

    @Column(name = "energy_kwh", nullable = false)
    public BigDecimal energyKwh;

    @Column(name = "scope2_location_kgco2e", nullable = false)
    public BigDecimal scope2LocationKgCo2e;

    @Column(name = "scope2_market_kgco2e", nullable = false)
    public BigDecimal scope2MarketKgCo2e;

    @Column(name = "scope3_kgco2e", nullable = false)
    public BigDecimal scope3KgCo2e;

    @Column(name = "water_litres")
    public BigDecimal waterLitres;

    @Column(name = "adp_kgsbeq")
    public BigDecimal adpKgSbEq;

    @Column(name = "primary_energy_mj")
    public BigDecimal primaryEnergyMj;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> inputs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Map<String, Object>> factors;

    /** Sorted, comma-separated flag labels; empty when none. */
    @Column(nullable = false)
    public String flags;

    @Column(name = "import_id")
    public Long importId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
