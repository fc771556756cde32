package dev.aicarbon.providers;

import java.util.Locale;

/**
 * Puts account ids of the same account, as different exports write them, into one form, so
 * that a usage line's FOCUS {@code SubAccountId} meets the emissions of its account.
 *
 * <p>Azure writes a subscription as a resource path in FOCUS exports
 * ({@code /subscriptions/5a1c...}) and as a bare GUID in emissions reports, in either case;
 * both become the lower-case GUID. AWS account numbers and Google Cloud project ids are
 * compared as written, trimmed.
 */
public final class AccountIds {

    private static final String SUBSCRIPTIONS = "/subscriptions/";

    private AccountIds() {
    }

    /** The canonical form of {@code accountId} for the provider code; null stays null. */
    public static String canonical(String providerCode, String accountId) {
        if (accountId == null) {
            return null;
        }
        String trimmed = accountId.strip();
        return "azure".equals(providerCode) ? azureSubscription(trimmed) : trimmed;
    }

    private static String azureSubscription(String id) {
        String subscription = id;
        if (subscription.regionMatches(true, 0, SUBSCRIPTIONS, 0, SUBSCRIPTIONS.length())) {
            subscription = subscription.substring(SUBSCRIPTIONS.length());
            int slash = subscription.indexOf('/');
            if (slash >= 0) {
                subscription = subscription.substring(0, slash);
            }
        }
        return subscription.toLowerCase(Locale.ROOT);
    }
}
