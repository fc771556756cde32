package dev.aicarbon.providers.sync;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * Pulls one provider's data for one configured set of accounts through the provider's own SDK.
 *
 * <p>A pull writes what it fetched as files in the formats the service already imports (the
 * canonical emissions CSV, FOCUS CSV), so that pulled data and uploaded files take one path:
 * the same validation, quarantine, content-hash dedupe and restatement. Implementations never
 * log or keep credentials; they take them from the SDK's standard chain.
 */
public interface ProviderConnector {

    /** {@code aws}, {@code azure} or {@code gcp}. */
    String provider();

    /** The configured name of the account set, unique per provider. */
    String name();

    /**
     * Fetches {@code month}. Accounts the provider refuses are reported in the answer and the
     * others proceed; a month not published yet is a status, not an error.
     *
     * @param workDir an existing directory for the pulled files; the caller deletes them
     * @throws ProviderException when nothing can be fetched (credentials, throttling that
     *                           outlasted the SDK's retries, an unreadable payload)
     */
    MonthPull pull(YearMonth month, Path workDir);
}
