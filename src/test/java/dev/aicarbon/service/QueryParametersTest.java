package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every malformed parameter is answered with 400 naming it; unknown things with 404. */
@QuarkusTest
class QueryParametersTest extends ApiTest {

    @Test
    void unknownProjectIsNotFound() {
        given().when().get("/api/v1/projects/nobody/emissions").then().statusCode(404);
        given().when().get("/api/v1/projects/nobody").then().statusCode(404);
    }

    @Test
    void malformedMonthNamesTheParameter() {
        registerProject("gamma");

        given().queryParam("from", "2026-1").when().get("/api/v1/projects/gamma/emissions").then()
                .statusCode(400)
                .body("parameter", equalTo("from"));
        given().queryParam("month", "November").when().get("/api/v1/emissions").then()
                .statusCode(400)
                .body("parameter", equalTo("month"));
    }

    @Test
    void rangeEndingBeforeItStartsNamesTo() {
        registerProject("gamma");

        given().queryParam("from", "2026-11").queryParam("to", "2026-10")
                .when().get("/api/v1/projects/gamma/emissions").then()
                .statusCode(400)
                .body("parameter", equalTo("to"));
    }

    @Test
    void unknownGroupKeyNamesGroupBy() {
        given().queryParam("month", "2026-11").queryParam("groupBy", "colour")
                .when().get("/api/v1/emissions").then()
                .statusCode(400)
                .body("parameter", equalTo("groupBy"))
                .body("message", containsString("colour"));
    }

    @Test
    void projectViewCannotGroupByProject() {
        registerProject("gamma");

        given().queryParam("groupBy", "project")
                .when().get("/api/v1/projects/gamma/emissions").then()
                .statusCode(400)
                .body("parameter", equalTo("groupBy"));
    }

    @Test
    void allocationNeedsAWellFormedMonth() {
        given().contentType("application/json").body("{}").when().post("/api/v1/allocations").then()
                .statusCode(400)
                .body("parameter", equalTo("month"));
        allocate("2026/11").statusCode(400).body("parameter", equalTo("month"));
    }

    @Test
    void allocatingAMonthWithoutDataIsRefused() {
        allocate("2019-01").statusCode(422).body("message", containsString("2019-01"));
    }

    @Test
    void registrationRefusesReservedAndDuplicateNames() {
        registerProject("gamma");

        given().contentType("application/json").body("{\"name\":\"gamma\"}")
                .when().post("/api/v1/projects").then().statusCode(409);
        given().contentType("application/json").body("{\"name\":\"unallocated\"}")
                .when().post("/api/v1/projects").then()
                .statusCode(400)
                .body("parameter", equalTo("name"));
        given().contentType("application/json").body("{\"name\":\"bad name!\"}")
                .when().post("/api/v1/projects").then()
                .statusCode(400);
    }

    @Test
    void registeredProjectWithoutAllocationsHasEmptyTotals() {
        registerProject("gamma");

        given().when().get("/api/v1/projects/gamma").then()
                .statusCode(200)
                .body("discovered", equalTo(false))
                .body("owner", equalTo("ml-platform"))
                .body("latestMonth", equalTo(null));
        given().queryParam("from", "2026-11").when().get("/api/v1/projects/gamma/emissions").then()
                .statusCode(200)
                .body("rows.size()", equalTo(0))
                .body("totals.size()", equalTo(0));
    }

    private static void registerProject(String name) {
        given()
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"owner\":\"ml-platform\"}")
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
    }
}
