package dev.aicarbon.allocation.methodology;

import static dev.aicarbon.allocation.methodology.MethodologyFixtures.kg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodologyPolicyTest {

    @Test
    void amortisesOverSeventyTwoMonthsAndWeighsEveryServiceModelOneByDefault() {
        MethodologyPolicy policy = MethodologyPolicy.DEFAULT;

        assertThat(policy.lifetimeMonths()).isEqualTo(72);
        for (ServiceModel model : ServiceModel.values()) {
            assertThat(policy.weightOf(model)).as(model.label()).isEqualByComparingTo("1");
        }
    }

    @Test
    void changesOneWeightAndKeepsTheOthers() {
        MethodologyPolicy policy = MethodologyPolicy.DEFAULT.withWeight(ServiceModel.SAAS,
                kg("0.5"));

        assertThat(policy.weightOf(ServiceModel.SAAS)).isEqualByComparingTo("0.5");
        assertThat(policy.weightOf(ServiceModel.IAAS)).isEqualByComparingTo("1");
    }

    @Test
    void refusesALifetimeOfZeroMonths() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MethodologyPolicy.DEFAULT.withLifetimeMonths(0))
                .withMessageContaining("lifetimeMonths");
    }

    @Test
    void refusesANegativeWeight() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MethodologyPolicy.DEFAULT.withWeight(ServiceModel.PAAS,
                        kg("-1")))
                .withMessageContaining("PaaS");
    }

    @Test
    void refusesToAssumeTheWeightOfAServiceModelLeftOut() {
        Map<ServiceModel, BigDecimal> noSaas = Map.of(
                ServiceModel.IAAS, BigDecimal.ONE,
                ServiceModel.PAAS, BigDecimal.ONE);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MethodologyPolicy(72, noSaas))
                .withMessageContaining("SAAS");
    }
}
