package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SCI, budgets with their webhook, and offsets kept beside the footprint, on the hand month:
 * alpha 412.5 kgCO2e location-based in 2026-11 (375 scope 2 location, 37.5 scope 3).
 */
@QuarkusTest
class BudgetsAndOffsetsTest extends ApiTest {

    private HttpServer receiver;
    private final List<String> notifications = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            int attempt = attempts.incrementAndGet();
            notifications.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            // The first attempt fails, so a delivered notification proves the retry.
            exchange.sendResponseHeaders(attempt == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void sciDividesOperationalAndEmbodiedByFunctionalUnits() {
        allocateHandMonth();
        given().contentType("application/json").body("{\"unit\":\"thousand-inferences\"}")
                .when().put("/api/v1/projects/alpha/intensity/unit").then().statusCode(200);
        given().contentType("application/json").body("{\"units\":5}")
                .when().put("/api/v1/projects/alpha/intensity/counts/2026-11").then().statusCode(200);

        // (375 + 37.5) / 5 = 82.5 kgCO2e per thousand inferences
        given().queryParam("from", "2026-11").when().get("/api/v1/projects/alpha/intensity/sci").then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].basis", equalTo("provider-reported"))
                .body("[0].operationalKgCo2e", kg("375"))
                .body("[0].embodiedKgCo2e", kg("37.5"))
                .body("[0].sciKgCo2ePerUnit", kg("82.5"));
    }

    @Test
    void budgetTurnsWarningAndTheWebhookHearsOfItAfterARetry() throws InterruptedException {
        registerAlpha();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        given().contentType("application/json")
                .body("{\"kind\":\"total\",\"limitKgCo2e\":500,\"from\":\"2026-11\",\"to\":\"2026-11\","
                        + "\"webhookUrl\":\"" + url + "\"}")
                .when().post("/api/v1/projects/alpha/budgets").then()
                .statusCode(201)
                .body("status", equalTo("ok"));

        allocateHandMonth();

        // 412.5 of 500 is 0.825, past the default warning share 0.8
        given().when().get("/api/v1/projects/alpha/budgets").then()
                .body("[0].usedKgCo2e", kg("412.5"))
                .body("[0].status", equalTo("warning"));
        awaitNotifications(2);
        assertThat(notifications.get(1)).contains("\"status\":\"warning\"").contains("\"previousStatus\":\"ok\"");
    }

    @Test
    void ceilingPerThousandUnitsComparesEmissionsPerThousandUnits() {
        allocateHandMonth();
        given().contentType("application/json").body("{\"unit\":\"request\"}")
                .when().put("/api/v1/projects/alpha/intensity/unit").then().statusCode(200);
        given().contentType("application/json").body("{\"units\":5000}")
                .when().put("/api/v1/projects/alpha/intensity/counts/2026-11").then().statusCode(200);

        // 412.5 kg x 1000 / 5000 requests = 82.5 kg per thousand requests, above 80
        given().contentType("application/json")
                .body("{\"kind\":\"per-thousand-units\",\"limitKgCo2e\":80,\"from\":\"2026-11\","
                        + "\"to\":\"2026-11\"}")
                .when().post("/api/v1/projects/alpha/budgets").then()
                .statusCode(201)
                .body("usedKgCo2e", kg("82.5"))
                .body("status", equalTo("exceeded"));
    }

    @Test
    void refusesBudgetsWithoutALimit() {
        registerAlpha();
        given().contentType("application/json").body("{\"from\":\"2026-11\",\"to\":\"2026-11\"}")
                .when().post("/api/v1/projects/alpha/budgets").then()
                .statusCode(400)
                .body("parameter", equalTo("limitKgCo2e"));
    }

    @Test
    void offsetsAreReportedBesideTheFootprintAndNeverNetted() {
        allocateHandMonth();
        given().contentType("application/json")
                .body("{\"kind\":\"offset\",\"from\":\"2026-11\",\"to\":\"2026-11\",\"quantityKgCo2e\":100,"
                        + "\"registry\":\"Gold Standard\"}")
                .when().post("/api/v1/projects/alpha/offsets").then().statusCode(201);

        given().queryParam("from", "2026-11").when().get("/api/v1/projects/alpha/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("412.5"))
                .body("offsets.offsetsKgCo2e", kg("100"));
        given().queryParam("from", "2026-11").queryParam("net", "true")
                .when().get("/api/v1/projects/alpha/emissions").then()
                .statusCode(400)
                .body("message", containsString("never subtracted"));
        given().contentType("application/json")
                .body("{\"kind\":\"offset\",\"from\":\"2026-11\",\"to\":\"2026-11\",\"quantityKgCo2e\":5,"
                        + "\"netAgainstFootprint\":true}")
                .when().post("/api/v1/projects/alpha/offsets").then()
                .statusCode(400)
                .body("parameter", equalTo("netAgainstFootprint"));
    }

    /** Delivery is asynchronous: waits up to ten seconds for it, then checks. */
    private void awaitNotifications(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (notifications.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(notifications).hasSize(count);
    }

    private static void registerAlpha() {
        given().contentType("application/json").body("{\"name\":\"alpha\"}")
                .when().post("/api/v1/projects").then().statusCode(201);
    }

    private static void allocateHandMonth() {
        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);
        allocate(HandMonth.MONTH).statusCode(200);
    }
}
