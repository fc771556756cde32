package dev.aicarbon.providers.gcp;

import java.util.Map;

/**
 * One row of a Carbon Footprint export, whatever carried it (a flattened CSV, a line of
 * newline-delimited JSON, a BigQuery result row), read by the schema's dotted field names
 * such as {@code carbon_footprint_kgCO2e.scope2.location_based}.
 */
interface CarbonFootprintFields {

    /** The row's number as its source counts it, for problems. */
    int row();

    /**
     * The field's value as text, trimmed; null when the field is absent, NULL or blank.
     *
     * @throws dev.aicarbon.providers.csv.RowRejectedException when the value is unreadable
     */
    String text(String field);

    /** The raw values by dotted field name, for a quarantined row. */
    Map<String, String> values();
}
