package dev.aicarbon.providers.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The FOCUS reader on {@code focus/bad-rows.csv}: one bad row of each kind among good ones.
 * Every bad row is quarantined with its spreadsheet row number, the column at fault and a
 * reason naming the value; no row is dropped.
 */
class FocusCsvReaderRowProblemsTest {

    private static final String BILLING_ACCOUNT = "411236578902";

    private final CollectingSink<FocusLine> sink = new CollectingSink<>();
    private ReadSummary summary;

    @BeforeEach
    void readBadRows() {
        summary = new FocusCsvReader().read(
                Fixtures.open("focus/bad-rows.csv"), "bad-rows.csv", sink);
    }

    @ParameterizedTest(name = "row {0}: {1} ({2})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            3  | -                 | 17 fields
            4  | ProviderName      | ProviderName is empty
            5  | ChargePeriodStart | "11/01/2026"
            6  | ChargePeriodEnd   | ChargePeriodEnd is empty
            7  | ChargePeriodEnd   | 2026-11-01T00:00:00Z
            8  | ChargeCategory    | "Refund"
            9  | SubAccountId      | cannot be matched to an account's emissions
            10 | ConsumedQuantity  | "310 hrs"
            11 | ListCost          | "1,234.50"
            12 | EffectiveCost     | "N/A"
            13 | BilledCost        | "$2022.07"
            14 | Tags              | "ml-project=recsys"
            15 | Tags              | ["ml-project","recsys"]
            16 | -                 | 19 fields
            18 | ChargeCategory    | "Rebate"
            19 | BillingAccountId  | BillingAccountId is empty
            """)
    void quarantinesBadRowNamingColumnAndValue(int row, String column, String named) {
        RowProblem problem = sink.problemAtRow(row).orElseThrow();

        assertThat(problem.column()).isEqualTo(column);
        assertThat(problem.reason()).contains(named);
    }

    @Test
    void countsEveryRowAsAcceptedOrQuarantined() {
        assertThat(summary).isEqualTo(new ReadSummary(18, 2, 16));
        assertThat(sink.accepted()).extracting(FocusLine::row).containsExactly(2, 17);
        assertThat(sink.problems()).hasSize(16);
    }

    @Test
    void reportsOnlyTheFirstProblemOfARow() {
        assertThat(sink.problems()).filteredOn(problem -> problem.row() == 18).hasSize(1);
    }

    @Test
    void acceptsNonUsageLineWithoutSubAccount() {
        FocusLine tax = sink.accepted().get(1);

        assertThat(tax.chargeCategory()).isEqualTo("Tax");
        assertThat(tax.subAccountId()).isNull();
    }

    @Test
    void keepsTheRawRowByColumnNameForInspection() {
        RowProblem listCost = sink.problemAtRow(11).orElseThrow();

        assertThat(listCost.values())
                .containsEntry("ListCost", "1,234.50")
                .containsEntry("ProviderName", "AWS")
                .containsEntry("ResourceId", "fraud-xgb-2026-11");
    }

    @Test
    void keepsTheFieldsOfARowWithTooFewFields() {
        RowProblem shortRow = sink.problemAtRow(3).orElseThrow();

        assertThat(shortRow.values())
                .containsEntry("BillingCurrency", "USD")
                .doesNotContainKey("Tags");
    }

    @Test
    void quarantinesRowWhoseTagsAreNotUtf8() {
        CollectingSink<FocusLine> latin1Sink =
                readLatin1Row("Tags", "{\"owner\":\"M\u00fcller\"}");

        RowProblem problem = latin1Sink.problemAtRow(2).orElseThrow();
        assertThat(problem.column()).isEqualTo("Tags");
        assertThat(problem.reason()).contains("not UTF-8");
    }

    @Test
    void ignoresBytesThatAreNotUtf8InColumnsItDoesNotRead() {
        CollectingSink<FocusLine> latin1Sink =
                readLatin1Row("x_CostCenter", "Forschung & Entwicklung M\u00fcnchen");

        assertThat(latin1Sink.problems()).isEmpty();
        assertThat(latin1Sink.accepted()).hasSize(1);
    }

    @Test
    void neverPutsAWholeRowInAReason() {
        assertThat(sink.problems()).extracting(RowProblem::reason)
                .noneMatch(reason -> reason.contains(BILLING_ACCOUNT));
    }

    /** A one-row export saved as ISO-8859-1, with {@code value} in the last column. */
    private static CollectingSink<FocusLine> readLatin1Row(String lastColumn, String value) {
        String csv = "ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,"
                + "ChargePeriodEnd,ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,"
                + "BillingCurrency," + lastColumn + "\n"
                + "Microsoft,8d1f4c2a,3f2b8c1e,2026-11-01,2026-12-01,Usage,Storage,1,1,1,EUR,\""
                + value.replace("\"", "\"\"") + "\"\n";
        CollectingSink<FocusLine> latin1Sink = new CollectingSink<>();
        byte[] bytes = csv.getBytes(StandardCharsets.ISO_8859_1);
        new FocusCsvReader().read(new ByteArrayInputStream(bytes), "latin1.csv", latin1Sink);
        return latin1Sink;
    }
}
