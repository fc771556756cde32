package dev.aicarbon.providers.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FocusTagsTest {

    @Test
    void readsStringValuesAsTheyAre() {
        assertThat(FocusTags.parse("{\"user:ml-project\":\"llm-pretrain\",\"team\":\"ml\"}"))
                .containsEntry("user:ml-project", "llm-pretrain")
                .containsEntry("team", "ml")
                .hasSize(2);
    }

    @Test
    void readsOtherValuesAsTheirJsonText() {
        String json = """
                {"gpus":8,"spot":true,"zones":["a","b"],"owner":{"team":"ml"}}""";

        assertThat(FocusTags.parse(json))
                .containsEntry("gpus", "8")
                .containsEntry("spot", "true")
                .containsEntry("zones", "[\"a\",\"b\"]")
                .containsEntry("owner", "{\"team\":\"ml\"}");
    }

    @Test
    void readsNullValueAsEmptyString() {
        assertThat(FocusTags.parse("{\"ml-stage\":null}")).containsEntry("ml-stage", "");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "{}"})
    void readsNoTagsAsEmptyMap(String json) {
        assertThat(FocusTags.parse(json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ml-project=recsys", "[\"ml-project\"]", "\"recsys\"", "42",
            "{\"ml-project\":\"recsys\"} trailing", "{\"ml-project\":"})
    void refusesAnythingButAJsonObject(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> FocusTags.parse(json));
    }
}
