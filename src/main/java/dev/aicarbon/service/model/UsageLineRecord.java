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
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A stored FOCUS cost and usage row. Field names follow the FOCUS columns;
 * {@code billingMonth} is the UTC month of {@code ChargePeriodStart}.
 */
@Entity
@Table(name = "usage_line")
public class UsageLineRecord extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "usage_line_seq", sequenceName = "usage_line_seq", allocationSize = 50)
    @GeneratedValue(generator = "usage_line_seq")
    public Long id;

    @Column(name = "import_id", nullable = false)
    public Long importId;

    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    /** Provider code: aws, azure, gcp, or the lower-cased FOCUS ProviderName. */
    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_name", nullable = false)
    public String providerName;

    @Column(name = "billing_account_id", nullable = false)
    public String billingAccountId;

    @Column(name = "sub_account_id")
    public String subAccountId;

    /** SubAccountId, else BillingAccountId, in canonical form: what emissions match on. */
    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "charge_period_start", nullable = false)
    public Instant chargePeriodStart;

    @Column(name = "charge_period_end", nullable = false)
    public Instant chargePeriodEnd;

    @Column(name = "billing_month", nullable = false)
    public String billingMonth;

    @Column(name = "charge_category", nullable = false)
    public String chargeCategory;

    @Column(name = "region_id")
    public String regionId;

    @Column(name = "service_name")
    public String serviceName;

    @Column(name = "service_category")
    public String serviceCategory;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "sku_id")
    public String skuId;

    @Column(name = "consumed_quantity")
    public BigDecimal consumedQuantity;

    @Column(name = "consumed_unit")
    public String consumedUnit;

    @Column(name = "list_cost")
    public BigDecimal listCost;

    @Column(name = "effective_cost")
    public BigDecimal effectiveCost;

    @Column(name = "billed_cost")
    public BigDecimal billedCost;

    @Column(name = "billing_currency")
    public String billingCurrency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> tags;

    @Column(name = "superseded_by")
    public Long supersededBy;
}
