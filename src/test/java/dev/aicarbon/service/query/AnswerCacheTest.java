package dev.aicarbon.service.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.aicarbon.service.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept answer of the per-project query is never served after the figures behind it change:
 * a restatement marking the month stale, a new run, a recorded offset. Hand month: alpha
 * 412.5 kgCO2e location-based; with scope 2 restated from 600 to 1200, alpha's share of it
 * doubles to 750 and its total becomes 787.5.
 */
@QuarkusTest
class AnswerCacheTest extends ApiTest {

    @BeforeEach
    void allocateTheHandMonth() throws IOException {
        importFocus(read("focus.csv")).statusCode(201);
        importEmissions(read("emissions.csv")).statusCode(201);
        allocate("2026-11").statusCode(200);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = AnswerCacheTest.class.getClassLoader()
                .getResourceAsStream("hand-month/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ValidatableResponse alpha() {
        return given().queryParam("from", "2026-11").queryParam("to", "2026-11")
                .when().get("/api/v1/projects/alpha/emissions")
                .then().statusCode(200);
    }

    @Test
    void dropsAKeptAnswerWhenTheMonthIsRestatedAndAllocatedAgain() throws IOException {
        alpha().body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("totals.'provider-reported'.flags", not(hasItem("stale")));
        alpha().body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"));

        importEmissions(read("emissions-restated.csv")).statusCode(201);
        alpha().body("totals.'provider-reported'.flags", hasItem("stale"));

        allocate("2026-11").statusCode(200);
        alpha().body("totals.'provider-reported'.totalLocationKgCo2e", kg("787.5"))
                .body("totals.'provider-reported'.flags", not(hasItem("stale")));
    }

    @Test
    void dropsAKeptAnswerWhenAnOffsetIsRecorded() {
        alpha().body("offsets.offsetsKgCo2e", kg("0"));

        given().contentType("application/json")
                .body("{\"kind\":\"offset\",\"from\":\"2026-11\",\"to\":\"2026-11\","
                        + "\"quantityKgCo2e\":100,\"registry\":\"Gold Standard\"}")
                .when().post("/api/v1/projects/alpha/offsets")
                .then().statusCode(201);

        alpha().body("offsets.offsetsKgCo2e", kg("100"));
    }
}
