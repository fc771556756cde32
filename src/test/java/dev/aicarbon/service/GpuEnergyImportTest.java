package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Azure ML GPU energy (GpuEnergyJoules) as measured estimates, on a recorded metrics answer:
 * run keen_tiger 2,232,000.5 + 2,502,000.25 J = 1.315000208333 kWh (12 places), run
 * calm_river 2,520,000 J = 0.7 kWh.
 */
@QuarkusTest
class GpuEnergyImportTest extends ApiTest {

    @BeforeEach
    void registerAlpha() {
        given().contentType("application/json").body("{\"name\":\"alpha\"}")
                .when().post("/api/v1/projects").then().statusCode(201);
    }

    @Test
    void storesOneMeasuredEstimatePerRun() {
        importGpuEnergy(TestFiles.read("azure/gpu-energy-pt1h.json"))
                .statusCode(201)
                .body("rowsAccepted", equalTo(2));

        given().when().get("/api/v1/projects/alpha/estimates").then()
                .body("", hasSize(2))
                .body("find { it.workload == 'keen_tiger_4rk8pz1m0q' }.energyKwh", kg("1.315000208333"))
                .body("find { it.workload == 'calm_river_7tq2wd9b3n' }.energyKwh", kg("0.7"))
                .body("find { it.workload == 'calm_river_7tq2wd9b3n' }.totalLocationKgCo2e", kg("0.35"))
                .body("find { it.workload == 'calm_river_7tq2wd9b3n' }.month", equalTo("2024-05"));
    }

    @Test
    void anOverlappingAnswerReplacesTheRunsItCoversInsteadOfAddingThem() {
        String answer = TestFiles.read("azure/gpu-energy-pt1h.json");
        importGpuEnergy(answer).statusCode(201);
        importGpuEnergy(answer + "\n").statusCode(201);

        given().when().get("/api/v1/projects/alpha/estimates").then().body("", hasSize(2));
    }

    @Test
    void refusesADocumentThatIsNoMetricsAnswer() {
        importGpuEnergy("{\"rows\": []}").statusCode(400);
        given().when().get("/api/v1/projects/alpha/estimates").then().body("", hasSize(0));
    }

    @Test
    void pullingWithoutAnAzureIdentityConfiguredIsRefused() {
        given()
                .contentType("application/json")
                .body("{\"workspaceResourceId\":\"/subscriptions/x/resourceGroups/y/providers/"
                        + "Microsoft.MachineLearningServices/workspaces/z\",\"from\":\"2026-11-01T00:00:00Z\","
                        + "\"to\":\"2026-12-01T00:00:00Z\",\"project\":\"alpha\"}")
                .when()
                .post("/api/v1/imports/azure-monitor-gpu-energy/pull")
                .then()
                .statusCode(409);
    }

    private static ValidatableResponse importGpuEnergy(String json) {
        return given()
                .contentType("application/json")
                .queryParam("project", "alpha")
                .queryParam("stage", "training")
                .queryParam("pue", "1.0")
                .queryParam("gridKgCo2ePerKwh", "0.5")
                .body(json)
                .when()
                .post("/api/v1/imports/azure-monitor-gpu-energy")
                .then();
    }
}
