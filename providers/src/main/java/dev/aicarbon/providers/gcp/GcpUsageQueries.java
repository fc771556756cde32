package dev.aicarbon.providers.gcp;

import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.gcp.GcpCarbonFootprintSettings.UsageSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL the connector runs. Each takes two named parameters: {@code @month}, a DATE on the
 * first day of the month, and {@code @billing_account}, a STRING.
 *
 * <p>A month of usage is the charge periods that start in it, in UTC, which is how the
 * allocation engine places a FOCUS line in a month.
 */
final class GcpUsageQueries {

    /** The columns of the FOCUS CSV the connector writes, in order. */
    static final List<String> FOCUS_COLUMNS = Stream.concat(
                    FocusCsvReader.REQUIRED_COLUMNS.stream(),
                    FocusCsvReader.OPTIONAL_COLUMNS.stream())
            .toList();

    private static final String ISO_INSTANT = "'%Y-%m-%dT%H:%M:%SZ'";

    private GcpUsageQueries() {
    }

    /** The month's Carbon Footprint rows, with their RECORD columns whole. */
    static String carbon(String table) {
        return """
                SELECT usage_month, billing_account_id, project, service, location,
                  carbon_footprint_kgCO2e, carbon_model_version
                FROM `%s`
                WHERE usage_month = @month AND billing_account_id = @billing_account
                """.formatted(table);
    }

    static String usage(String table, UsageSource source) {
        return source == UsageSource.FOCUS ? focus(table) : detailedBilling(table);
    }

    /** The FOCUS export read as it is; Tags come as JSON text, normalised by the writer. */
    private static String focus(String table) {
        return """
                SELECT ProviderName, BillingAccountId, SubAccountId,
                  FORMAT_TIMESTAMP(%2$s, ChargePeriodStart) AS ChargePeriodStart,
                  FORMAT_TIMESTAMP(%2$s, ChargePeriodEnd) AS ChargePeriodEnd,
                  ChargeCategory, ServiceName,
                  CAST(ListCost AS STRING) AS ListCost,
                  CAST(EffectiveCost AS STRING) AS EffectiveCost,
                  CAST(BilledCost AS STRING) AS BilledCost,
                  BillingCurrency, RegionId, ServiceCategory, ResourceId, SkuId,
                  CAST(ConsumedQuantity AS STRING) AS ConsumedQuantity, ConsumedUnit,
                  TO_JSON_STRING(Tags) AS Tags
                FROM `%1$s`
                WHERE BillingAccountId = @billing_account
                  AND ChargePeriodStart >= TIMESTAMP(@month)
                  AND ChargePeriodStart < TIMESTAMP(DATE_ADD(@month, INTERVAL 1 MONTH))
                """.formatted(table, ISO_INSTANT);
    }

    /**
     * The detailed usage cost export mapped to FOCUS columns:
     * <ul>
     *   <li>{@code billing_account_id} to BillingAccountId, {@code project.id} to SubAccountId
     *       (as Google's FOCUS export does), {@code service.description} to ServiceName,
     *       {@code location.region} to RegionId, {@code resource.global_name} to ResourceId,
     *       {@code sku.id} to SkuId, {@code usage.amount}/{@code usage.unit} to
     *       ConsumedQuantity/ConsumedUnit, {@code currency} to BillingCurrency;</li>
     *   <li>{@code usage_start_time}/{@code usage_end_time} to ChargePeriodStart/End;</li>
     *   <li>{@code cost_type} regular, tax, adjustment, rounding_error to Usage, Tax,
     *       Adjustment, Adjustment; any other value is passed on, so the import quarantines
     *       the line rather than guessing;</li>
     *   <li>{@code cost_at_list} to ListCost; {@code cost} plus the sum of its
     *       {@code credits} (which are negative) to both EffectiveCost and BilledCost, which
     *       is what the invoice adds up; the export has no ServiceCategory;</li>
     *   <li>the {@code labels} array to Tags, normalised to a JSON object by the writer.</li>
     * </ul>
     */
    private static String detailedBilling(String table) {
        return """
                SELECT 'Google Cloud' AS ProviderName,
                  billing_account_id AS BillingAccountId,
                  project.id AS SubAccountId,
                  FORMAT_TIMESTAMP(%2$s, usage_start_time) AS ChargePeriodStart,
                  FORMAT_TIMESTAMP(%2$s, usage_end_time) AS ChargePeriodEnd,
                  CASE cost_type
                    WHEN 'regular' THEN 'Usage'
                    WHEN 'tax' THEN 'Tax'
                    WHEN 'adjustment' THEN 'Adjustment'
                    WHEN 'rounding_error' THEN 'Adjustment'
                    ELSE cost_type
                  END AS ChargeCategory,
                  service.description AS ServiceName,
                  CAST(cost_at_list AS STRING) AS ListCost,
                  CAST(cost + IFNULL((SELECT SUM(c.amount) FROM UNNEST(credits) AS c), 0)
                    AS STRING) AS EffectiveCost,
                  CAST(cost + IFNULL((SELECT SUM(c.amount) FROM UNNEST(credits) AS c), 0)
                    AS STRING) AS BilledCost,
                  currency AS BillingCurrency,
                  location.region AS RegionId,
                  CAST(NULL AS STRING) AS ServiceCategory,
                  resource.global_name AS ResourceId,
                  sku.id AS SkuId,
                  CAST(usage.amount AS STRING) AS ConsumedQuantity,
                  usage.unit AS ConsumedUnit,
                  TO_JSON_STRING(labels) AS Tags
                FROM `%1$s`
                WHERE billing_account_id = @billing_account
                  AND usage_start_time >= TIMESTAMP(@month)
                  AND usage_start_time < TIMESTAMP(DATE_ADD(@month, INTERVAL 1 MONTH))
                """.formatted(table, ISO_INSTANT);
    }
}
