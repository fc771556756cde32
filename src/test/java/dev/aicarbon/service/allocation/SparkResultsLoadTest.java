package dev.aicarbon.service.allocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.aicarbon.service.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Spark job's recorded output for the hand month (src/test/resources/spark-hand-month),
 * published through the API: it must give exactly what the service's own run gives, and be
 * refused when it was computed on other inputs or does not add up.
 */
@QuarkusTest
class SparkResultsLoadTest extends ApiTest {

    private static final List<String> FILES = List.of("summary.csv", "totals.csv", "allocations.csv");

    @BeforeEach
    void importTheHandMonth() throws IOException {
        importFocus(read("hand-month/focus.csv")).statusCode(201);
        importEmissions(read("hand-month/emissions.csv")).statusCode(201);
    }

    private static String read(String path) throws IOException {
        try (InputStream in = SparkResultsLoadTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Leaves every file as the job wrote it. */
    private static final BiFunction<String, String, String> AS_WRITTEN = (file, content) -> content;

    /** The output directory zipped under a folder, as a user would, each file edited first. */
    private static byte[] zip(BiFunction<String, String, String> edit, List<String> files)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : files) {
                zip.putNextEntry(new ZipEntry("out-2026-11/" + file));
                String content = read("spark-hand-month/" + file);
                zip.write(edit.apply(file, content).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static ValidatableResponse publish(byte[] zip) {
        return given()
                .contentType("application/zip")
                .queryParam("source", "spark-out.zip")
                .body(zip)
                .when()
                .post("/api/v1/allocations/spark")
                .then();
    }

    private static String export() {
        return given().queryParam("month", "2026-11").when().get("/api/v1/exports/allocations")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void publishesTheSameFiguresAsTheServicesOwnRun() throws IOException {
        allocate("2026-11").statusCode(200);
        String byService = export();

        publish(zip(AS_WRITTEN, FILES))
                .statusCode(200)
                .body("status", is("current"))
                .body("totals.input.scope2LocationKgCo2e", kg("600"))
                .body("totals.projects.scope2MarketKgCo2e", kg("250"))
                .body("totals.buckets.unmatched.scopeCombinedLocationKgCo2e", kg("40"))
                .body("inputs.usageLines", is(4));

        assertThat(export()).isEqualTo(byService);
        given().when().get("/api/v1/projects/alpha/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("totals.'provider-reported'.totalMarketKgCo2e", kg("225"));
    }

    @Test
    void refusesResultsComputedOnOtherEmissions() throws IOException {
        importEmissions(read("hand-month/emissions-restated.csv")).statusCode(201);

        publish(zip(AS_WRITTEN, FILES))
                .statusCode(400)
                .body("source", is("spark-out.zip"))
                .body("message", containsString("other emissions"));
        given().when().get("/api/v1/allocations").then().body("size()", is(0));
    }

    @Test
    void refusesRowsThatDoNotAddUpToTheJobsTotals() throws IOException {
        BiFunction<String, String, String> tamper = (file, content) -> file.equals("allocations.csv")
                ? content.replaceFirst(",75.000000000000,", ",75.000000000001,")
                : content;

        publish(zip(tamper, FILES))
                .statusCode(400)
                .body("message", containsString("add up to"));
        given().when().get("/api/v1/allocations").then().body("size()", is(0));
    }

    @Test
    void refusesAnUnfinishedOutputDirectoryNamingWhatIsMissing() throws IOException {
        publish(zip(AS_WRITTEN, List.of("totals.csv", "allocations.csv")))
                .statusCode(400)
                .body("message", containsString("no summary.csv"));
        publish("not a zip".getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body("message", containsString("not a zip"));
    }

    @Test
    void namesTheRowAndColumnOfAnUnreadableAmount() throws IOException {
        BiFunction<String, String, String> garble = (file, content) -> file.equals("allocations.csv")
                ? content.replaceFirst(",75.000000000000,", ",seventy-five,")
                : content;

        publish(zip(garble, FILES))
                .statusCode(400)
                .body("message", containsString("allocations.csv row 3, column scope2_location_kgco2e"));
    }
}
