package dev.aicarbon.providers.methodology;

import static dev.aicarbon.providers.methodology.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumerUsageCsvReaderTest {

    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);

    private final ConsumerUsageCsvReader reader = new ConsumerUsageCsvReader();
    private final CollectingSink<ConsumerUsageRow> sink = new CollectingSink<>();

    @Test
    void readsUsageWithServiceModelsSpelledCanonically() {
        ReadSummary summary = read("usage-good.csv");

        assertThat(summary).isEqualTo(new ReadSummary(5, 5, 0));
        assertThat(sink.accepted()).extracting(ConsumerUsageRow::serviceModel)
                .containsExactly("IaaS", "IaaS", "PaaS", "SaaS", "PaaS");
        assertThat(sink.accepted().get(1)).isEqualTo(new ConsumerUsageRow(3, "eu-gpu-1",
                NOV_2026, "llm-pretrain/pretrain-7b", "IaaS", new BigDecimal("2400")));
    }

    @Test
    void acceptsZeroUsage() {
        read("usage-good.csv");

        assertThat(sink.accepted().get(4).normalisedUsage()).isZero();
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | region           | region is empty
            4  | month            | "2026-11-01" is not a month in the form YYYY-MM
            5  | consumer         | consumer is empty
            6  | service_model    | "FaaS" is not one of IaaS, PaaS, SaaS
            7  | service_model    | service_model is empty
            8  | normalised_usage | "-3" is negative
            9  | normalised_usage | normalised_usage is empty
            10 | -                | repeats the region, month, consumer and service_model of row 2
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        read("usage-bad-rows.csv");

        RowProblem problem = sink.problemAtRow(row).orElseThrow();
        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void keysOnTheCanonicalServiceModelAndTheMonth() {
        ReadSummary summary = read("usage-bad-rows.csv");

        assertThat(summary).isEqualTo(new ReadSummary(10, 2, 8));
        assertThat(sink.accepted()).extracting(ConsumerUsageRow::month)
                .containsExactly(NOV_2026, YearMonth.of(2026, 10));
    }

    @Test
    void refusesHeaderNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(() -> read("usage-missing-columns.csv"), sink);

        assertThat(refusal).hasMessageContaining(
                "missing columns month, service_model, normalised_usage");
    }

    private ReadSummary read(String file) {
        return reader.read(Fixtures.open("methodology/" + file), file, sink);
    }
}
