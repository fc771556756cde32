package dev.aicarbon.allocation;

import java.time.YearMonth;
import java.util.Set;

/** The identity of an {@link Allocation} row: everything but the amount. */
record RowKey(
        String project,
        Bucket bucket,
        String workload,
        Stage stage,
        String provider,
        String accountId,
        YearMonth month,
        String region,
        String service,
        Set<Flag> flags) {

    RowKey {
        flags = Set.copyOf(flags);
    }

    /** A row for {@code project} with the line's dimensions. */
    static RowKey forProject(WeighedLine weighed, String project, Set<Flag> flags) {
        return ofLine(weighed, project, null, flags);
    }

    /** A row for {@code bucket} with the line's dimensions. */
    static RowKey forBucket(WeighedLine weighed, Bucket bucket, Set<Flag> flags) {
        return ofLine(weighed, null, bucket, flags);
    }

    /** An {@link Bucket#UNMATCHED} row keyed by the cell's own dimensions. */
    static RowKey unmatched(EmissionsCell cell, Set<Flag> flags) {
        return new RowKey(null, Bucket.UNMATCHED, null, null,
                cell.provider(), cell.accountId(), cell.month(), cell.region(), cell.service(),
                flags);
    }

    private static RowKey ofLine(WeighedLine weighed, String project, Bucket bucket,
            Set<Flag> flags) {
        UsageLine line = weighed.line();
        return new RowKey(project, bucket, weighed.workload(), weighed.stage(),
                line.provider(), line.accountId(), line.month(), line.region(), line.service(),
                flags);
    }

    /** The same row for {@code newProject}. */
    RowKey withProject(String newProject) {
        return new RowKey(newProject, bucket, workload, stage, provider, accountId, month, region, service,
                flags);
    }

    Allocation toAllocation(Emissions emissions) {
        return new Allocation(project, bucket, workload, stage, provider, accountId, month,
                region, service, flags, emissions);
    }
}
