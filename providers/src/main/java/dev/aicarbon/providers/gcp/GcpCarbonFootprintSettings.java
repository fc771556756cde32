package dev.aicarbon.providers.gcp;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured set of Google Cloud billing accounts to pull, as read from
 * {@code carbon.providers.gcp.<name>.*} (see docs/providers-gcp.md).
 *
 * @param name         the set's configured name, unique among Google Cloud sets
 * @param jobProjectId the project that runs, and pays for, the query jobs; the caller needs
 *                     {@code bigquery.jobs.create} there (role BigQuery Job User)
 * @param exports      the billing accounts, each with its tables; at least one
 * @param host         the BigQuery endpoint, for tests against a local server only; null for
 *                     Google's
 */
public record GcpCarbonFootprintSettings(
        String name, String jobProjectId, List<BillingExport> exports, String host) {

    /**
     * A fully qualified table or view, {@code project.dataset.table}. Table names cannot be
     * query parameters, so they go into the SQL text; only these characters are allowed.
     */
    private static final Pattern TABLE = Pattern.compile(
            "[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*\\.[A-Za-z0-9_]+\\.[A-Za-z0-9_$-]+");

    public GcpCarbonFootprintSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jobProjectId, "jobProjectId");
        exports = List.copyOf(exports);
        if (exports.isEmpty()) {
            throw new IllegalArgumentException("carbon.providers.gcp." + name
                    + " names no billing account export");
        }
    }

    /** Where one billing account's usage is exported, and which export it is. */
    public enum UsageSource {
        /** The Google-provided FOCUS export table, or a FOCUS view with its column names. */
        FOCUS,
        /** The detailed usage cost export ({@code gcp_billing_export_resource_v1_...}). */
        DETAILED_BILLING
    }

    /**
     * One Cloud Billing account's exports.
     *
     * @param billingAccountId the account, as in {@code billing_account_id}
     * @param carbonTable      the Carbon Footprint transfer's table,
     *                         {@code project.dataset.carbon_footprint}
     * @param usageTable       the usage table or view, {@code project.dataset.table}
     * @param usageSource      which export {@code usageTable} is
     */
    public record BillingExport(String billingAccountId, String carbonTable, String usageTable,
            UsageSource usageSource) {

        public BillingExport {
            Objects.requireNonNull(billingAccountId, "billingAccountId");
            Objects.requireNonNull(usageSource, "usageSource");
            requireTable(carbonTable, "carbon-table");
            requireTable(usageTable, "usage-table");
        }
    }

    private static void requireTable(String table, String key) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException(key + " " + table
                    + " is not a table id of the form project.dataset.table");
        }
    }
}
