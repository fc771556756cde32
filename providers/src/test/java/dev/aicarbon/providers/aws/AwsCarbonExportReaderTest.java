package dev.aicarbon.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.CsvFormatException;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import dev.aicarbon.providers.csv.RowProblem;
import dev.aicarbon.providers.emissions.EmissionsRow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCarbonExportReaderTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final String RESEARCH = "284619037512";
    private static final String SCORING = "735102948361";

    @Test
    void readsParquetAndConvertsTonnesToKilogramsExactly() {
        AwsCarbonExportReader reader = AwsCarbonExportReader.forMonth(NOVEMBER);
        CollectingSink<EmissionsRow> sink = read(reader, "aws/carbon-2026-11.parquet");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(5);
        EmissionsRow ec2 = row(sink, RESEARCH, "Amazon Elastic Compute Cloud");
        assertThat(ec2.region()).isEqualTo("us-east-1");
        assertThat(ec2.month()).isEqualTo(NOVEMBER);
        assertThat(ec2.scopeCombined()).isTrue();
        assertThat(ec2.scope1KgCo2e()).isNull();
        assertThat(ec2.totalLocationKgCo2e()).isEqualByComparingTo("412.7");
        assertThat(ec2.totalMarketKgCo2e()).isEqualByComparingTo("118.3");
        assertThat(row(sink, SCORING, "AmazonKendra").totalLocationKgCo2e())
                .isEqualByComparingTo("0.012");
        assertThat(reader.modelVersions()).containsExactly("v3.0.0");
    }

    @Test
    void keepsAnUnmappedProductCodeAsTheServiceAndCountsIt() {
        AwsCarbonExportReader reader = AwsCarbonExportReader.forMonth(NOVEMBER);
        CollectingSink<EmissionsRow> sink = read(reader, "aws/carbon-2026-11.parquet");

        assertThat(row(sink, SCORING, "AmazonKendra").region()).isEqualTo("eu-west-1");
        assertThat(reader.unmappedProductCodes()).containsEntry("AmazonKendra", 1).hasSize(1);
    }

    @Test
    void leavesTheRegionOfAGlobalServiceOpen() {
        CollectingSink<EmissionsRow> sink = read(
                AwsCarbonExportReader.forMonth(NOVEMBER), "aws/carbon-2026-11.parquet");

        EmissionsRow cloudFront = row(sink, RESEARCH, "Amazon CloudFront");
        assertThat(cloudFront.region()).isNull();
        assertThat(cloudFront.totalMarketKgCo2e()).isEqualByComparingTo("0.9");
    }

    @Test
    void readsAParquetFileGivenAsAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("carbon.parquet");
        try (InputStream in = Fixtures.open("aws/carbon-2026-11.parquet")) {
            Files.copy(in, file);
        }
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        ReadSummary summary = new AwsCarbonExportReader().readParquet(file, "carbon.parquet", sink);

        assertThat(summary.rowsAccepted()).isEqualTo(5);
        assertThat(sink.accepted().stream()
                .map(EmissionsRow::totalLocationKgCo2e)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1413.712");
    }

    @Test
    void quarantinesOtherMonthsNegativeValuesWrongUnitsAndMissingValuesNamingTheField() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        ReadSummary summary = AwsCarbonExportReader.forMonth(NOVEMBER).read(
                Fixtures.open("aws/carbon-2026-11.csv"), "carbon-2026-11.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(7, 3, 4));
        assertThat(problem(sink, 4).column()).isEqualTo("usage_period_start");
        assertThat(problem(sink, 4).reason()).contains("2026-10");
        assertThat(problem(sink, 5).column()).isEqualTo("total_lbm_emissions_value");
        assertThat(problem(sink, 5).reason()).contains("negative");
        assertThat(problem(sink, 6).column()).isEqualTo("total_mbm_emissions_unit");
        assertThat(problem(sink, 6).reason()).contains("kgCO2e");
        assertThat(problem(sink, 7).column()).isEqualTo("total_mbm_emissions_value");
        assertThat(problem(sink, 7).values()).containsEntry("usage_account_id", SCORING);
    }

    @Test
    void acceptsEveryMonthWhenNoMonthIsExpected() {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();

        new AwsCarbonExportReader().read(
                Fixtures.open("aws/carbon-2026-11.csv"), "carbon-2026-11.csv", sink);

        assertThat(sink.accepted()).extracting(EmissionsRow::month)
                .contains(YearMonth.of(2026, 10), NOVEMBER);
    }

    @Test
    void readsGzipCsv() {
        CollectingSink<EmissionsRow> sink = read(
                AwsCarbonExportReader.forMonth(NOVEMBER), "aws/carbon-2026-11.csv.gz");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(3);
        assertThat(row(sink, SCORING, "Amazon SageMaker").totalLocationKgCo2e())
                .isEqualByComparingTo("596.2");
    }

    @Test
    void readsCsvWithAByteOrderMarkAndCrlfLineEnds() {
        CollectingSink<EmissionsRow> sink = read(
                AwsCarbonExportReader.forMonth(NOVEMBER), "aws/carbon-2026-11-bom.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(2);
        assertThat(sink.accepted().get(0).accountId()).isEqualTo(RESEARCH);
    }

    @Test
    void ignoresScopeColumnsAndUnknownColumnsOfNewerModels() {
        CollectingSink<EmissionsRow> sink = read(AwsCarbonExportReader.forMonth(NOVEMBER),
                "aws/carbon-2026-11-v3-extra-columns.csv");

        assertThat(sink.problems()).isEmpty();
        EmissionsRow bedrock = row(sink, RESEARCH, "Amazon Bedrock");
        assertThat(bedrock.scopeCombined()).isTrue();
        assertThat(bedrock.scope3KgCo2e()).isNull();
        assertThat(bedrock.totalLocationKgCo2e()).isEqualByComparingTo("90.4");
        assertThat(row(sink, RESEARCH, "Amazon Elastic Container Service for Kubernetes")
                .totalMarketKgCo2e()).isEqualByComparingTo("5.2");
    }

    @Test
    void readsAnEmptyMonthAsNoRows() {
        CollectingSink<EmissionsRow> csv = read(
                AwsCarbonExportReader.forMonth(NOVEMBER), "aws/carbon-empty-month.csv");
        CollectingSink<EmissionsRow> parquet = read(
                AwsCarbonExportReader.forMonth(NOVEMBER), "aws/carbon-empty-month.parquet");

        assertThat(csv.isEmpty()).isTrue();
        assertThat(parquet.isEmpty()).isTrue();
    }

    @Test
    void refusesAFileWithoutTheExportColumnsNamingThem() {
        AwsCarbonExportReader reader = new AwsCarbonExportReader();

        assertThatThrownBy(() -> reader.read(Fixtures.open("aws/not-carbon.csv"), "not-carbon.csv",
                new CollectingSink<>()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("not-carbon.csv: ")
                .hasMessageContaining("usage_account_id")
                .hasMessageContaining("total_mbm_emissions_unit");
    }

    @Test
    void mapsTheCommonServicesToTheirFocusNames() {
        AwsProductCodes codes = AwsProductCodes.bundled();

        assertThat(codes.serviceName("AmazonEC2")).hasValue("Amazon Elastic Compute Cloud");
        assertThat(codes.serviceName("AmazonS3")).hasValue("Amazon Simple Storage Service");
        assertThat(codes.serviceName("AmazonSageMaker")).hasValue("Amazon SageMaker");
        assertThat(codes.serviceName("AWSLambda")).hasValue("AWS Lambda");
        assertThat(codes.serviceName("amazonec2")).isEmpty();
    }

    private static CollectingSink<EmissionsRow> read(AwsCarbonExportReader reader, String path) {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        reader.read(Fixtures.open(path), path, sink);
        return sink;
    }

    private static EmissionsRow row(CollectingSink<EmissionsRow> sink, String account,
            String service) {
        return sink.accepted().stream()
                .filter(row -> row.accountId().equals(account) && service.equals(row.service()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + account + " " + service));
    }

    private static RowProblem problem(CollectingSink<EmissionsRow> sink, int row) {
        return sink.problemAtRow(row).orElseThrow(() -> new AssertionError("no problem at " + row));
    }
}
