package dev.aicarbon.service.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.aicarbon.service.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The providers' own export files, imported by hand (the recorded files of the providers
 * module's tests). Their totals, summed from the files themselves:
 *
 * <pre>
 *              scope 1   scope 2 location   scope 2 market   scope 3   combined loc / mkt
 *  aws parquet    -            -                  -              -      1413.712 / 273.103
 *  azure bundle 0.3715   504.3753125 (market)  504.3753125     118.15
 *  gcp csv      2.32       559.2              105.20          116.5
 * </pre>
 */
@QuarkusTest
class ProviderFormatImportTest extends ApiTest {

    private static byte[] fixture(String path) throws IOException {
        try (InputStream in = ProviderFormatImportTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static ValidatableResponse importAs(String provider, String contentType, byte[] body) {
        return given()
                .contentType(contentType)
                .queryParam("source", provider + "-export")
                .body(body)
                .when()
                .post("/api/v1/imports/emissions/" + provider)
                .then();
    }

    @Test
    void importsEachProvidersOwnExportAndAllocatesItsTotals() throws IOException {
        importAs("aws", "application/vnd.apache.parquet", fixture("aws/carbon-2026-11.parquet"))
                .statusCode(201)
                .body("rowsAccepted", is(5));
        importAs("azure", "application/json", fixture("azure/carbon/bundle-2026-11.json"))
                .statusCode(201);
        importAs("gcp", "text/csv", fixture("gcp/carbon-footprint-2026-11.csv"))
                .statusCode(201);

        allocate("2026-11")
                .statusCode(200)
                .body("totals.input.scope1KgCo2e", kg("2.6915"))
                .body("totals.input.scope2LocationKgCo2e", kg("1063.5753125"))
                .body("totals.input.scope2MarketKgCo2e", kg("609.5753125"))
                .body("totals.input.scope3KgCo2e", kg("234.65"))
                .body("totals.input.scopeCombinedLocationKgCo2e", kg("1413.712"))
                .body("totals.input.scopeCombinedMarketKgCo2e", kg("273.103"));
    }

    @Test
    void flagsAzureLocationBasedScope2AsTheMarketFigure() throws IOException {
        importAs("azure", "application/json", fixture("azure/carbon/bundle-2026-11.json")).statusCode(201);
        allocate("2026-11").statusCode(200);

        given().queryParam("month", "2026-11").queryParam("groupBy", "provider")
                .when().get("/api/v1/emissions")
                .then()
                .body("rows.find { it.provider == 'azure' }.flags", hasItem("scope2-location-from-market"));
    }

    @Test
    void reimportingTheSameExportStoresNothing() throws IOException {
        byte[] parquet = fixture("aws/carbon-2026-11.parquet");
        importAs("aws", "application/octet-stream", parquet).statusCode(201);

        importAs("aws", "application/octet-stream", parquet).statusCode(200).body("duplicate", is(true));
    }

    @Test
    void refusesAFileThatIsNotTheProvidersFormatNamingIt() throws IOException {
        importAs("gcp", "text/csv", fixture("gcp/billing-export-not-carbon.csv"))
                .statusCode(400)
                .body("source", is("gcp-export"));
        importAs("ibm", "text/csv", "x".getBytes()).statusCode(400).body("parameter", is("provider"));
        importAs("azure", "application/json", "{\"month\":\"2026-11\"}".getBytes())
                .statusCode(400)
                .body("message", containsString("responses"));
    }
}
