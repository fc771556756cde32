package dev.aicarbon.service.dashboard;

import static dev.aicarbon.service.dashboard.ApiFigures.byValue;
import static dev.aicarbon.service.dashboard.ApiFigures.column;
import static dev.aicarbon.service.dashboard.ApiFigures.emissionsTable;
import static dev.aicarbon.service.dashboard.ApiFigures.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.service.ApiTest;
import dev.aicarbon.service.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The GreenOps dashboard in a real headless Chromium, against the service and its database:
 * every figure the page draws is checked against the API's answer for the same filter.
 * The months loaded are described in {@link DashboardMonths}.
 */
@QuarkusTest
class DashboardBrowserTest extends ApiTest {

    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final String REPORTED = "provider-reported";
    private static final String MODELLED = "modelled";
    private static final Set<String> BUCKETS = Set.of("unallocated", "unmatched", "unused-capacity");

    @TestHTTPResource("/")
    URL root;

    private final String adminToken = TestTokens.admin();
    private RequestSpecification admin;
    private ChromeDriver browser;
    private DashboardPage page;

    @BeforeEach
    void loadTwoMonthsAndOpenABrowser() {
        // Each request below says whose it is; the admin default of ApiTest is dropped.
        RestAssured.requestSpecification = null;
        admin = as(adminToken);
        DashboardMonths.load(admin);
        browser = HeadlessChromium.start();
        page = new DashboardPage(browser);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsEveryProjectMonthAsTheApiReportsItOnBothBasesAndBothScope2Methods() {
        page.open(root).signIn(adminToken).awaitFigures();
        assertThat(page.value("filter-to")).as("the latest allocated month").isEqualTo("2026-11");
        assertThat(page.value("filter-from")).isEqualTo("2026-09");
        JsonPath report = emissions(admin, "2026-09", "2026-11", "month,project");

        List<Map<String, String>> locationBased = page.table("time-" + REPORTED);
        checkTimeFigures(report, "location");
        assertThat(column(locationBased, "month")).contains("2026-10", "2026-11");
        assertThat(page.chartText("time-" + REPORTED)).contains("unallocated (bucket)", "unmatched (bucket)");
        assertThat(page.chartText("time-" + MODELLED)).contains("unused-capacity (bucket)");
        page.screenshot(SCREENSHOT);

        page.scope2("market");

        checkTimeFigures(report, "market");
        assertThat(byValue(page.table("time-" + REPORTED))).isNotEqualTo(byValue(locationBased));
    }

    @Test
    void downloadsAsCsvExactlyTheFiguresItDraws() {
        page.open(root).signIn(adminToken).awaitFigures().scope2("market");

        for (String figure : List.of("time-" + REPORTED, "time-" + MODELLED, "breakdown-provider-" + REPORTED)) {
            List<Map<String, String>> table = page.table(figure);
            List<Map<String, String>> csv = parseCsv(page.csv(figure));

            assertThat(csv).as(figure).isEqualTo(table);
            assertThat(page.downloadName(figure)).isEqualTo(figure + ".csv");
        }
        assertThat(page.table("time-" + REPORTED).get(0).keySet()).containsExactly("month", "project", "basis",
                "scope1_kgco2e", "scope2_market_kgco2e", "scope3_kgco2e", "scope_combined_market_kgco2e",
                "total_market_kgco2e", "flags");
    }

    @Test
    void followsTheProviderProjectAndBreakdownFiltersAsTheApiAnswersThem() {
        page.open(root).signIn(adminToken).awaitFigures().month("filter-from", "2026-10");
        assertThat(page.options("filter-provider")).containsExactly("", "aws", "azure", "gcp");

        page.choose("filter-provider", "gcp");
        List<Map<String, Object>> gcpRows = rows(emissions(admin, "2026-10", "2026-11", "month,project,provider"))
                .stream().filter(row -> "gcp".equals(row.get("provider"))).toList();
        assertThat(byValue(page.table("time-" + REPORTED))).isEqualTo(byValue(
                emissionsTable(gcpRows, REPORTED, List.of("month", "project", "provider"), "location")));

        page.choose("filter-provider", "").choose("filter-project", "llm-pretrain");
        JsonPath project = given(admin).queryParam("from", "2026-10").queryParam("to", "2026-11")
                .queryParam("groupBy", "month")
                .when().get("/api/v1/projects/llm-pretrain/emissions").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> projectRows = rows(project);
        projectRows.forEach(row -> row.put("project", "llm-pretrain"));
        for (String basis : List.of(REPORTED, MODELLED)) {
            assertThat(byValue(page.table("time-" + basis))).as(basis).isEqualTo(byValue(
                    emissionsTable(projectRows, basis, List.of("month", "project"), "location")));
        }

        page.choose("filter-project", "");
        for (String dimension : List.of("provider", "region", "service", "workload", "stage")) {
            page.choose("breakdown-dimension", dimension);
            JsonPath breakdown = emissions(admin, "2026-10", "2026-11", dimension);
            assertThat(byValue(page.table("breakdown-" + dimension + "-" + REPORTED))).as(dimension)
                    .isEqualTo(byValue(emissionsTable(rows(breakdown), REPORTED, List.of(dimension), "location")));
        }
    }

    @Test
    void aProjectViewerSeesOnlyItsProjectAndNoMonthCloses() {
        String viewerToken = TestTokens.viewerOf("fraud-detection");
        page.open(root).signIn(viewerToken).awaitFigures();

        assertThat(page.options("filter-project")).containsExactly("", "fraud-detection");
        List<Map<String, String>> drawn = page.table("time-" + REPORTED);
        assertThat(column(drawn, "project")).isNotEmpty().containsOnly("fraud-detection");
        JsonPath report = emissions(as(viewerToken), "2026-09", "2026-11", "month,project");
        assertThat(byValue(drawn)).isEqualTo(byValue(
                emissionsTable(rows(report), REPORTED, List.of("month", "project"), "location")));
        assertThat(new BigDecimal(page.total("time-" + REPORTED, REPORTED)))
                .isEqualByComparingTo(report.getString("totals.'provider-reported'.totalLocationKgCo2e"));
        assertThat(page.panelState("panel-runs")).isEqualTo("forbidden");
        assertThat(page.panelText("panel-runs")).contains("403");
        assertThat(page.figureIds()).noneMatch(id -> id.startsWith("buckets-") || id.equals("runs"));
    }

    @Test
    void showsBucketsBudgetsEstimatesAndClosesAsTheApiReportsThem() {
        page.open(root).signIn(adminToken).awaitFigures().month("filter-from", "2026-10");

        assertThat(byValue(page.table("buckets-" + REPORTED))).isEqualTo(byValue(expectedBuckets(REPORTED)));
        assertThat(byValue(page.table("buckets-" + MODELLED))).isEqualTo(byValue(expectedBuckets(MODELLED)));
        assertThat(byValue(page.table("budgets"))).isEqualTo(byValue(expectedBudgets()));
        assertThat(byValue(page.table("estimates"))).isEqualTo(byValue(List.of(expectedEstimateComparison())));
        assertThat(byValue(page.table("runs"))).isEqualTo(byValue(expectedCloses()));
    }

    @Test
    void aRefusedTokenBringsTheSignInBack() {
        page.open(root).signIn("not-a-token");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> page.signInMessage().contains("401"));
        assertThat(page.signInShown()).isTrue();

        page.signIn(adminToken).awaitFigures();
        assertThat(page.signInShown()).isFalse();
        assertThat(browser.executeScript("return sessionStorage.getItem('carbon.bearerToken')")).isEqualTo(adminToken);

        // The token expires while the page is open: the next request answers 401.
        browser.executeScript("sessionStorage.setItem('carbon.bearerToken', arguments[0])",
                TestTokens.mint("admin", List.of(), Duration.ofSeconds(-120)));
        browser.findElement(org.openqa.selenium.By.cssSelector("input[name='scope2'][value='market']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> page.signInShown());
        assertThat(page.signInMessage()).contains("401");
    }

    private void checkTimeFigures(JsonPath report, String method) {
        String totalField = "total" + (method.equals("market") ? "Market" : "Location") + "KgCo2e";
        for (String basis : List.of(REPORTED, MODELLED)) {
            String figure = "time-" + basis;
            List<Map<String, String>> drawn = page.table(figure);

            assertThat(byValue(drawn)).as(figure + ", " + method).isEqualTo(byValue(
                    emissionsTable(rows(report), basis, List.of("month", "project"), method)));
            assertThat(new BigDecimal(page.total(figure, basis))).as("total of " + figure)
                    .isEqualByComparingTo(report.getString("totals.'" + basis + "'." + totalField));
            assertThat(page.barValues(figure, "scope2")).as("bars of " + figure)
                    .isEqualTo(column(drawn, "scope2_" + method + "_kgco2e"));
        }
    }

    /** Bucket rows, each against its month's total of the same basis as the API gives it. */
    private List<Map<String, String>> expectedBuckets(String basis) {
        List<Map<String, String>> expected = new ArrayList<>();
        for (Map<String, Object> row : rows(emissions(admin, "2026-10", "2026-11", "month,project"))) {
            if (!basis.equals(row.get("basis")) || !BUCKETS.contains(row.get("project"))) {
                continue;
            }
            String month = (String) row.get("month");
            BigDecimal total = new BigDecimal(text(row.get("totalLocationKgCo2e")));
            BigDecimal monthTotal = new BigDecimal(emissions(admin, month, month, "project")
                    .getString("totals.'" + basis + "'.totalLocationKgCo2e"));
            Map<String, String> bucket = new LinkedHashMap<>();
            bucket.put("month", month);
            bucket.put("bucket", (String) row.get("project"));
            bucket.put("basis", basis);
            bucket.put("total_location_kgco2e", total.toPlainString());
            bucket.put("month_total_location_kgco2e", monthTotal.toPlainString());
            bucket.put("share_of_month_percent", total.multiply(BigDecimal.valueOf(100))
                    .divide(monthTotal, 1, RoundingMode.HALF_UP).toPlainString());
            expected.add(bucket);
        }
        assertThat(expected).as("the months have %s buckets", basis).isNotEmpty();
        return expected;
    }

    private List<Map<String, String>> expectedBudgets() {
        List<Map<String, String>> expected = new ArrayList<>();
        for (Map<String, Object> budget : given(admin).when().get("/api/v1/projects/llm-pretrain/budgets")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("project", text(budget.get("project")));
            row.put("stage", budget.get("stage") == null ? "all stages" : text(budget.get("stage")));
            for (String field : List.of("kind", "from", "to")) {
                row.put(field, text(budget.get(field)));
            }
            row.put("limit_kgco2e", text(budget.get("limitKgCo2e")));
            row.put("used_kgco2e", text(budget.get("usedKgCo2e")));
            row.put("warning_share", text(budget.get("warningShare")));
            row.put("basis", text(budget.get("basis")));
            row.put("status", text(budget.get("status")));
            expected.add(row);
        }
        assertThat(expected).hasSize(1);
        return expected;
    }

    private Map<String, String> expectedEstimateComparison() {
        BigDecimal estimated = new BigDecimal(given(admin).when().get("/api/v1/projects/fraud-detection/estimates")
                .then().statusCode(200).extract().jsonPath().getString("[0].totalLocationKgCo2e"));
        BigDecimal allocated = rows(emissions(admin, "2026-11", "2026-11", "month,project")).stream()
                .filter(row -> "fraud-detection".equals(row.get("project")) && REPORTED.equals(row.get("basis")))
                .map(row -> new BigDecimal(text(row.get("totalLocationKgCo2e"))))
                .findFirst().orElseThrow();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("project", "fraud-detection");
        row.put("month", "2026-11");
        row.put("estimates", "1");
        row.put("estimated_total_location_kgco2e", estimated.toPlainString());
        row.put("allocated_total_location_kgco2e", allocated.toPlainString());
        row.put("difference_location_kgco2e", allocated.subtract(estimated).toPlainString());
        return row;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> expectedCloses() {
        List<Map<String, String>> expected = new ArrayList<>();
        for (Map<String, Object> run : given(admin).when().get("/api/v1/runs")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")) {
            Map<String, Object> imported = stageCounts(run, "import");
            Map<String, Object> validated = stageCounts(run, "validate");
            Map<String, String> row = new LinkedHashMap<>();
            row.put("run_id", text(run.get("runId")));
            row.put("month", text(run.get("month")));
            row.put("status", text(run.get("status")));
            row.put("exit_code", text(run.get("exitCode")));
            row.put("triggered_by", text(run.get("triggeredBy")));
            row.put("files", text(imported.get("files")));
            row.put("rows_read", text(imported.get("rowsRead")));
            row.put("rows_accepted", text(imported.get("rowsAccepted")));
            row.put("rows_quarantined", text(imported.get("rowsQuarantined")));
            row.put("quarantined_share", text(validated.get("quarantinedShare")));
            row.put("quarantined_share_threshold", text(validated.get("threshold")));
            row.put("started_at", text(run.get("startedAt")));
            expected.add(row);
        }
        assertThat(expected).as("the October close").hasSize(1);
        return expected;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stageCounts(Map<String, Object> run, String stage) {
        return ((List<Map<String, Object>>) run.get("stages")).stream()
                .filter(s -> stage.equals(s.get("name")))
                .map(s -> (Map<String, Object>) s.get("counts"))
                .findFirst().orElseThrow();
    }

    private static JsonPath emissions(RequestSpecification caller, String from, String to, String groupBy) {
        return given(caller)
                .queryParam("from", from)
                .queryParam("to", to)
                .queryParam("groupBy", groupBy)
                .when().get("/api/v1/emissions")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Map<String, Object>> rows(JsonPath report) {
        return new ArrayList<>(report.<Map<String, Object>>getList("rows").stream()
                .map(LinkedHashMap::new).map(row -> (Map<String, Object>) row).toList());
    }

    /** Built per test: a specification takes the port RestAssured has when it is built. */
    private static RequestSpecification as(String token) {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    /** The CSV as the table's shape: one map per record, header name to field. */
    private static List<Map<String, String>> parseCsv(String csv) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<Map<String, String>> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(name -> row.put(name, record.get(name)));
                records.add(row);
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
