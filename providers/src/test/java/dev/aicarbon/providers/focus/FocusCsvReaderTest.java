package dev.aicarbon.providers.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.csv.Fixtures;
import dev.aicarbon.providers.csv.ReadSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FOCUS reader on recorded exports, one per variant the clouds write. */
class FocusCsvReaderTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    private final FocusCsvReader reader = new FocusCsvReader();

    @Test
    void readsAwsExportKeepingUserPrefixedTagKeys() {
        CollectingSink<FocusLine> sink = read("focus/aws-focus-1.0.csv");

        FocusLine ec2 = sink.accepted().get(0);
        assertThat(ec2.row()).isEqualTo(2);
        assertThat(ec2.providerName()).isEqualTo("AWS");
        assertThat(ec2.providerCode()).isEqualTo("aws");
        assertThat(ec2.billingAccountId()).isEqualTo("411236578902");
        assertThat(ec2.subAccountId()).isEqualTo("284619037512");
        assertThat(ec2.chargePeriodStart()).isEqualTo(NOV_1);
        assertThat(ec2.chargePeriodEnd()).isEqualTo(DEC_1);
        assertThat(ec2.chargeCategory()).isEqualTo("Usage");
        assertThat(ec2.regionId()).isEqualTo("us-east-1");
        assertThat(ec2.serviceName()).isEqualTo("Amazon Elastic Compute Cloud");
        assertThat(ec2.serviceCategory()).isEqualTo("Compute");
        assertThat(ec2.skuId()).isEqualTo("8ZTCYK3BH4UHBTYJ");
        assertThat(ec2.consumedQuantity()).isEqualByComparingTo("1440");
        assertThat(ec2.consumedUnit()).isEqualTo("Hrs");
        assertThat(ec2.listCost()).isEqualByComparingTo("47192.544");
        assertThat(ec2.effectiveCost()).isEqualByComparingTo("43417.1392");
        assertThat(ec2.billedCost()).isEqualByComparingTo("43417.1392");
        assertThat(ec2.billingCurrency()).isEqualTo("USD");
        assertThat(ec2.tags()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "user:ml-project", "llm-pretrain",
                "user:ml-workload", "pretrain-7b",
                "user:ml-stage", "training"));
    }

    @Test
    void readsScientificNotationExactly() {
        CollectingSink<FocusLine> sink = read("focus/aws-focus-1.0.csv");

        FocusLine requests = sink.accepted().get(1);
        assertThat(requests.consumedQuantity()).isEqualByComparingTo("0.00015");
        assertThat(requests.listCost()).isEqualByComparingTo("0.00000375");
        assertThat(requests.effectiveCost()).isEqualByComparingTo("0.00000345");
    }

    @Test
    void readsTaxLineWithEmptyOptionalColumnsAsNull() {
        CollectingSink<FocusLine> sink = read("focus/aws-focus-1.0.csv");

        FocusLine tax = sink.accepted().get(2);
        assertThat(tax.chargeCategory()).isEqualTo("Tax");
        assertThat(tax.regionId()).isNull();
        assertThat(tax.resourceId()).isNull();
        assertThat(tax.skuId()).isNull();
        assertThat(tax.consumedQuantity()).isNull();
        assertThat(tax.consumedUnit()).isNull();
        assertThat(tax.tags()).isEmpty();
        assertThat(tax.billedCost()).isEqualByComparingTo("960.42");
    }

    @Test
    void readsAthenaResultWithLowerCaseColumnNamesAndEveryFieldQuoted() {
        CollectingSink<FocusLine> sink = read("focus/aws-focus-athena-lowercase.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(2);
        FocusLine ec2 = sink.accepted().get(0);
        assertThat(ec2.subAccountId()).isEqualTo("284619037512");
        assertThat(ec2.effectiveCost()).isEqualByComparingTo("43417.1392");
        assertThat(ec2.tags()).containsEntry("user:ml-project", "llm-pretrain");
    }

    @Test
    void readsAzureExportThatStartsWithByteOrderMark() {
        CollectingSink<FocusLine> sink = read("focus/azure-focus-1.0r2-bom.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).extracting(FocusLine::providerName)
                .containsOnly("Microsoft");
        FocusLine vm = sink.accepted().get(0);
        assertThat(vm.providerCode()).isEqualTo("azure");
        assertThat(vm.subAccountId()).isEqualTo("3f2b8c1e-9d47-4a6b-8e25-7c1d0f9a4b63");
        assertThat(vm.regionId()).isEqualTo("westeurope");
        assertThat(vm.serviceName()).isEqualTo("Virtual Machines");
        assertThat(vm.tags()).containsEntry("ml-workload", "pretrain-7b");
    }

    @Test
    void readsAzurePurchaseWithZeroEffectiveCost() {
        CollectingSink<FocusLine> sink = read("focus/azure-focus-1.0r2-bom.csv");

        FocusLine purchase = sink.accepted().get(2);
        assertThat(purchase.chargeCategory()).isEqualTo("Purchase");
        assertThat(purchase.effectiveCost()).isEqualByComparingTo("0");
        assertThat(purchase.billedCost()).isEqualByComparingTo("14520");
        assertThat(purchase.consumedQuantity()).isNull();
    }

    @Test
    void readsAzureTimestampsWrittenWithoutSeconds() {
        CollectingSink<FocusLine> sink = read("focus/azure-focus-1.0-minutes.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).extracting(FocusLine::chargePeriodStart)
                .containsOnly(NOV_1);
        assertThat(sink.accepted()).extracting(FocusLine::chargePeriodEnd)
                .containsOnly(DEC_1);
    }

    @Test
    void readsGoogleCloudExportWithBigQueryTimestamps() {
        CollectingSink<FocusLine> sink = read("focus/gcp-focus-bigquery.csv");

        assertThat(sink.problems()).isEmpty();
        FocusLine vertex = sink.accepted().get(1);
        assertThat(vertex.providerCode()).isEqualTo("gcp");
        assertThat(vertex.subAccountId()).isEqualTo("llm-research-381204");
        assertThat(vertex.chargePeriodStart()).isEqualTo(Instant.parse("2026-11-14T00:00:00Z"));
        assertThat(vertex.chargePeriodEnd()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(vertex.serviceName()).isEqualTo("Vertex AI");
        assertThat(vertex.tags()).containsEntry("ml-project", "fraud-detection");
    }

    @Test
    void readsGoogleCloudCreditWithNegativeCosts() {
        CollectingSink<FocusLine> sink = read("focus/gcp-focus-bigquery.csv");

        FocusLine credit = sink.accepted().get(2);
        assertThat(credit.chargeCategory()).isEqualTo("Credit");
        assertThat(credit.effectiveCost()).isEqualByComparingTo("-1523.46");
        assertThat(credit.billedCost()).isEqualByComparingTo("-1523.46");
    }

    @Test
    void readsRegionColumnAsRegionIdWhenRegionIdIsAbsent() {
        CollectingSink<FocusLine> sink = read("focus/region-column-focus-1.0.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).singleElement()
                .extracting(FocusLine::regionId)
                .isEqualTo("us-central1");
    }

    @Test
    void prefersRegionIdWhenBothRegionColumnsArePresent() {
        String csv = """
                ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,\
                ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,BillingCurrency,\
                Region,RegionId
                AWS,411236578902,284619037512,2026-11-01,2026-12-01,Usage,Amazon S3,1,1,1,USD,\
                US East (N. Virginia),us-east-1
                """;

        CollectingSink<FocusLine> sink = readText(csv);

        assertThat(sink.accepted()).singleElement()
                .extracting(FocusLine::regionId)
                .isEqualTo("us-east-1");
    }

    @Test
    void readsQuotedCommasQuotesAndLineBreaksInsideFields() {
        CollectingSink<FocusLine> sink = read("focus/quoted-fields.csv");

        assertThat(sink.problems()).isEmpty();
        assertThat(sink.accepted()).hasSize(3);
        FocusLine storage = sink.accepted().get(1);
        assertThat(storage.serviceName()).isEqualTo("Storage");
        assertThat(storage.tags()).containsEntry("owner", "Data \"Corpus\" Team, Berlin");
        FocusLine ranking = sink.accepted().get(2);
        assertThat(ranking.tags()).containsEntry("note", "line one\nline two");
        assertThat(ranking.skuId()).isEqualTo("Standard_NC8as_T4_v3");
    }

    @Test
    void numbersRowsByRecordSoMultiLineFieldsAndBlankLinesDoNotShiftThem() {
        CollectingSink<FocusLine> sink = new CollectingSink<>();

        ReadSummary summary = reader.read(
                Fixtures.open("focus/quoted-fields.csv"), "quoted-fields.csv", sink);

        assertThat(sink.accepted()).extracting(FocusLine::row).containsExactly(2, 3, 4);
        assertThat(summary).isEqualTo(new ReadSummary(3, 3, 0));
    }

    @Test
    void acceptsHeaderOnlyFileAsAMonthWithoutCharges() {
        CollectingSink<FocusLine> sink = new CollectingSink<>();

        ReadSummary summary = reader.read(
                Fixtures.open("focus/header-only.csv"), "header-only.csv", sink);

        assertThat(summary).isEqualTo(new ReadSummary(0, 0, 0));
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void takesTimestampsWithoutOffsetAsUtc() {
        String csv = """
                ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,\
                ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,BillingCurrency
                Google Cloud,01A7C3-9F4E2B-6D8051,llm-research-381204,2026-11-01 00:00:00,\
                2026-11-02T00:00:00,Usage,Vertex AI,10,9,9,USD
                """;

        CollectingSink<FocusLine> sink = readText(csv);

        FocusLine line = sink.accepted().get(0);
        assertThat(line.chargePeriodStart()).isEqualTo(NOV_1);
        assertThat(line.chargePeriodEnd()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void storesChargeCategoryInCanonicalCapitalisation() {
        String csv = """
                ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,\
                ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,BillingCurrency
                AWS,411236578902,284619037512,2026-11-01,2026-12-01,USAGE,Amazon S3,1,1,1,USD
                AWS,411236578902,284619037512,2026-11-01,2026-12-01,adjustment,Amazon S3,0,-1,-1,USD
                """;

        CollectingSink<FocusLine> sink = readText(csv);

        assertThat(sink.accepted()).extracting(FocusLine::chargeCategory)
                .containsExactly("Usage", "Adjustment");
    }

    /**
     * Periods and tag sets are parsed once per distinct text and shared between the lines that
     * repeat them; a shared tag map must then be one no line can change for the others.
     */
    @Test
    void sharesRepeatedTagsAsAMapNoLineCanChange() {
        String csv = """
                ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,\
                ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,BillingCurrency,Tags
                AWS,4112,2846,2026-11-01,2026-11-02,Usage,Amazon S3,1,1,1,USD,"{""ml-project"":""a""}"
                AWS,4112,2846,2026-11-01,2026-11-02,Usage,Amazon S3,2,2,2,USD,"{""ml-project"":""a""}"
                AWS,4112,2846,2026-11-02,2026-11-03,Usage,Amazon S3,3,3,3,USD,"{""ml-project"":""b""}"
                """;

        CollectingSink<FocusLine> sink = readText(csv);

        FocusLine first = sink.accepted().get(0);
        assertThat(sink.accepted()).extracting(line -> line.tags().get("ml-project"))
                .containsExactly("a", "a", "b");
        assertThat(sink.accepted()).extracting(FocusLine::chargePeriodStart).containsExactly(
                NOV_1, NOV_1, Instant.parse("2026-11-02T00:00:00Z"));
        assertThatThrownBy(() -> first.tags().put("ml-project", "changed"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void quarantinesABadPeriodEvenAfterGoodOnesWereRemembered() {
        String csv = """
                ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,\
                ChargeCategory,ServiceName,ListCost,EffectiveCost,BilledCost,BillingCurrency
                AWS,4112,2846,2026-11-01,2026-11-02,Usage,Amazon S3,1,1,1,USD
                AWS,4112,2846,2026-11-31,2026-11-02,Usage,Amazon S3,1,1,1,USD
                AWS,4112,2846,2026-11-01,2026-11-02,Usage,Amazon S3,1,1,1,USD
                """;

        CollectingSink<FocusLine> sink = readText(csv);

        assertThat(sink.accepted()).extracting(FocusLine::row).containsExactly(2, 4);
        assertThat(sink.problems()).extracting(problem -> problem.column())
                .containsExactly("ChargePeriodStart");
    }

    private CollectingSink<FocusLine> read(String path) {
        CollectingSink<FocusLine> sink = new CollectingSink<>();
        ReadSummary summary = reader.read(Fixtures.open(path), path, sink);
        assertThat(summary.rowsAccepted()).isEqualTo(sink.accepted().size());
        assertThat(summary.rowsQuarantined()).isEqualTo(sink.problems().size());
        return sink;
    }

    private CollectingSink<FocusLine> readText(String csv) {
        CollectingSink<FocusLine> sink = new CollectingSink<>();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        reader.read(new ByteArrayInputStream(bytes), "inline.csv", sink);
        return sink;
    }
}
