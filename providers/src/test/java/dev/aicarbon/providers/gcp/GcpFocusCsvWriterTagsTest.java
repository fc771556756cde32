package dev.aicarbon.providers.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcpFocusCsvWriterTagsTest {

    @Test
    void turnsLabelEntriesIntoAnObjectKeepingTheFirstValueOfAKey() {
        String labels = "[{\"key\":\"ml-project\",\"value\":\"llm-pretrain\"},"
                + "{\"key\":\"ml-project\",\"value\":\"research\"},"
                + "{\"key\":\"ml-stage\",\"value\":\"training\"}]";

        assertThat(GcpFocusCsvWriter.tagsObject(labels))
                .isEqualTo("{\"ml-project\":\"llm-pretrain\",\"ml-stage\":\"training\"}");
    }

    @Test
    void keepsAnObjectAndEmptiesNoTags() {
        assertThat(GcpFocusCsvWriter.tagsObject("{\"team\":\"vision\"}"))
                .isEqualTo("{\"team\":\"vision\"}");
        assertThat(GcpFocusCsvWriter.tagsObject("[]")).isNull();
        assertThat(GcpFocusCsvWriter.tagsObject("null")).isNull();
    }

    @Test
    void leavesUnreadableTagsForTheImportToQuarantine() {
        assertThat(GcpFocusCsvWriter.tagsObject("[\"a\",\"b\"]")).isEqualTo("[\"a\",\"b\"]");
    }
}
