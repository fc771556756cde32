package dev.aicarbon.providers.azure;

import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.ProviderException.Reason;

/** Turns an error answer of the Carbon Optimization API into a pull failure to act on. */
final class AzureCarbonErrors {

    private AzureCarbonErrors() {
    }

    /** The failure for an answer with {@code status}, after the pipeline's retries. */
    static ProviderException of(int status, byte[] body, String source) {
        String described = AzureErrors.describe(status, body, source);
        return switch (status) {
            case 401 -> new ProviderException(Reason.CREDENTIALS, described
                    + "; the token was rejected: check the tenant and the identity", null);
            case 403 -> new ProviderException(Reason.ACCESS_DENIED, described
                    + "; grant the Carbon Optimization Reader role", null);
            case 404 -> new ProviderException(Reason.NOT_FOUND, described
                    + "; is the Microsoft.Carbon resource provider available in this cloud?",
                    null);
            case 408, 429 -> new ProviderException(Reason.UNAVAILABLE, described
                    + "; still throttled after retries, try again later", null);
            default -> status >= 500
                    ? new ProviderException(Reason.UNAVAILABLE, described
                            + "; Azure stayed unavailable after retries", null)
                    : new ProviderException(Reason.FORMAT, described
                            + "; Azure refused the query as this connector wrote it", null);
        };
    }
}
