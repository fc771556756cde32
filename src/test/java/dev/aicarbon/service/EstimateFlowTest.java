package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Job estimates through the REST API, each figure computed by hand in the comment beside it.
 */
@QuarkusTest
class EstimateFlowTest extends ApiTest {

    @BeforeEach
    void registerAlpha() {
        given().contentType("application/json").body("{\"name\":\"alpha\"}")
                .when().post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void estimatesAPosterioriFromPowerHoursAndPlace() {
        // 1 x 300 W x 10 h x PUE 1.1 = 3.3 kWh; x 0.5 kg/kWh = 1.65 kg; market = location, flagged
        estimate("""
                {"project":"alpha","workload":"finetune","stage":"training","method":"a-posteriori",
                 "month":"2026-11","powerWatts":300,"count":1,"hours":10,"pue":1.1,
                 "gridKgCo2ePerKwh":0.5,"includeEmbodied":false}""")
                .statusCode(201)
                .body("energyKwh", kg("3.3"))
                .body("scope2LocationKgCo2e", kg("1.65"))
                .body("scope2MarketKgCo2e", kg("1.65"))
                .body("scope3KgCo2e", kg("0"))
                .body("totalLocationKgCo2e", kg("1.65"))
                .body("flags", hasItem("market-equals-location"))
                .body("waterLitres", nullValue())
                .body("adpKgSbEq", nullValue())
                .body("factors.find { it.name == 'pue' }.source", equalTo("request"));
    }

    @Test
    void addsTheEmbodiedShareOfTheTimeReserved() {
        // 1500 kg x 2 units x 10 h / 10,000 h x 0.5 reserved = 1.5 kg
        estimate("""
                {"project":"alpha","method":"a-posteriori","month":"2026-11","powerWatts":300,"count":2,
                 "hours":10,"pue":1.0,"gridKgCo2ePerKwh":0.5,"gridMarketKgCo2ePerKwh":0.1,
                 "embodiedKgCo2e":1500,"lifetimeHours":10000,"reservedShare":0.5}""")
                .statusCode(201)
                .body("energyKwh", kg("6"))
                .body("scope2LocationKgCo2e", kg("3"))
                .body("scope2MarketKgCo2e", kg("0.6"))
                .body("scope3KgCo2e", kg("1.5"))
                .body("totalMarketKgCo2e", kg("2.1"));
    }

    @Test
    void estimatesAPrioriFromFlopsAndFromTheSixNdRule() {
        // 3.6e18 FLOPs / (1 x 1e15 FLOP/s x 0.5) = 7200 s = 2 h; 400 W x 2 h = 0.8 kWh; x 0.25 = 0.2 kg
        estimate("""
                {"project":"alpha","method":"a-priori","month":"2026-11","flops":3.6e18,"count":1,
                 "peakFlopsPerSecond":1e15,"utilisation":0.5,"powerWatts":400,"pue":1,
                 "gridKgCo2ePerKwh":0.25,"includeEmbodied":false}""")
                .statusCode(201)
                .body("hours", kg("2"))
                .body("energyKwh", kg("0.8"))
                .body("scope2LocationKgCo2e", kg("0.2"));
        // 6 x 1e9 parameters x 3e8 tokens = 1.8e18 FLOPs: 1 h
        estimate("""
                {"project":"alpha","method":"a-priori","month":"2026-11","parameters":1e9,"tokens":3e8,
                 "count":1,"peakFlopsPerSecond":1e15,"utilisation":0.5,"powerWatts":400,"pue":1,
                 "gridKgCo2ePerKwh":0.25,"includeEmbodied":false}""")
                .statusCode(201)
                .body("hours", kg("1"));
    }

    @Test
    void estimatesFromMeasuredEnergy() {
        // 10 kWh measured x PUE 1.2 = 12 kWh; x 0.3 = 3.6 kg
        estimate("""
                {"project":"alpha","method":"measured","month":"2026-11","measuredEnergyKwh":10,"pue":1.2,
                 "gridKgCo2ePerKwh":0.3,"includeEmbodied":false}""")
                .statusCode(201)
                .body("energyKwh", kg("12"))
                .body("totalLocationKgCo2e", kg("3.6"));
    }

    @Test
    void takesFactorsLeftOutFromTheCatalogueWithTheirSources() {
        String grid = given().when().get("/api/v1/catalogue/grid-factors").then().statusCode(200)
                .extract().jsonPath().getString("'gcp/us-central1'.value");
        String pue = given().when().get("/api/v1/catalogue/pue").then().statusCode(200)
                .extract().jsonPath().getString("gcp.value");

        estimate("""
                {"project":"alpha","method":"a-posteriori","month":"2026-11","powerWatts":1000,"count":1,
                 "hours":1,"provider":"gcp","region":"us-central1","includeEmbodied":false}""")
                .statusCode(201)
                .body("factors.find { it.name == 'pue' }.value", kg(pue))
                .body("factors.find { it.name == 'gridLocationKgCo2ePerKwh' }.value", kg(grid))
                .body("factors.find { it.name == 'gridLocationKgCo2ePerKwh' }.source", containsString("us-central1"))
                .body("energyKwh", kg(pue))
                .body("scope2LocationKgCo2e", kg(new java.math.BigDecimal(pue).multiply(new java.math.BigDecimal(grid))
                        .toPlainString()));
    }

    @Test
    void reportsWaterWhereTheProviderPublishesAWue() {
        String wue = given().when().get("/api/v1/catalogue/wue").then().statusCode(200)
                .extract().jsonPath().getString("azure.value");

        // 1000 W x 1 h x PUE 1 = 1 kWh: water = WUE litres
        estimate("""
                {"project":"alpha","method":"a-posteriori","month":"2026-11","powerWatts":1000,"count":1,
                 "hours":1,"pue":1,"provider":"azure","gridKgCo2ePerKwh":0.3,"includeEmbodied":false}""")
                .statusCode(201)
                .body("waterLitres", kg(wue))
                .body("adpKgSbEq", nullValue());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "hours":-1,"powerWatts":300,"pue":1.1,"gridKgCo2ePerKwh":0.5                       | hours
            "hours":1,"hardware":"quantum-abacus","pue":1.1,"gridKgCo2ePerKwh":0.5              | hardware
            "hours":1,"powerWatts":300,"pue":1.1,"provider":"aws","region":"mars-1"             | region
            "hours":1,"powerWatts":300,"pue":0.9,"gridKgCo2ePerKwh":0.5                         | pue
            "hours":1,"powerWatts":300,"pue":1.1,"gridKgCo2ePerKwh":0.5,"utilisation":1.5       | utilisation
            """)
    void refusesBadInputNamingTheField(String fields, String field) {
        estimate("{\"project\":\"alpha\",\"method\":\"a-posteriori\",\"count\":1,\"includeEmbodied\":false,"
                + fields + "}")
                .statusCode(400)
                .body("parameter", equalTo(field));
    }

    @Test
    void refusesZeroFlopsAndUnknownProjects() {
        estimate("""
                {"project":"alpha","method":"a-priori","flops":0,"count":1,"peakFlopsPerSecond":1e15,
                 "utilisation":0.5,"powerWatts":400,"pue":1,"gridKgCo2ePerKwh":0.25,"includeEmbodied":false}""")
                .statusCode(400)
                .body("parameter", equalTo("flops"));
        estimate("""
                {"project":"nobody","method":"measured","measuredEnergyKwh":1,"pue":1,"gridKgCo2ePerKwh":1}""")
                .statusCode(400)
                .body("parameter", equalTo("project"));
    }

    @Test
    void estimatesStandInUntilAllocatedFiguresReplaceThemAndTheirErrorIsKept() {
        estimate("""
                {"project":"alpha","method":"a-posteriori","month":"2026-11","powerWatts":300,"count":1,
                 "hours":10,"pue":1.1,"provider":"azure","region":"eastus","gridKgCo2ePerKwh":0.5,
                 "includeEmbodied":false}""").statusCode(201);

        given().queryParam("from", "2026-11").when().get("/api/v1/projects/alpha/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("1.65"))
                .body("totals.'provider-reported'.flags", hasItem("estimated"));

        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);
        allocate(HandMonth.MONTH).statusCode(200);

        given().queryParam("from", "2026-11").when().get("/api/v1/projects/alpha/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("totals.'provider-reported'.flags", not(hasItem("estimated")));
        given().queryParam("from", "2026-11").when().get("/api/v1/projects/alpha/intensity/estimation-error")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].provider", equalTo("azure"))
                .body("[0].estimatedLocationKgCo2e", kg("1.65"))
                .body("[0].allocatedLocationKgCo2e", kg("412.5"))
                .body("[0].differenceLocationKgCo2e", kg("410.85"));
        given().when().get("/api/v1/projects/alpha/estimates").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].method", equalTo("a-posteriori"));
    }

    @Test
    void importsCodeCarbonRunsAsMeasuredEstimatesQuarantiningWhatCannotBeEstimated() {
        // run 1: cpu 0.1 + gpu 0.8 + ram 0.1 = 1 kWh x PUE 1.0 x 0.5 = 0.5 kg; run 2 in mars-1:
        // no grid factor, quarantined
        given()
                .contentType("text/csv")
                .queryParam("project", "alpha")
                .queryParam("stage", "training")
                .queryParam("pue", "1.0")
                .body(TestFiles.read("codecarbon/emissions.csv"))
                .when()
                .post("/api/v1/imports/codecarbon")
                .then()
                .statusCode(201)
                .body("rowsRead", equalTo(2))
                .body("rowsAccepted", equalTo(1))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].column", equalTo("cloud_region"));

        given().when().get("/api/v1/projects/alpha/estimates").then()
                .body("", hasSize(1))
                .body("[0].method", equalTo("measured"))
                .body("[0].energyKwh", kg("1"))
                .body("[0].hours", kg("2"))
                .body("[0].stage", equalTo("training"));
    }

    static ValidatableResponse estimate(String json) {
        return given()
                .contentType("application/json")
                .body(json)
                .when()
                .post("/api/v1/estimates")
                .then();
    }
}
