package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;


import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Import, allocate and query one hand-computed month through the REST API. */
@QuarkusTest
class AllocationFlowTest extends ApiTest {

    @BeforeEach
    void importHandMonth() {
        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);
    }

    @Test
    void allocationRunConservesEveryComponent() {
        allocate(HandMonth.MONTH)
                .statusCode(200)
                .body("month", equalTo("2026-11"))
                .body("status", equalTo("current"))
                .body("inputs.emissionsCells", equalTo(2))
                .body("inputs.usageLines", equalTo(4))
                .body("inputs.cellsUnmatched", equalTo(1))
                .body("totals.input.scope2LocationKgCo2e", kg("600"))
                .body("totals.input.scopeCombinedLocationKgCo2e", kg("40"))
                .body("totals.projects.scope2LocationKgCo2e", kg("500"))
                .body("totals.projects.scope2MarketKgCo2e", kg("250"))
                .body("totals.projects.scope3KgCo2e", kg("50"))
                .body("totals.buckets.unallocated.scope2LocationKgCo2e", kg("100"))
                .body("totals.buckets.unmatched.scopeCombinedLocationKgCo2e", kg("40"))
                .body("totals.buckets.unmatched.scopeCombinedMarketKgCo2e", kg("20"));
    }

    @Test
    void projectEmissionsMatchTheHandComputation() {
        allocate(HandMonth.MONTH).statusCode(200);

        given()
                .queryParam("from", "2026-11")
                .queryParam("to", "2026-11")
                .when()
                .get("/api/v1/projects/alpha/emissions")
                .then()
                .statusCode(200)
                .body("totals.'provider-reported'.scope1KgCo2e", kg("0"))
                .body("totals.'provider-reported'.scope2LocationKgCo2e", kg("375"))
                .body("totals.'provider-reported'.scope2MarketKgCo2e", kg("187.5"))
                .body("totals.'provider-reported'.scope3KgCo2e", kg("37.5"))
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("totals.'provider-reported'.totalMarketKgCo2e", kg("225"))
                .body("totals.'provider-reported'.flags", hasItem("shared-split"));
    }

    @Test
    void groupsAProjectByStageAndWorkload() {
        allocate(HandMonth.MONTH).statusCode(200);

        given()
                .queryParam("groupBy", "stage,workload")
                .when()
                .get("/api/v1/projects/alpha/emissions")
                .then()
                .statusCode(200)
                .body("groupBy", contains("stage", "workload"))
                .body("rows", hasSize(2))
                .body("rows[0].stage", nullValue())
                .body("rows[0].totalLocationKgCo2e", kg("82.5"))
                .body("rows[0].flags", contains("shared-split"))
                .body("rows[1].stage", equalTo("training"))
                .body("rows[1].workload", equalTo("train-1"))
                .body("rows[1].totalLocationKgCo2e", kg("330"));
    }

    @Test
    void dashboardViewShowsBucketsAsPseudoProjectsAndAddsUpToTheInput() {
        allocate(HandMonth.MONTH).statusCode(200);

        List<String> consumers = given()
                .queryParam("month", "2026-11")
                .queryParam("groupBy", "project")
                .when()
                .get("/api/v1/emissions")
                .then()
                .statusCode(200)
                .body("rows.find { it.project == 'beta' }.totalMarketKgCo2e", kg("75"))
                .body("rows.find { it.project == 'unallocated' }.totalLocationKgCo2e",
                        kg("110"))
                .body("rows.find { it.project == 'unmatched' }.flags", contains("scope-combined"))
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("700"))
                .body("totals.'provider-reported'.totalMarketKgCo2e", kg("380"))
                .extract()
                .jsonPath()
                .getList("rows.project");
        assertThat(consumers).containsExactly("alpha", "beta", "unallocated", "unmatched");
    }

    @Test
    void rerunWithUnchangedInputsSupersedesInsteadOfAdding() {
        int first = allocate(HandMonth.MONTH).statusCode(200).extract().path("runId");
        int second = allocate(HandMonth.MONTH)
                .statusCode(200)
                .body("totals.projects.scope2LocationKgCo2e", kg("500"))
                .extract()
                .path("runId");

        assertThat(second).isNotEqualTo(first);
        given().when().get("/api/v1/allocations/" + first).then()
                .body("status", equalTo("superseded"))
                .body("supersededBy", equalTo(second));
        given().queryParam("month", "2026-11").when().get("/api/v1/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("700"));
    }

    @Test
    void restatementReplacesTheCellAndMarksTheMonthStale() {
        allocate(HandMonth.MONTH).statusCode(200);

        importEmissions(HandMonth.EMISSIONS_RESTATED)
                .statusCode(201)
                .body("restated", hasSize(1))
                .body("restated[0].provider", equalTo("azure"))
                .body("restated[0].accountId", equalTo(HandMonth.AZURE_SUBSCRIPTION))
                .body("staleMonths", contains("2026-11"));
        given().queryParam("month", "2026-11").when().get("/api/v1/emissions").then()
                .body("totals.'provider-reported'.flags", hasItem("stale"))
                .body("totals.'provider-reported'.scope2LocationKgCo2e", kg("600"));

        allocate(HandMonth.MONTH)
                .statusCode(200)
                .body("totals.input.scope2LocationKgCo2e", kg("1200"))
                .body("totals.input.scopeCombinedLocationKgCo2e", kg("40"));
        given().queryParam("month", "2026-11").when().get("/api/v1/emissions").then()
                .body("totals.'provider-reported'.flags", not(hasItem("stale")))
                .body("totals.'provider-reported'.scope2LocationKgCo2e", kg("1200"));
    }

    @Test
    void focusRestatementReplacesTheAccountsLinesWithoutDoubleCounting() {
        allocate(HandMonth.MONTH).statusCode(200);

        importFocus(HandMonth.FOCUS_RESTATED)
                .statusCode(201)
                .body("restated[0].provider", equalTo("azure"))
                .body("restated[0].accountId", equalTo(HandMonth.AZURE_SUBSCRIPTION))
                .body("staleMonths", contains("2026-11"));

        // beta now has direct usage 200 (rows 3 and 5), alpha 300; the shared 100/50/10
        // splits 3:2, so beta gets 100 + 100 + 40 of scope 2 location-based.
        allocate(HandMonth.MONTH)
                .statusCode(200)
                .body("inputs.usageLines", equalTo(4))
                .body("totals.buckets.unallocated.totalLocationKgCo2e", kg("0"))
                .body("totals.projects.scope2LocationKgCo2e", kg("600"));
        given().when().get("/api/v1/projects/beta/emissions").then()
                .body("totals.'provider-reported'.scope2LocationKgCo2e", kg("240"))
                .body("totals.'provider-reported'.scope3KgCo2e", kg("24"));
        given().when().get("/api/v1/projects/alpha/emissions").then()
                .body("totals.'provider-reported'.scope2LocationKgCo2e", kg("360"));
    }

    @Test
    void allocatesByAnotherUsageMetricWhenAsked() {
        // EffectiveCost 250, 90, 100, 100: beta's direct line weighs 90 of 540, one sixth; the
        // untagged line 100 of 540, 111.1111111111... rounded half-even to 12 places.
        given()
                .contentType("application/json")
                .body("{\"month\":\"2026-11\",\"usageMetric\":\"effective_cost\"}")
                .when()
                .post("/api/v1/allocations")
                .then()
                .statusCode(200)
                .body("usageMetric", equalTo("EFFECTIVE_COST"))
                .body("totals.buckets.unallocated.scope2LocationKgCo2e", kg("111.111111111111"))
                .body("totals.projects.scope2LocationKgCo2e", kg("488.888888888889"));

        given().queryParam("groupBy", "stage").when().get("/api/v1/projects/beta/emissions").then()
                .body("rows.find { it.stage == 'inference' }.scope2LocationKgCo2e", kg("100"));
    }

    @Test
    void refusesAnUnknownUsageMetric() {
        given()
                .contentType("application/json")
                .body("{\"month\":\"2026-11\",\"usageMetric\":\"carbon\"}")
                .when()
                .post("/api/v1/allocations")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("usageMetric"));
    }

    @Test
    void listsTheRunsOfAMonthNewestFirst() {
        int first = allocate(HandMonth.MONTH).statusCode(200).extract().path("runId");
        int second = allocate(HandMonth.MONTH).statusCode(200).extract().path("runId");

        given().queryParam("month", "2026-11").when().get("/api/v1/allocations").then()
                .statusCode(200)
                .body("runId", contains(second, first))
                .body("status", contains("current", "superseded"));
        given().queryParam("month", "2026-10").when().get("/api/v1/allocations").then()
                .statusCode(200)
                .body("", hasSize(0));
        given().when().get("/api/v1/allocations/999999").then().statusCode(404);
    }

    @Test
    void reimportingIdenticalContentStoresNothingNew() {
        long linesBefore = database.count("usage_line");
        int firstId = given().when().get("/api/v1/imports").then().extract().path("[1].id");

        importFocus(HandMonth.FOCUS)
                .statusCode(200)
                .body("duplicate", equalTo(true))
                .body("importId", equalTo(firstId))
                .body("rowsAccepted", equalTo(5));

        assertThat(database.count("usage_line")).isEqualTo(linesBefore);
        assertThat(database.count("import_batch")).isEqualTo(2);
    }

    @Test
    void projectsListCarriesTheLatestMonthTotals() {
        allocate(HandMonth.MONTH).statusCode(200);

        given().when().get("/api/v1/projects").then()
                .statusCode(200)
                .body("name", contains("alpha", "beta"))
                .body("[0].discovered", equalTo(true))
                .body("[0].workloads", contains("train-1"))
                .body("[0].latestMonth", equalTo("2026-11"))
                .body("[0].latestMonthEmissions.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("[1].latestMonthEmissions.'provider-reported'.totalMarketKgCo2e", kg("75"));
    }
}
