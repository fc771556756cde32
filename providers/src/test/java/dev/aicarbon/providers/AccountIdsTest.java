package dev.aicarbon.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountIdsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            azure | /subscriptions/5a1c7e2d-3b4f-4c8a-9d6e-0f1a2b3c4d5e | 5a1c7e2d-3b4f-4c8a-9d6e-0f1a2b3c4d5e
            azure | /SUBSCRIPTIONS/5A1C7E2D-3B4F-4C8A-9D6E-0F1A2B3C4D5E/resourceGroups/rg-1 \
                  | 5a1c7e2d-3b4f-4c8a-9d6e-0f1a2b3c4d5e
            azure | 5A1C7E2D-3B4F-4C8A-9D6E-0F1A2B3C4D5E                | 5a1c7e2d-3b4f-4c8a-9d6e-0f1a2b3c4d5e
            aws   | 284619037512                                        | 284619037512
            gcp   | llm-research-381204                                 | llm-research-381204
            """)
    void bringsEachExportsFormOfAnAccountToOne(String provider, String written, String canonical) {
        assertThat(AccountIds.canonical(provider, written)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"aws", "azure", "gcp"})
    void keepsAMissingAccountMissing(String provider) {
        assertThat(AccountIds.canonical(provider, null)).isNull();
    }
}
