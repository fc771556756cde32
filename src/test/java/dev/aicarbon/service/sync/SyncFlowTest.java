package dev.aicarbon.service.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.aicarbon.service.ApiTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls through the real AWS connector and S3 client from a local S3 replaying Data Exports
 * (LocalAwsResource): one payer readable, one denied.
 *
 * <p>November's carbon export (model v3) holds, for usage accounts 284619037512 and
 * 735102948361, 1.4137 t location-based and 0.2731 t market-based in all, that is
 * 1413.712 kg and 273.103 kg.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsResource.class, restrictToAnnotatedClass = true)
class SyncFlowTest extends ApiTest {

    @BeforeEach
    void deliver() {
        LocalAwsResource.deliverNovember();
    }

    private static ValidatableResponse sync(String body) {
        return given()
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/sync")
                .then();
    }

    @Test
    void pullsAMonthIntoTheImportsAndReportsTheDeniedPayer() {
        sync("{\"month\":\"2026-11\"}")
                .statusCode(200)
                .body("pulls", hasSize(1))
                .body("pulls[0].status", is("PULLED"))
                .body("pulls[0].modelVersion", is("v3.0.0"))
                .body("pulls[0].filesImported", is(2))
                .body("pulls[0].failures.accountId", contains(LocalAwsResource.DENIED_PAYER))
                .body("pulls[0].failures[0].reason", containsStringIgnoringCase("denied"));

        given().queryParam("month", "2026-11").when().get("/api/v1/emissions").then()
                .statusCode(200);
        allocate("2026-11")
                .statusCode(200)
                .body("totals.input.scopeCombinedLocationKgCo2e", kg("1413.712"))
                .body("totals.input.scopeCombinedMarketKgCo2e", kg("273.103"));
    }

    @Test
    void storesAPullOnceHoweverOftenItIsRepeated() {
        sync("{\"month\":\"2026-11\"}").statusCode(200).body("pulls[0].filesImported", is(2));

        sync("{\"month\":\"2026-11\"}")
                .statusCode(200)
                .body("pulls[0].status", is("SKIPPED"));
        sync("{\"month\":\"2026-11\",\"force\":true}")
                .statusCode(200)
                .body("pulls[0].status", is("PULLED"))
                .body("pulls[0].filesImported", is(0))
                .body("pulls[0].filesUnchanged", is(2));

        given().when().get("/api/v1/providers").then()
                .statusCode(200)
                .body("find { it.provider == 'aws' }.months[0].versions", hasSize(1));
        assertCount("emissions_cell", 5);
    }

    @Test
    void makesARestatementANewVersionAndTheMonthStale() {
        sync("{\"month\":\"2026-11\"}").statusCode(200);
        allocate("2026-11").statusCode(200);

        LocalAwsResource.restateNovember();
        sync("{\"month\":\"2026-11\",\"force\":true}")
                .statusCode(200)
                .body("pulls[0].modelVersion", is("v2.0.0"))
                .body("pulls[0].filesImported", is(1))
                .body("pulls[0].restatedAccounts", hasItem("284619037512"));

        given().queryParam("month", "2026-11").when().get("/api/v1/emissions").then()
                .body("totals.'provider-reported'.flags", hasItem("stale"));
        given().when().get("/api/v1/providers").then()
                .body("find { it.provider == 'aws' }.months[0].versions.modelVersion",
                        contains("v2.0.0", "v3.0.0"));
    }

    @Test
    void saysWhenAMonthNotYetPublishedIsDue() {
        sync("{\"month\":\"2026-12\"}")
                .statusCode(200)
                .body("pulls[0].status", is("NOT_YET_AVAILABLE"))
                .body("pulls[0].availableAbout", is("2027-01-21"))
                .body("pulls[0].importIds", empty());

        given().when().get("/api/v1/providers").then()
                .body("find { it.provider == 'aws' }.nextAvailable", is("2027-01-21"))
                .body("find { it.provider == 'aws' }.horizon", nullValue())
                .body("find { it.provider == 'aws' }.configured", is(true));
    }

    @Test
    void refusesAMalformedRequestNamingTheParameter() {
        sync("{\"from\":\"2026-11\",\"to\":\"2026-10\"}").statusCode(400).body("parameter", is("to"));
        sync("{\"month\":\"Nov\"}").statusCode(400).body("parameter", is("month"));
        sync("{\"month\":\"2026-11\",\"provider\":\"ibm\"}").statusCode(400).body("parameter", is("provider"));
        given().when().get("/api/v1/providers").then()
                .body("find { it.provider == 'aws' }.months", not(hasItem(nullValue())));
    }

    private void assertCount(String table, long expected) {
        org.assertj.core.api.Assertions.assertThat(database.count(table)).isEqualTo(expected);
    }
}
