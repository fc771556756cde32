package dev.aicarbon.providers.focus;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a FOCUS {@code ProviderName} into the short provider code the rest of the product
 * keys on: {@code aws}, {@code azure} or {@code gcp}. The clouds do not agree on how they
 * name themselves ({@code AWS}, {@code Microsoft}, {@code Google Cloud}), and older exports
 * used longer names, so each code has several spellings. Any other provider keeps its name,
 * lower-cased, so that it stays distinguishable rather than being folded into one of the
 * three.
 */
public final class ProviderNames {

    private static final Map<String, String> CODES = Map.of(
            "aws", "aws",
            "amazon web services", "aws",
            "microsoft", "azure",
            "microsoft azure", "azure",
            "azure", "azure",
            "google cloud", "gcp",
            "google cloud platform", "gcp",
            "google", "gcp",
            "gcp", "gcp");

    private ProviderNames() {
    }

    /**
     * The provider code for a provider name, matched without regard to case, surrounding
     * blanks or repeated inner blanks.
     *
     * @param providerName a non-blank FOCUS {@code ProviderName}
     * @return {@code aws}, {@code azure}, {@code gcp}, or the name trimmed and lower-cased
     * @throws IllegalArgumentException when the name is null or blank
     */
    public static String code(String providerName) {
        if (providerName == null || providerName.isBlank()) {
            throw new IllegalArgumentException("a provider name is required");
        }

        String normalised = providerName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return CODES.getOrDefault(normalised, normalised);
    }
}
