package dev.aicarbon.allocation.methodology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names stages and service models have in files, the API and stored results. */
class LabelsTest {

    @Test
    void labelsLifecycleStagesAsFactorFilesNameThem() {
        assertThat(LifecycleStage.values())
                .extracting(LifecycleStage::label)
                .containsExactly("manufacturing", "transport", "end_of_life");
    }

    @Test
    void readsALifecycleStageFromItsExactLabelOnly() {
        assertThat(LifecycleStage.fromLabel("end_of_life")).contains(LifecycleStage.END_OF_LIFE);
        assertThat(LifecycleStage.fromLabel("END_OF_LIFE")).isEmpty();
        assertThat(LifecycleStage.fromLabel("use")).isEmpty();
        assertThat(LifecycleStage.fromLabel(null)).isEmpty();
    }

    @Test
    void labelsServiceModelsWithTheirUsualSpelling() {
        assertThat(ServiceModel.values())
                .extracting(ServiceModel::label)
                .containsExactly("IaaS", "PaaS", "SaaS");
    }

    @Test
    void readsAServiceModelIgnoringCase() {
        assertThat(ServiceModel.fromLabel("paas")).contains(ServiceModel.PAAS);
        assertThat(ServiceModel.fromLabel("SAAS")).contains(ServiceModel.SAAS);
        assertThat(ServiceModel.fromLabel("IaaS")).contains(ServiceModel.IAAS);
        assertThat(ServiceModel.fromLabel("FaaS")).isEmpty();
        assertThat(ServiceModel.fromLabel(null)).isEmpty();
    }
}
