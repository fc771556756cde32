package dev.aicarbon.allocation.methodology;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The six amounts a {@link ModelledEmissions} carries, named: each is split and conserved on
 * its own.
 */
enum ModelledComponent {
    SCOPE1("scope1", ModelledEmissions::scope1KgCo2e),
    SCOPE2_LOCATION("scope2 location-based", ModelledEmissions::scope2LocationKgCo2e),
    SCOPE2_MARKET("scope2 market-based", ModelledEmissions::scope2MarketKgCo2e),
    SCOPE3_MANUFACTURING("scope3 manufacturing", stage(LifecycleStage.MANUFACTURING)),
    SCOPE3_TRANSPORT("scope3 transport", stage(LifecycleStage.TRANSPORT)),
    SCOPE3_END_OF_LIFE("scope3 end_of_life", stage(LifecycleStage.END_OF_LIFE));

    private final String label;
    private final Function<ModelledEmissions, BigDecimal> accessor;

    ModelledComponent(String label, Function<ModelledEmissions, BigDecimal> accessor) {
        this.label = label;
        this.accessor = accessor;
    }

    /** For error messages. */
    String label() {
        return label;
    }

    BigDecimal of(ModelledEmissions emissions) {
        return accessor.apply(emissions);
    }

    /** Emissions whose every component is {@code valueOf} that component. */
    static ModelledEmissions compose(Function<ModelledComponent, BigDecimal> valueOf) {
        StageAmounts scope3 = new StageAmounts(
                valueOf.apply(SCOPE3_MANUFACTURING),
                valueOf.apply(SCOPE3_TRANSPORT),
                valueOf.apply(SCOPE3_END_OF_LIFE));
        return new ModelledEmissions(
                valueOf.apply(SCOPE1),
                valueOf.apply(SCOPE2_LOCATION),
                valueOf.apply(SCOPE2_MARKET),
                scope3);
    }

    private static Function<ModelledEmissions, BigDecimal> stage(LifecycleStage stage) {
        return emissions -> emissions.scope3().get(stage);
    }
}
