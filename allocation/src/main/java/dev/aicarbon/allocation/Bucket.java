package dev.aicarbon.allocation;

/**
 * Where emissions go when they cannot go to a project. Buckets keep totals conserved and
 * gaps visible: nothing is dropped.
 */
public enum Bucket {
    /** Usage lines without a project tag, or shared lines with no project to share among. */
    UNALLOCATED("unallocated"),
    /** Emissions cells with no usage line to split over (or only lines of zero usage). */
    UNMATCHED("unmatched");

    private final String label;

    Bucket(String label) {
        this.label = label;
    }

    /** The name the bucket has in the API and in stored results. */
    public String label() {
        return label;
    }
}
