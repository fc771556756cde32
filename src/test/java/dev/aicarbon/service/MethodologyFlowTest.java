package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The seven-step method through the REST API on a hand-computed month
 * ({@code src/test/resources/hand-methodology}), 2026-11.
 *
 * <pre>
 * gpu-server = 2 gpu + 1 chassis: manufacturing 2 x 1440 + 720 = 3600, transport 144,
 * end of life 72 kgCO2e; per month over 72 months: 50, 2, 1 (53).
 *
 *  asset  datacenter  in service   retired     month of life in 2026-11  scope 3 in 2026-11
 *  a1     dc-a        2026-11-15               1st (mid-month counts)    53
 *  a2     dc-b        2020-12-01               72nd                      53
 *  a3     dc-b        2020-11-01               73rd                       0
 *  a4     dc-c        2025-01-01   2025-06-30  23rd (retired, amortising) 53
 *
 *  datacenter  kWh x PUE      loc/kWh mkt/kWh  scope1  scope2 loc  scope2 mkt  scope3
 *  dc-a        1000 x 1.2     0.3     0.1      5       360         120         53
 *  dc-b        2000 x 1.5     0.3     0.05     0       900         150         53
 *  dc-c         500 x 1.1     0.2     0.2      0       110         110         53
 *
 *  region eastus (dc-a, dc-b): 5, 1260, 270, 106; usage alpha IaaS 300, beta/serving PaaS 100
 *    factors per unit: 0.0125, 3.15, 0.675, 0.265
 *    alpha  3.75  945  202.5  79.5 (75 / 3 / 1.5)   total loc 1028.25, mkt 285.75
 *    beta   1.25  315   67.5  26.5                  total loc  342.75, mkt  95.25
 *  region northeurope (dc-c): no usage, all 0 / 110 / 110 / 53 in unused-capacity
 * </pre>
 */
@QuarkusTest
class MethodologyFlowTest extends ApiTest {

    private static final String MONTH = "2026-11";

    @Test
    void computesRegionsFactorsAndConsumersToTheGram() {
        importAll();

        runMethodology()
                .statusCode(200)
                .body("status", equalTo("current"))
                .body("lifetimeMonths", equalTo(72))
                .body("totals.regions.scope2LocationKgCo2e", kg("1370"))
                .body("totals.consumers.scope2LocationKgCo2e", kg("1260"))
                .body("totals.unusedCapacity.scope2LocationKgCo2e", kg("110"))
                .body("totals.unusedCapacity.scope3KgCo2e", kg("53"));

        given().queryParam("month", MONTH).when().get("/api/v1/methodology/regions/eastus").then()
                .statusCode(200)
                .body("provider", equalTo("azure"))
                .body("scope1KgCo2e", kg("5"))
                .body("scope2LocationKgCo2e", kg("1260"))
                .body("scope2MarketKgCo2e", kg("270"))
                .body("scope3KgCo2e", kg("106"))
                .body("scope3ByStage.manufacturingKgCo2e", kg("100"))
                .body("scope3ByStage.transportKgCo2e", kg("4"))
                .body("scope3ByStage.endOfLifeKgCo2e", kg("2"))
                .body("totalUsage", kg("400"))
                .body("factors.scope1KgCo2ePerUnit", kg("0.0125"))
                .body("factors.scope2LocationKgCo2ePerUnit", kg("3.15"))
                .body("factors.scope2MarketKgCo2ePerUnit", kg("0.675"))
                .body("factors.scope3KgCo2ePerUnit", kg("0.265"))
                .body("unusedCapacity.totalLocationKgCo2e", kg("0"))
                .body("datacenters", contains("dc-a", "dc-b"));
    }

    @Test
    void regionWithoutUsageKeepsEverythingInUnusedCapacity() {
        importAll();
        runMethodology().statusCode(200);

        given().queryParam("month", MONTH).when().get("/api/v1/methodology/regions/northeurope").then()
                .statusCode(200)
                .body("factors", nullValue())
                .body("flags", contains("no-usage"))
                .body("unusedCapacity.scope2MarketKgCo2e", kg("110"))
                .body("unusedCapacity.scope3KgCo2e", kg("53"));
    }

    @Test
    void datacentersAmortiseAssetsOverSeventyTwoMonths() {
        importAll();
        runMethodology().statusCode(200);

        datacenter("dc-a").body("assetsAmortising", equalTo(1)).body("scope3KgCo2e", kg("53"));
        datacenter("dc-b")
                .body("assetsAmortising", equalTo(1))
                .body("itEnergyKwh", kg("2000"))
                .body("scope2LocationKgCo2e", kg("900"))
                .body("scope2MarketKgCo2e", kg("150"))
                .body("scope3KgCo2e", kg("53"));
        datacenter("dc-c").body("assetsAmortising", equalTo(1)).body("scope3KgCo2e", kg("53"));
    }

    @Test
    void consumerEmissionsByLifeCycleStage() {
        importAll();
        runMethodology().statusCode(200);

        given().queryParam("from", MONTH).queryParam("to", MONTH)
                .when().get("/api/v1/methodology/consumers/alpha/emissions").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].scope1KgCo2e", kg("3.75"))
                .body("[0].scope2LocationKgCo2e", kg("945"))
                .body("[0].scope2MarketKgCo2e", kg("202.5"))
                .body("[0].scope3KgCo2e", kg("79.5"))
                .body("[0].totalLocationKgCo2e", kg("1028.25"))
                .body("[0].totalMarketKgCo2e", kg("285.75"));
        given().queryParam("from", MONTH).queryParam("groupBy", "scope,stage")
                .when().get("/api/v1/methodology/consumers/alpha/emissions").then()
                .statusCode(200)
                .body("scope", contains("scope1", "scope2-location", "scope2-market", "scope3", "scope3",
                        "scope3"))
                .body("find { it.stage == 'manufacturing' }.scope3KgCo2e", kg("75"))
                .body("find { it.stage == 'transport' }.scope3KgCo2e", kg("3"))
                .body("find { it.stage == 'end_of_life' }.scope3KgCo2e", kg("1.5"));
        given().queryParam("from", MONTH).when().get("/api/v1/methodology/consumers/nobody/emissions")
                .then().statusCode(404);
    }

    @Test
    void consumerGroupByRefusesAnUnknownKeyNamingTheKnownOnes() {
        importAll();
        runMethodology().statusCode(200);

        given().queryParam("from", MONTH)
                .queryParam("groupBy", "serviceModel,workload")
                .when().get("/api/v1/methodology/consumers/alpha/emissions").then()
                .statusCode(400)
                .body("parameter", equalTo("groupBy"))
                .body("message", equalTo("groupBy has an unknown key 'workload'; known keys: month, region,"
                        + " serviceModel, scope, stage"));
    }

    @Test
    void projectViewsShowBothBasesNeverSummed() {
        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);
        allocate(MONTH).statusCode(200);
        importAll();
        runMethodology().statusCode(200);

        given().queryParam("from", MONTH).when().get("/api/v1/projects/alpha/emissions").then()
                .statusCode(200)
                .body("rows.basis", contains("modelled", "provider-reported"))
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("totals.modelled.totalLocationKgCo2e", kg("1028.25"))
                .body("totals.modelled.totalMarketKgCo2e", kg("285.75"));
        given().queryParam("from", MONTH).queryParam("groupBy", "workload")
                .when().get("/api/v1/projects/beta/emissions").then()
                .body("rows.find { it.basis == 'modelled' }.workload", equalTo("serving"))
                .body("totals.modelled.totalLocationKgCo2e", kg("342.75"));
    }

    @Test
    void modelledRowsOfAMonthAddUpToTheRegionsWithUnusedCapacityAsAPseudoProject() {
        importAll();
        runMethodology().statusCode(200);

        // eastus 5 + 1260 + 106 = 1371, northeurope 110 + 53 = 163 (all unused)
        given().queryParam("month", MONTH).queryParam("groupBy", "project")
                .when().get("/api/v1/emissions").then()
                .statusCode(200)
                .body("rows.project", contains("alpha", "beta", "unused-capacity"))
                .body("rows.find { it.project == 'unused-capacity' }.totalLocationKgCo2e", kg("163"))
                .body("totals.modelled.totalLocationKgCo2e", kg("1534"));
    }

    @Test
    void reconcilesProviderReportedWithModelledPerProviderAndRegion() {
        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);
        allocate(MONTH).statusCode(200);
        importAll();
        runMethodology().statusCode(200);

        // provider-reported azure eastus: 600 + 60 (location), 300 + 60 (market)
        given().queryParam("month", MONTH).when().get("/api/v1/methodology/reconciliation").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].provider", equalTo("azure"))
                .body("[0].region", equalTo("eastus"))
                .body("[0].providerReported.totalLocationKgCo2e", kg("660"))
                .body("[0].modelled.totalLocationKgCo2e", kg("1371"))
                .body("[0].differenceLocationKgCo2e", kg("711"))
                .body("[0].differenceMarketKgCo2e", kg("21"));
    }

    @Test
    void rerunGivesIdenticalResultsAndARestatementMarksTheRunStale() {
        importAll();
        int first = runMethodology().statusCode(200).extract().path("runId");
        int second = runMethodology()
                .statusCode(200)
                .body("totals.consumers.totalLocationKgCo2e", kg("1371"))
                .extract()
                .path("runId");
        given().when().get("/api/v1/methodology/runs/" + first).then()
                .body("status", equalTo("superseded"))
                .body("supersededBy", equalTo(second));

        importMethodology("datacenter-months", "datacenter-months-restated.csv")
                .statusCode(201)
                .body("staleMonths", contains(MONTH));
        given().queryParam("month", MONTH).when().get("/api/v1/methodology/regions/eastus").then()
                .body("flags", hasItem("stale"));

        // dc-a doubles its energy: scope 2 location-based 360 -> 720
        runMethodology().statusCode(200).body("totals.regions.scope2LocationKgCo2e", kg("1730"));
    }

    @Test
    void derivesUsageFromFocusLinesWhereNoneWasImported() {
        // eastus FOCUS lines by ListCost: alpha/train-1 300, beta 100, untagged 100 (consumer
        // unallocated); the shared line is overhead, no consumer. Total 500.
        importFocus(HandMonth.FOCUS).statusCode(201);
        for (String kind : new String[] {"component-factors", "hardware-models", "datacenters", "assets",
            "datacenter-months"}) {
            importMethodology(kind, kind + ".csv").statusCode(201);
        }

        runMethodology().statusCode(200);

        given().queryParam("month", MONTH).when().get("/api/v1/methodology/regions/eastus").then()
                .body("flags", contains("usage-from-focus"))
                .body("totalUsage", kg("500"))
                .body("factors.scope2LocationKgCo2ePerUnit", kg("2.52"));
        given().queryParam("from", MONTH).when().get("/api/v1/methodology/consumers/alpha/train-1/emissions")
                .then()
                .statusCode(200)
                .body("[0].scope2LocationKgCo2e", kg("756"));
        given().queryParam("from", MONTH).when().get("/api/v1/projects/alpha/emissions").then()
                .body("totals.modelled.totalLocationKgCo2e", kg("822.6"));
        given().queryParam("month", MONTH).when().get("/api/v1/methodology/regions/northeurope").then()
                .body("flags", contains("no-usage"));
    }

    @Test
    void unresolvedReferencesAreNamedNotZeroed() {
        importMethodology("component-factors", "component-factors.csv").statusCode(201);
        String models = "model,component,quantity\nmystery-server,gpu,8\nmystery-server,unobtainium,1\n";
        given().contentType("text/csv").body(models)
                .when().post("/api/v1/imports/methodology/hardware-models").then()
                .statusCode(201)
                .body("rowsAccepted", equalTo(0))
                .body("rowsQuarantined", equalTo(2))
                .body("errors.find { it.row == 3 }.reason", containsString("unobtainium"))
                .body("errors.find { it.row == 2 }.reason", containsString("refused whole"));
        importMethodology("hardware-models", "hardware-models.csv").statusCode(201);
        importMethodology("datacenters", "datacenters.csv").statusCode(201);

        String assets = "asset_id,model,datacenter,in_service_date,retired_date\n"
                + "x1,mystery-server,dc-a,2026-01-01,\nx2,gpu-server,dc-z,2026-01-01,\n";
        given().contentType("text/csv").body(assets)
                .when().post("/api/v1/imports/methodology/assets").then()
                .statusCode(201)
                .body("rowsQuarantined", equalTo(2))
                .body("errors[0].column", equalTo("model"))
                .body("errors[0].reason", containsString("mystery-server"))
                .body("errors[1].column", equalTo("datacenter"));
    }

    @Test
    void refusesUnknownKindsAndMonthsWithoutInputs() {
        given().contentType("text/csv").body("a,b\n1,2\n")
                .when().post("/api/v1/imports/methodology/recipes").then()
                .statusCode(404);
        runMethodologyOf("2019-01").statusCode(422);
        given().when().get("/api/v1/methodology/regions/eastus").then()
                .statusCode(400)
                .body("parameter", equalTo("month"));
    }

    private static void importAll() {
        for (String kind : new String[] {"component-factors", "hardware-models", "datacenters", "assets",
            "datacenter-months", "usage"}) {
            importMethodology(kind, kind + ".csv").statusCode(201).body("rowsQuarantined", equalTo(0));
        }
    }

    private static ValidatableResponse importMethodology(String kind, String file) {
        return given()
                .contentType("text/csv")
                .queryParam("source", file)
                .body(TestFiles.read("hand-methodology/" + file))
                .when()
                .post("/api/v1/imports/methodology/" + kind)
                .then();
    }

    private static ValidatableResponse runMethodology() {
        return runMethodologyOf(MONTH);
    }

    private static ValidatableResponse runMethodologyOf(String month) {
        return given()
                .contentType("application/json")
                .body("{\"month\":\"" + month + "\"}")
                .when()
                .post("/api/v1/methodology/runs")
                .then();
    }

    private static ValidatableResponse datacenter(String datacenter) {
        return given()
                .queryParam("month", MONTH)
                .when()
                .get("/api/v1/methodology/datacenters/" + datacenter)
                .then()
                .statusCode(200);
    }
}
