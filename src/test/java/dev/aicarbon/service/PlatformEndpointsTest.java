package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health and the OpenAPI document, at Quarkus's standard paths. */
@QuarkusTest
class PlatformEndpointsTest extends ApiTest {

    @Test
    void readinessIsUpWithTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentDescribesEveryEndpointWithUnits() {
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/v1/imports/focus'.post.summary", containsString("FOCUS"))
                .body("paths.'/api/v1/imports/emissions'.post.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/allocations'.post.description", containsString("kgCO2e"))
                .body("paths.'/api/v1/projects/{project}/emissions'.get.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/emissions'.get.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/projects'.get.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/methodology/runs'.post.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/methodology/regions/{region}'.get.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/methodology/datacenters/{datacenter}'.get.summary",
                        containsString("kgCO2e"))
                .body("paths.'/api/v1/methodology/consumers/{consumer}/emissions'.get.summary",
                        containsString("kgCO2e"))
                .body("paths.'/api/v1/methodology/reconciliation'.get.summary", containsString("kgCO2e"))
                .body("paths.'/api/v1/imports/methodology/{kind}'.post.description",
                        containsString("kgCO2e per unit"));
    }
}
