package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Bad input of each kind: refused whole with a 400, or quarantined row by row. */
@QuarkusTest
class ImportValidationTest extends ApiTest {

    private static final String FOCUS_HEADER = "ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,RegionId,ServiceName,ListCost,EffectiveCost,BilledCost,"
            + "BillingCurrency,Tags\n";

    @Test
    void refusesABodyThatIsNotCsvAndStoresNothing() {
        importFocus("{\"rows\": [1, 2, 3]}")
                .statusCode(400)
                .body("source", equalTo("focus-test.csv"))
                .body("message", containsString("focus-test.csv"));

        assertThat(database.count("import_batch")).isZero();
    }

    @Test
    void refusesFocusWithoutRequiredColumnsNamingEachOne() {
        importFocus("ProviderName,SubAccountId,ServiceName\nAWS,111,Amazon EC2\n")
                .statusCode(400)
                .body("message", containsString("BillingAccountId"))
                .body("message", containsString("ChargePeriodStart"))
                .body("message", containsString("ListCost"))
                .body("message", containsString("BillingCurrency"));

        assertThat(database.count("import_batch")).isZero();
        assertThat(database.count("usage_line")).isZero();
    }

    @Test
    void refusesEmissionsWithoutAnyCompleteSetOfAmounts() {
        importEmissions("provider,account_id,month,scope1_kgco2e\naws,1,2026-11,3\n")
                .statusCode(400)
                .body("message", containsString("scope2_location_kgco2e"));

        assertThat(database.count("emissions_cell")).isZero();
    }

    @Test
    void refusesAnotherContentType() {
        given()
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/api/v1/imports/focus")
                .then()
                .statusCode(415);
    }

    @Test
    void quarantinesBadRowsNamingRowColumnAndReasonAndKeepsTheGoodOnes() {
        String csv = FOCUS_HEADER
                + "AWS,ba,111,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,us-east-1,Amazon EC2,10,9,9,USD,\n"
                + "AWS,ba,111,not-a-date,2026-12-01T00:00:00Z,Usage,us-east-1,Amazon EC2,10,9,9,USD,\n"
                + "AWS,ba,111,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,us-east-1,Amazon EC2,ten,9,9,USD,\n"
                + "AWS,ba,111,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Usage,us-east-1,Amazon EC2,10,9,9,USD,{oops\n";

        int importId = importFocus(csv)
                .statusCode(201)
                .body("rowsRead", equalTo(4))
                .body("rowsAccepted", equalTo(1))
                .body("rowsQuarantined", equalTo(3))
                .body("errors", hasSize(3))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].column", equalTo("ChargePeriodStart"))
                .body("errors[0].reason", containsString("not-a-date"))
                .body("errors[1].row", equalTo(4))
                .body("errors[1].column", equalTo("ListCost"))
                .body("errors[1].reason", containsString("ten"))
                .body("errors[2].row", equalTo(5))
                .body("errors[2].column", equalTo("Tags"))
                .extract()
                .path("importId");

        given().when().get("/api/v1/imports/" + importId + "/quarantine").then()
                .statusCode(200)
                .body("", hasSize(3))
                .body("[1].values.ListCost", equalTo("ten"));
        given().when().get("/api/v1/imports/" + importId).then()
                .statusCode(200)
                .body("rowsQuarantined", equalTo(3));
        assertThat(database.count("usage_line")).isEqualTo(1);
    }

    @Test
    void keepsNonUsageRowsWithoutServiceOrCurrency() {
        String csv = FOCUS_HEADER
                + "Google Cloud,01A7C3,,2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,Tax,,,0,0,3.20,,\n";

        importFocus(csv)
                .statusCode(201)
                .body("rowsAccepted", equalTo(1));

        assertThat(database.count("usage_line")).isEqualTo(1);
    }

    @Test
    void quarantinesEmissionsRowsOfUnknownProviderOrNegativeAmount() {
        String csv = "provider,account_id,month,region,service,scope1_kgco2e,scope2_location_kgco2e,"
                + "scope2_market_kgco2e,scope3_kgco2e\n"
                + "oracle,acc,2026-11,,,1,1,1,1\n"
                + "gcp,proj,2026-11,,,1,-5,1,1\n"
                + "gcp,proj,2026-13,,,1,1,1,1\n";

        importEmissions(csv)
                .statusCode(201)
                .body("rowsQuarantined", equalTo(3))
                .body("errors[0].column", equalTo("provider"))
                .body("errors[1].column", equalTo("scope2_location_kgco2e"))
                .body("errors[2].column", equalTo("month"));
    }

    @Test
    void unknownImportIsNotFound() {
        given().when().get("/api/v1/imports/999999").then().statusCode(404);
        given().when().get("/api/v1/imports/999999/quarantine").then().statusCode(404);
    }
}
