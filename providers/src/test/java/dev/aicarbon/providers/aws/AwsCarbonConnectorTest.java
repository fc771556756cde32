package dev.aicarbon.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aicarbon.providers.csv.CollectingSink;
import dev.aicarbon.providers.emissions.EmissionsCsvReader;
import dev.aicarbon.providers.emissions.EmissionsRow;
import dev.aicarbon.providers.focus.FocusCsvReader;
import dev.aicarbon.providers.focus.FocusLine;
import dev.aicarbon.providers.sync.AccountFailure;
import dev.aicarbon.providers.sync.MonthPull;
import dev.aicarbon.providers.sync.ProviderException;
import dev.aicarbon.providers.sync.PullStatus;
import dev.aicarbon.providers.sync.PulledFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsCarbonConnectorTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static final String FIRST_ORG = "411236578902";
    private static final String SECOND_ORG = "558201937466";
    private static final String DENIED_ROLE_ORG = "902145336871";
    private static final String DENIED_PREFIX_ORG = "370046158223";
    private static final String SECOND_ORG_ROLE = "arn:aws:iam::558201937466:role/carbon-export-reader";
    private static final String DENIED_ROLE = "arn:aws:iam::902145336871:role/carbon-export-reader";

    private static final String FIRST_CARBON = "exports/411236578902/carbon-emissions/";
    private static final String FIRST_FOCUS = "exports/411236578902/focus-1-2/";
    private static final String V3_NOVEMBER = FIRST_CARBON
            + "data/model_version=v3.0.0/usage_period=2026-11/";
    private static final String STRAY_FILE = V3_NOVEMBER + "carbon-emissions-00002.snappy.parquet";
    private static final String FIRST_FOCUS_FILE = FIRST_FOCUS
            + "data/BILLING_PERIOD=2026-11/focus-1-2-00001.snappy.parquet";

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";

    private LocalAwsServer aws;

    @TempDir
    Path workDir;

    @BeforeEach
    void recordBucket() throws IOException {
        aws = new LocalAwsServer();
        aws.put(FIRST_CARBON + "data/model_version=v2.0.0/usage_period=2026-11/"
                + "carbon-emissions-00001.csv.gz", "aws/carbon-2026-11-model-v2.csv.gz");
        aws.put(V3_NOVEMBER + "carbon-emissions-00001.snappy.parquet",
                "aws/carbon-2026-11.parquet");
        aws.putBytes(STRAY_FILE, "PAR1 left over from an earlier delivery".getBytes(
                StandardCharsets.UTF_8));
        aws.put(FIRST_CARBON + "metadata/model_version=v3.0.0/usage_period=2026-11/"
                + "carbon-emissions-Manifest.json", "aws/carbon-emissions-Manifest.json");
        for (String month : List.of("2026-08", "2026-09", "2026-10")) {
            aws.put(FIRST_CARBON + "data/model_version=v3.0.0/usage_period=" + month
                    + "/carbon-emissions-00001.snappy.parquet", "aws/carbon-empty-month.parquet");
        }
        aws.put(FIRST_FOCUS_FILE, "aws/focus-1.2-2026-11-part-1.parquet");

        aws.put("exports/558201937466/carbon-emissions/data/BILLING_PERIOD=2026-11/"
                + "carbon-emissions-00001.csv", "aws/carbon-2026-11-second-org.csv");
        aws.put("exports/558201937466/focus-1-2/data/BILLING_PERIOD=2026-11/"
                + "focus-1-2-00001.snappy.parquet", "aws/focus-1.2-2026-11-part-2.parquet");

        aws.put("exports/370046158223/carbon-emissions/data/BILLING_PERIOD=2026-11/"
                + "carbon-emissions-00001.csv", "aws/carbon-2026-11-second-org.csv");
        aws.denyPrefix("exports/370046158223/");
        aws.denyRole(DENIED_ROLE);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void pullsEveryReadableAccountIntoFilesTheImportsRead() throws IOException {
        MonthPull pull = connector(allAccounts()).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(pull.modelVersion()).isEqualTo("v3.0.0");
        assertThat(pull.files()).extracting(PulledFile::kind).containsExactly(
                PulledFile.Kind.EMISSIONS, PulledFile.Kind.FOCUS, PulledFile.Kind.FOCUS);
        assertThat(pull.files()).allSatisfy(file ->
                assertThat(file.source()).startsWith("s3://" + LocalAwsServer.BUCKET + "/"));

        CollectingSink<EmissionsRow> emissions = readEmissions(pull.files().get(0));
        assertThat(emissions.problems()).isEmpty();
        assertThat(emissions.accepted()).hasSize(6);
        assertThat(sum(emissions, EmissionsRow::totalLocationKgCo2e))
                .isEqualByComparingTo("1663.712");
        assertThat(sum(emissions, EmissionsRow::totalMarketKgCo2e))
                .isEqualByComparingTo("353.103");
    }

    @Test
    void readsOnlyTheNewestModelVersionOfTheMonthAndOnlyTheFilesItsManifestLists()
            throws IOException {
        MonthPull pull = connector(List.of(firstOrg())).pull(NOVEMBER, workDir);

        EmissionsRow ec2 = readEmissions(pull.files().get(0)).accepted().stream()
                .filter(row -> "Amazon Elastic Compute Cloud".equals(row.service()))
                .findFirst()
                .orElseThrow();
        assertThat(ec2.totalLocationKgCo2e()).isEqualByComparingTo("412.7");
        assertThat(aws.requests()).doesNotContain("GET " + STRAY_FILE);
    }

    @Test
    void convertsTheFocusParquetTagsAndTimestampsForTheFocusReader() throws IOException {
        MonthPull pull = connector(allAccounts()).pull(NOVEMBER, workDir);

        CollectingSink<FocusLine> first = readFocus(pull.files().get(1));
        CollectingSink<FocusLine> second = readFocus(pull.files().get(2));
        assertThat(first.problems()).isEmpty();
        assertThat(first.accepted()).hasSize(3);
        assertThat(second.accepted()).hasSize(1);
        FocusLine ec2 = first.accepted().get(0);
        assertThat(ec2.providerCode()).isEqualTo("aws");
        assertThat(ec2.serviceName()).isEqualTo("Amazon Elastic Compute Cloud");
        assertThat(ec2.chargePeriodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(ec2.chargePeriodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(ec2.billedCost()).isEqualByComparingTo("43417.1392");
        assertThat(ec2.tags()).containsEntry("user:ml-project", "llm-pretrain")
                .containsEntry("user:ml-stage", "training");
        assertThat(first.accepted().get(2).chargeCategory()).isEqualTo("Tax");
        assertThat(first.accepted().get(2).tags()).isEmpty();
        assertThat(second.accepted().get(0).subAccountId()).isEqualTo(SECOND_ORG);
    }

    @Test
    void reportsRefusedAccountsAndPullsTheOthers() {
        MonthPull pull = connector(allAccounts()).pull(NOVEMBER, workDir);

        assertThat(pull.failures()).extracting(AccountFailure::accountId)
                .containsExactly(DENIED_ROLE_ORG, DENIED_PREFIX_ORG);
        assertThat(pull.failures()).allSatisfy(failure ->
                assertThat(failure.reason()).contains("403 AccessDenied"));
        assertThat(pull.failures().get(0).reason()).contains(DENIED_ROLE);
        assertThat(aws.requests()).contains("ASSUME " + SECOND_ORG_ROLE, "ASSUME " + DENIED_ROLE);
    }

    @Test
    void retriesASlowDownThroughTheSdkRetryStrategy() {
        aws.slowDown(FIRST_FOCUS_FILE, 1);

        MonthPull pull = connector(List.of(firstOrg())).pull(NOVEMBER, workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.PULLED);
        assertThat(aws.requests()).filteredOn(("GET " + FIRST_FOCUS_FILE)::equals).hasSize(2);
    }

    @Test
    void followsContinuationTokensThroughListings() {
        connector(List.of(firstOrg())).pull(NOVEMBER, workDir);

        assertThat(aws.requests()).anyMatch(request ->
                request.startsWith("LIST " + FIRST_CARBON + "data/model_version=v3.0.0/ "));
    }

    @Test
    void reportsAPublishedMonthWithoutRowsAsEmpty() {
        MonthPull pull = connector(List.of(firstOrg())).pull(YearMonth.of(2026, 10), workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.EMPTY);
        assertThat(pull.files()).isEmpty();
        assertThat(pull.modelVersion()).isNull();
    }

    @Test
    void reportsAMonthNotPublishedYetWithItsExpectedDay() {
        MonthPull pull = connector(allAccounts()).pull(YearMonth.of(2026, 12), workDir);

        assertThat(pull.status()).isEqualTo(PullStatus.NOT_YET_AVAILABLE);
        assertThat(pull.availableAbout()).isEqualTo(LocalDate.of(2027, 1, 21));
        assertThat(pull.files()).isEmpty();
        assertThat(pull.failures()).hasSize(2);
    }

    @Test
    void stopsWhenTheCredentialsAreRejected() {
        aws.rejectAccessKey(ACCESS_KEY);
        AwsCarbonConnector connector = connector(List.of(firstOrg()));

        assertThatThrownBy(() -> connector.pull(NOVEMBER, workDir))
                .isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).reason())
                        .isEqualTo(ProviderException.Reason.CREDENTIALS))
                .hasMessageContaining("403 InvalidAccessKeyId")
                .hasMessageNotContaining(ACCESS_KEY);
    }

    @Test
    void failsWhenEveryAccountIsRefused() {
        AwsCarbonConnector connector = connector(List.of(
                account(DENIED_ROLE_ORG, DENIED_ROLE), account(DENIED_PREFIX_ORG, null)));

        assertThatThrownBy(() -> connector.pull(NOVEMBER, workDir))
                .isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).reason())
                        .isEqualTo(ProviderException.Reason.ACCESS_DENIED));
    }

    private AwsCarbonConnector connector(List<AwsExportAccount> accounts) {
        AwsConnectorSettings settings = new AwsConnectorSettings(
                "ml-org", "us-east-1", aws.endpoint(), accounts);
        return new AwsCarbonConnector(settings, StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
    }

    private static List<AwsExportAccount> allAccounts() {
        return List.of(firstOrg(), account(SECOND_ORG, SECOND_ORG_ROLE),
                account(DENIED_ROLE_ORG, DENIED_ROLE), account(DENIED_PREFIX_ORG, null));
    }

    private static AwsExportAccount firstOrg() {
        return account(FIRST_ORG, null);
    }

    private static AwsExportAccount account(String accountId, String roleArn) {
        return new AwsExportAccount(accountId, roleArn, new AwsDataExportLocation(
                LocalAwsServer.BUCKET, "exports/" + accountId, "carbon-emissions", "focus-1-2"));
    }

    private static CollectingSink<EmissionsRow> readEmissions(PulledFile file) throws IOException {
        CollectingSink<EmissionsRow> sink = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(file.path())) {
            new EmissionsCsvReader().read(in, file.source(), sink);
        }
        return sink;
    }

    private static CollectingSink<FocusLine> readFocus(PulledFile file) throws IOException {
        CollectingSink<FocusLine> sink = new CollectingSink<>();
        try (InputStream in = Files.newInputStream(file.path())) {
            new FocusCsvReader().read(in, file.source(), sink);
        }
        return sink;
    }

    private static BigDecimal sum(CollectingSink<EmissionsRow> sink,
            java.util.function.Function<EmissionsRow, BigDecimal> amount) {
        return sink.accepted().stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
