package dev.aicarbon.service.exports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.service.ApiTest;
import dev.aicarbon.service.TestTokens;
import dev.aicarbon.service.metrics.CarbonMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports and Prometheus gauges over the hand month: provider-reported input 700 kgCO2e
 * location-based (660 split by scope, 40 scope-combined) and 380 market-based; alpha 412.5 /
 * 225, beta 137.5 / 75, unallocated 110 / 60, unmatched 40 / 20.
 */
@QuarkusTest
class ExportAndMetricsTest extends ApiTest {

    @Inject
    CarbonMetrics metrics;

    @BeforeEach
    void allocateTheHandMonth() throws Exception {
        importFocus(read("focus.csv")).statusCode(201);
        importEmissions(read("emissions.csv")).statusCode(201);
        allocate("2026-11").statusCode(200);
    }

    private static String read(String file) throws Exception {
        return new String(ExportAndMetricsTest.class.getClassLoader()
                .getResourceAsStream("hand-month/" + file).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    private static BigDecimal sum(List<CSVRecord> rows, String column) {
        return rows.stream().map(row -> new BigDecimal(row.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void exportsEveryKilogramOnceWhicheverMethodIsSummed() throws Exception {
        String body = given().queryParam("month", "2026-11").when().get("/api/v1/exports/allocations")
                .then().statusCode(200).contentType("text/csv").extract().asString();

        List<CSVRecord> rows = csv(body);

        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(AllocationExport.COLUMNS);
        assertThat(sum(rows, "location_based_kgco2e")).isEqualByComparingTo("700");
        assertThat(sum(rows, "market_based_kgco2e")).isEqualByComparingTo("380");
        assertThat(rows).extracting(row -> row.get("project")).contains("alpha", "beta", "unallocated", "unmatched");
        assertThat(rows).filteredOn(row -> row.get("project").equals("unmatched"))
                .allSatisfy(row -> assertThat(row.get("scope")).isEqualTo("scope-combined"))
                .allSatisfy(row -> assertThat(row.get("flags")).contains("scope-combined"));
    }

    @Test
    void givesAViewerOnlyItsProjectsRows() throws Exception {
        io.restassured.RestAssured.requestSpecification = null;
        String body = given().header("Authorization", "Bearer " + TestTokens.viewerOf("beta"))
                .queryParam("month", "2026-11").when().get("/api/v1/exports/allocations")
                .then().statusCode(200).extract().asString();

        List<CSVRecord> rows = csv(body);

        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("project")).isEqualTo("beta"));
        assertThat(sum(rows, "location_based_kgco2e")).isEqualByComparingTo("137.5");
        assertThat(sum(rows, "market_based_kgco2e")).isEqualByComparingTo("75");
    }

    @Test
    void writesParquetWithExactDecimals(@TempDir Path directory) throws Exception {
        byte[] parquet = given().queryParam("month", "2026-11").queryParam("format", "parquet")
                .when().get("/api/v1/exports/allocations")
                .then().statusCode(200).extract().asByteArray();
        Path file = directory.resolve("allocations.parquet");
        Files.write(file, parquet);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet totals = duck.createStatement().executeQuery("select sum(location_based_kgco2e),"
                        + " sum(market_based_kgco2e), count(*) from read_parquet('" + file + "')"
                        + " where project = 'alpha'")) {
            totals.next();
            assertThat(totals.getBigDecimal(1)).isEqualByComparingTo("412.5");
            assertThat(totals.getBigDecimal(2)).isEqualByComparingTo("225");
        }
    }

    @Test
    void refusesAnUnknownFormatNamingTheParameter() {
        given().queryParam("month", "2026-11").queryParam("format", "xlsx")
                .when().get("/api/v1/exports/allocations")
                .then().statusCode(400)
                .body("parameter", org.hamcrest.Matchers.is("format"));
    }

    @Test
    void publishesTheLatestMonthPerProjectStageAndScopeToPrometheus() {
        metrics.refresh();

        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(scrape).contains("carbon_allocated_kgco2e{project=\"alpha\",scope=\"scope2-location\","
                + "stage=\"training\"} 300.0");
        assertThat(scrape).contains("carbon_allocated_kgco2e{project=\"unmatched\","
                + "scope=\"scope-combined-location\",stage=\"none\"} 40.0");
        assertThat(scrape).contains("carbon_allocation_run_seconds_count{outcome=\"published\"}");
        assertThat(scrape).contains("carbon_import_rows_total{kind=\"emissions\",outcome=\"accepted\"}");
    }
}
