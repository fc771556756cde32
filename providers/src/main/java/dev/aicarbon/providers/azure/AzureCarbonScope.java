package dev.aicarbon.providers.azure;

/**
 * The GHG Protocol scopes of the Carbon Optimization API ({@code EmissionScopeEnum}). The API
 * sums the scopes of one query, so each is asked for on its own and the answers are joined.
 */
enum AzureCarbonScope {

    SCOPE1("Scope1"),
    /** Market-based: Azure publishes no location-based scope 2. */
    SCOPE2("Scope2"),
    SCOPE3("Scope3");

    private final String apiName;

    AzureCarbonScope(String apiName) {
        this.apiName = apiName;
    }

    /** The name in {@code carbonScopeList} and in a report bundle, such as {@code Scope2}. */
    String apiName() {
        return apiName;
    }
}
