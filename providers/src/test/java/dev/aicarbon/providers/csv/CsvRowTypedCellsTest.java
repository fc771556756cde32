package dev.aicarbon.providers.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** The typed getters several readers share: what they accept and how they say no. */
class CsvRowTypedCellsTest {

    @Test
    void readsRequiredValuesOfEachType() {
        String csv = "amount,day,month\n0,2026-11-17,2026-11\n";

        CollectingSink<List<Object>> sink = readOneRow(csv, row -> List.of(
                row.nonNegativeDecimal("amount", "needed"),
                row.requiredDate("day", "needed"),
                row.requiredMonth("month", "needed")));

        assertThat(sink.accepted()).containsExactly(List.of(
                new BigDecimal("0"), LocalDate.of(2026, 11, 17), YearMonth.of(2026, 11)));
    }

    @Test
    void readsAnEmptyOptionalDateAsNull() {
        CollectingSink<String> sink = readOneRow("day,other\n,x\n",
                row -> String.valueOf(row.date("day")));

        assertThat(sink.accepted()).containsExactly("null");
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            decimal  | ''         | amount is empty; needed
            decimal  | -0.001     | amount "-0.001" is negative; it must be zero or more
            decimal  | 1,5        | amount "1,5" is not a number
            date     | ''         | amount is empty; needed
            date     | 2026-11-31 | amount "2026-11-31" is not a date in the form YYYY-MM-DD
            date     | 17.11.2026 | amount "17.11.2026" is not a date in the form YYYY-MM-DD
            month    | ''         | amount is empty; needed
            month    | 2026-13    | amount "2026-13" is not a month in the form YYYY-MM
            """)
    void rejectsNamingColumnAndValue(String type, String value, String reason) {
        Function<CsvRow, Object> parser = row -> switch (type) {
            case "decimal" -> row.nonNegativeDecimal("amount", "needed");
            case "date" -> row.requiredDate("amount", "needed");
            default -> row.requiredMonth("amount", "needed");
        };

        CollectingSink<Object> sink = readOneRow("amount\n\"" + value + "\"\n", parser);

        assertThat(sink.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("amount");
            assertThat(problem.reason()).isEqualTo(reason);
        });
    }

    private static <T> CollectingSink<T> readOneRow(String csv, Function<CsvRow, T> parser) {
        CollectingSink<T> sink = new CollectingSink<>();
        CsvSource.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv",
                        List.of("amount", "day", "month", "other"))
                .readRows(parser, sink);
        return sink;
    }
}
