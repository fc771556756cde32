package dev.aicarbon.providers.sync;

/** Whether a provider had a month to give. */
public enum PullStatus {
    /** Data was fetched and written to files. */
    PULLED,
    /** The provider has published the month, and it holds no rows for these accounts. */
    EMPTY,
    /** The provider has not published the month yet; try again after its publication day. */
    NOT_YET_AVAILABLE
}
