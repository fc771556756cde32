package dev.aicarbon.providers.gcp;

import com.google.cloud.bigquery.BigQueryException;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.ProviderException.Reason;

/**
 * Sorts what BigQuery refused into what one billing account's pull can survive and what
 * stops the whole pull.
 *
 * <p>BigQuery answers 403 both for a missing permission ({@code accessDenied}) and for
 * exhausted quotas ({@code rateLimitExceeded}, {@code quotaExceeded}); only the first is the
 * account's. A 429 or 5xx reaching here has outlasted the client's retries.
 */
final class BigQueryFailures {

    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;

    private BigQueryFailures() {
    }

    /** Whether the failure concerns only the table or dataset queried. */
    static boolean isAccountLevel(BigQueryException e) {
        return (e.getCode() == FORBIDDEN && "accessDenied".equals(e.getReason()))
                || e.getCode() == NOT_FOUND;
    }

    static AccountFailure accountFailure(String billingAccountId, String table,
            BigQueryException e) {
        String what = e.getCode() == NOT_FOUND ? "not found" : "access denied";
        return new AccountFailure(billingAccountId, what + " (" + e.getCode() + " "
                + e.getReason() + ") reading " + table);
    }

    static ProviderException pullFailure(String connector, String table, BigQueryException e) {
        Reason reason = reason(e);
        String advice = switch (reason) {
            case CREDENTIALS -> "check the service account's credentials";
            case UNAVAILABLE -> "BigQuery throttled or failed after the client's retries;"
                    + " try again later";
            case FORMAT -> "the table's columns do not match the export it is configured as";
            default -> "check the configuration";
        };
        return new ProviderException(reason, "gcp " + connector + ": BigQuery answered "
                + e.getCode() + " " + e.getReason() + " reading " + table + "; " + advice, e);
    }

    private static Reason reason(BigQueryException e) {
        int code = e.getCode();
        if (code == UNAUTHORIZED) {
            return Reason.CREDENTIALS;
        }
        if (code == FORBIDDEN && "accessDenied".equals(e.getReason())) {
            return Reason.ACCESS_DENIED;
        }
        if (code == NOT_FOUND) {
            return Reason.NOT_FOUND;
        }
        if (code == 400) {
            return Reason.FORMAT;
        }
        return Reason.UNAVAILABLE;
    }
}
