package dev.aicarbon.providers.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Files the FOCUS reader refuses as a whole: nothing of them reaches the sink, and the
 * message says what is wrong.
 */
class FocusCsvReaderRefusalsTest {

    private final FocusCsvReader reader = new FocusCsvReader();
    private final CollectingSink<FocusLine> sink = new CollectingSink<>();

    @Test
    void refusesEmptyFile() {
        CsvFormatException refusal = refusal(Fixtures.open("focus/empty.csv"), "empty.csv");

        assertThat(refusal.source()).isEqualTo("empty.csv");
        assertThat(refusal).hasMessageContaining("empty");
    }

    @Test
    void refusesFileOfOnlyByteOrderMarkAndBlankLines() {
        byte[] bytes = "\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8);

        CsvFormatException refusal = refusal(new ByteArrayInputStream(bytes), "blank.csv");

        assertThat(refusal).hasMessageContaining("empty");
    }

    @Test
    void refusesCompressedExport() throws IOException {
        byte[] gzipped = gzip(Fixtures.open("focus/aws-focus-1.0.csv").readAllBytes());

        CsvFormatException refusal = refusal(
                new ByteArrayInputStream(gzipped), "aws-focus-1.0.csv.gz");

        assertThat(refusal).hasMessageContaining("binary");
    }

    @Test
    void refusesExportSavedAsUtf16() throws IOException {
        String text = new String(
                Fixtures.open("focus/aws-focus-1.0.csv").readAllBytes(), StandardCharsets.UTF_8);
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);

        CsvFormatException refusal = refusal(new ByteArrayInputStream(utf16), "unicode.csv");

        assertThat(refusal).hasMessageContaining("UTF-16");
    }

    @Test
    void refusesJson() {
        CsvFormatException refusal = refusal(Fixtures.open("focus/not-csv.json"), "not-csv.json");

        assertThat(refusal).hasMessageContaining("JSON");
    }

    @Test
    void refusesSemicolonSeparatedFileSayingSo() {
        CsvFormatException refusal = refusal(
                Fixtures.open("focus/semicolons.csv"), "semicolons.csv");

        assertThat(refusal).hasMessageContaining("semicolons");
    }

    @Test
    void refusesLegacyCostAndUsageReportNamingEveryMissingColumn() {
        CsvFormatException refusal = refusal(
                Fixtures.open("focus/legacy-cur.csv"), "legacy-cur.csv");

        assertThat(refusal.getMessage()).contains(FocusCsvReader.REQUIRED_COLUMNS);
    }

    @Test
    void refusesFileMissingCostColumnsNamingExactlyThose() {
        CsvFormatException refusal = refusal(
                Fixtures.open("focus/missing-cost-columns.csv"), "missing-cost-columns.csv");

        assertThat(refusal).hasMessageEndingWith(
                "missing columns ListCost, EffectiveCost, BillingCurrency");
    }

    @Test
    void refusesHeaderNamingAColumnTwice() {
        String csv = "ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,"
                + "ChargePeriodEnd,ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,"
                + "BillingCurrency,billedcost\n";

        CsvFormatException refusal = refusal(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "twice.csv");

        assertThat(refusal).hasMessageContaining("more than once: BilledCost");
    }

    @Test
    void refusesFileWhoseQuotedFieldIsLeftOpenNamingTheRow() {
        Throwable refusal = catchThrowable(() -> reader.read(
                Fixtures.open("focus/unterminated-quote.csv"), "unterminated-quote.csv", sink));

        assertThat(refusal).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("row 4");
        assertThat(sink.accepted()).extracting(FocusLine::row).containsExactly(2, 3);
    }

    /** The refusal of the input, having checked that no row reached the sink before it. */
    private CsvFormatException refusal(InputStream in, String source) {
        Throwable thrown = catchThrowable(() -> reader.read(in, source, sink));

        assertThat(thrown).isInstanceOf(CsvFormatException.class);
        assertThat(sink.isEmpty()).as("rows handed to the sink before the refusal").isTrue();
        return (CsvFormatException) thrown;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
