package dev.aicarbon.providers.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChargePeriodTimesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-01T00:00:00Z          | 2026-11-01T00:00:00Z
            2026-11-01T00:00:00.000Z      | 2026-11-01T00:00:00Z
            2026-11-01T06:30:15.250Z      | 2026-11-01T06:30:15.250Z
            2026-11-01T00:00:00+00:00     | 2026-11-01T00:00:00Z
            2026-11-01T02:00:00+02:00     | 2026-11-01T00:00:00Z
            2026-11-01T00:00Z             | 2026-11-01T00:00:00Z
            2026-11-01T00:00:00           | 2026-11-01T00:00:00Z
            2026-11-01 00:00:00           | 2026-11-01T00:00:00Z
            2026-11-01 00:00:00 UTC       | 2026-11-01T00:00:00Z
            2026-11-01 13:45:00.123 UTC   | 2026-11-01T13:45:00.123Z
            2026-11-01                    | 2026-11-01T00:00:00Z
            """)
    void readsEachAcceptedForm(String text, String expected) {
        assertThat(ChargePeriodTimes.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "11/01/2026", "01.11.2026 00:00", "2026-11-31", "2026-11-01T24:30:00Z",
            "2026-11", "yesterday", "2026-11-01T00:00:00 CET"})
    void refusesAnythingElse(String text) {
        assertThatExceptionOfType(DateTimeParseException.class)
                .isThrownBy(() -> ChargePeriodTimes.parse(text));
    }
}
