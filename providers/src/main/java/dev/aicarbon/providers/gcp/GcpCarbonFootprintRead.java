package dev.aicarbon.providers.gcp;

import dev.aicarbon.providers.csv.ReadSummary;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one read of a Carbon Footprint export gave.
 *
 * @param summary       source rows read, used and quarantined; the sink received fewer rows
 *                      than were used when several rows made one cell
 * @param modelVersions the distinct {@code carbon_model_version}s of the rows used; a month
 *                      restated under a new model shows a new version here
 */
public record GcpCarbonFootprintRead(ReadSummary summary, SortedSet<String> modelVersions) {

    public GcpCarbonFootprintRead {
        modelVersions = Collections.unmodifiableSortedSet(new TreeSet<>(modelVersions));
    }
}
