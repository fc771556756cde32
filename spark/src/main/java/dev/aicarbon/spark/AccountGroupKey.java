package dev.aicarbon.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * The provider, canonical account and month that the engine matches cells and lines within
 * (its {@code AccountKey}, which is not public). The job partitions the month by this key: a
 * cell never reaches a line of another key, and the shared split stays within one key too.
 *
 * @param month {@code YYYY-MM}
 */
record AccountGroupKey(String provider, String accountId, String month) implements Serializable {

    AccountGroupKey {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(month, "month");
    }

    /**
     * Spelled out rather than left to the record: the shuffle places keys by hash code on
     * every executor, so it must not depend on how a JVM implements records.
     */
    @Override
    public int hashCode() {
        return Objects.hash(provider, accountId, month);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountGroupKey key
                && provider.equals(key.provider)
                && accountId.equals(key.accountId)
                && month.equals(key.month);
    }

    /** A text that sorts groups by provider, account, then month, for a stable output order. */
    String sortText() {
        return provider + '\u0000' + accountId + '\u0000' + month;
    }
}
