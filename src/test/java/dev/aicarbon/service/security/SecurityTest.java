package dev.aicarbon.service.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import dev.aicarbon.service.ApiTest;
import dev.aicarbon.service.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may call what. The hand month (projects alpha and beta, buckets unallocated and
 * unmatched) is imported and allocated as an admin before each test.
 */
@QuarkusTest
class SecurityTest extends ApiTest {

    private static final String HAND = "hand-month/";

    @BeforeEach
    void allocateTheHandMonth() throws Exception {
        importFocus(read("focus.csv")).statusCode(201);
        importEmissions(read("emissions.csv")).statusCode(201);
        allocate("2026-11").statusCode(200);
        RestAssured.requestSpecification = null;
    }

    private static String read(String file) throws Exception {
        return new String(SecurityTest.class.getClassLoader().getResourceAsStream(HAND + file)
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/projects", "/api/v1/emissions", "/api/v1/allocations",
            "/api/v1/runs", "/api/v1/imports", "/api/v1/catalogue/pue", "/api/v1/projects/alpha"})
    void refusesEveryApiCallWithoutAToken(String path) {
        given().when().get(path).then().statusCode(401);
    }

    @Test
    void leavesHealthAndTheOpenApiDocumentOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = TestTokens.mint(Roles.ADMIN, List.of(), Duration.ofSeconds(-120));

        as(expired).when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void refusesATokenKeptAsVerifiedOnceItExpires() throws Exception {
        String shortLived = TestTokens.mint(Roles.ANALYST, List.of(), Duration.ofSeconds(2));
        as(shortLived).when().get("/api/v1/projects").then().statusCode(200);
        as(shortLived).when().get("/api/v1/projects").then().statusCode(200);

        Thread.sleep(4_000);

        as(shortLived).when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void countsRefusedTokensWithoutKeepingThem() {
        String expired = TestTokens.mint(Roles.ADMIN, List.of(), Duration.ofSeconds(-120));
        as(expired).when().get("/api/v1/projects").then().statusCode(401);

        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        org.assertj.core.api.Assertions.assertThat(scrape)
                .containsPattern("carbon_authentication_failures_total(\\{[^}]*\\})? [1-9]")
                .doesNotContain(expired);
    }

    @Test
    void refusesATokenSignedWithAnotherKey(@TempDir Path elsewhere) {
        LocalSigningKey otherKey = LocalSigningKey.ensure(elsewhere);
        String forged = new TokenMinter(otherKey.privateKey(), "carbon-local", "projects")
                .mint("mallory", Roles.ADMIN, List.of(), Duration.ofHours(1));

        as(forged).when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String foreign = new TokenMinter(TestTokens.key().privateKey(), "someone-else", "projects")
                .mint("mallory", Roles.ADMIN, List.of(), Duration.ofHours(1));

        as(foreign).when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void refusesATamperedToken() {
        String token = TestTokens.viewerOf("alpha");
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8).replace("project-viewer", "admin");
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        as(tampered).when().get("/api/v1/allocations").then().statusCode(401);
    }

    @Test
    void letsAnAnalystReadEverythingButChangeNothing() {
        String analyst = TestTokens.analyst();

        as(analyst).when().get("/api/v1/projects").then().statusCode(200)
                .body("name", contains("alpha", "beta"));
        as(analyst).when().get("/api/v1/allocations").then().statusCode(200);
        as(analyst).when().get("/api/v1/runs").then().statusCode(200);
        as(analyst).when().get("/api/v1/imports").then().statusCode(200);
        as(analyst).contentType("text/csv").body("x").when().post("/api/v1/imports/focus")
                .then().statusCode(403);
        as(analyst).contentType("application/json").body("{\"month\":\"2026-11\"}")
                .when().post("/api/v1/allocations").then().statusCode(403);
        as(analyst).contentType("application/json").body("{\"name\":\"gamma\"}")
                .when().post("/api/v1/projects").then().statusCode(403);
    }

    @Test
    void showsAViewerOnlyItsProjects() {
        String viewer = TestTokens.viewerOf("beta");

        as(viewer).when().get("/api/v1/projects").then().statusCode(200)
                .body("name", contains("beta"));
        as(viewer).when().get("/api/v1/projects/beta/emissions").then().statusCode(200)
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("137.5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/projects/alpha", "/api/v1/projects/alpha/emissions",
            "/api/v1/projects/alpha/estimates", "/api/v1/projects/alpha/budgets",
            "/api/v1/projects/alpha/offsets", "/api/v1/projects/alpha/intensity/sci"})
    void answersAViewerAskingForAnotherProjectAsIfItDidNotExist(String path) {
        as(TestTokens.viewerOf("beta")).when().get(path).then().statusCode(404);
    }

    @Test
    void totalsAcrossProjectsCoverOnlyTheViewersProjects() {
        as(TestTokens.viewerOf("beta"))
                .queryParam("month", "2026-11")
                .queryParam("groupBy", "project")
                .when()
                .get("/api/v1/emissions")
                .then()
                .statusCode(200)
                .body("rows.project", everyItem(is("beta")))
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("137.5"))
                .body("totals.'provider-reported'.totalMarketKgCo2e", kg("75"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/allocations", "/api/v1/runs", "/api/v1/imports",
            "/api/v1/methodology/runs", "/api/v1/methodology/consumers/alpha/emissions"})
    void keepsViewersOutOfWholeAccountEndpoints(String path) {
        as(TestTokens.viewerOf("beta")).when().get(path).then().statusCode(403);
    }

    /** Every family of write, as {@code METHOD path [content type]}, JSON unless named. */
    @ParameterizedTest
    @ValueSource(strings = {"POST /api/v1/imports/focus text/csv",
            "POST /api/v1/imports/emissions text/csv", "POST /api/v1/imports/emissions/aws",
            "POST /api/v1/imports/methodology/assets text/csv",
            "POST /api/v1/allocations", "POST /api/v1/runs", "POST /api/v1/sync",
            "POST /api/v1/methodology/runs", "POST /api/v1/estimates", "POST /api/v1/projects",
            "POST /api/v1/projects/beta/budgets", "POST /api/v1/projects/beta/offsets",
            "PUT /api/v1/projects/beta/intensity/unit"})
    void letsOnlyAnAdminWrite(String call) {
        String[] parts = call.split(" ");
        for (String token : List.of(TestTokens.analyst(), TestTokens.viewerOf("beta"))) {
            as(token).contentType(parts.length > 2 ? parts[2] : "application/json").body("{}")
                    .when().request(parts[0], parts[1])
                    .then().statusCode(403);
        }
    }

    @Test
    void refusesAViewerTokenWithoutProjects() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestTokens.mint(Roles.PROJECT_VIEWER, List.of(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheLocalPrivateKeyReadableByItsOwnerOnly() throws Exception {
        Path privateKey = TestTokens.key().publicKeyFile().resolveSibling("jwt-private.pem");

        org.assertj.core.api.Assertions.assertThat(Files.getPosixFilePermissions(privateKey))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
