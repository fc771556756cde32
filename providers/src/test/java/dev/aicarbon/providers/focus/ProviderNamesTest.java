package dev.aicarbon.providers.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AWS                   | aws
            Amazon Web Services   | aws
            Microsoft             | azure
            Microsoft Azure       | azure
            Azure                 | azure
            Google Cloud          | gcp
            Google Cloud Platform | gcp
            Google                | gcp
            GCP                   | gcp
            """)
    void mapsEachSpellingOfTheThreeCloudsToItsCode(String providerName, String code) {
        assertThat(ProviderNames.code(providerName)).isEqualTo(code);
    }

    @Test
    void ignoresCaseAndBlanks() {
        assertThat(ProviderNames.code("  amazon   WEB services ")).isEqualTo("aws");
        assertThat(ProviderNames.code("GOOGLE CLOUD")).isEqualTo("gcp");
    }

    @Test
    void keepsAnyOtherProviderAsItsNameLowerCased() {
        assertThat(ProviderNames.code(" Oracle Cloud Infrastructure "))
                .isEqualTo("oracle cloud infrastructure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesBlankName(String providerName) {
        assertThatIllegalArgumentException().isThrownBy(() -> ProviderNames.code(providerName));
    }
}
