package dev.aicarbon.service;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the REST tests: a clean database before each test, requests made as an admin, and
 * decimals read back as {@link java.math.BigDecimal} so that kgCO2e compare exactly.
 */
@QuarkusTestResource(DatabaseResource.class)
@QuarkusTestResource(SigningKeyResource.class)
public abstract class ApiTest {

    private static final String ADMIN_TOKEN = TestTokens.admin();

    @Inject
    protected Database database;

    @BeforeEach
    void cleanDatabase() {
        database.reset();
        // Every request is an admin's unless a test says otherwise (SecurityTest does).
        RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + ADMIN_TOKEN)
                .build();
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /**
     * Matches a JSON number equal in value to {@code expectedKgCo2e}, whatever its scale or
     * the Java type JSON path read it as (integers come back as Integer).
     */
    protected static Matcher<Object> kg(String expectedKgCo2e) {
        BigDecimal expected = new BigDecimal(expectedKgCo2e);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(expected) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a number equal to " + expected + " kgCO2e");
            }
        };
    }

    protected static ValidatableResponse importFocus(String csv) {
        return given()
                .contentType("text/csv")
                .queryParam("source", "focus-test.csv")
                .body(csv)
                .when()
                .post("/api/v1/imports/focus")
                .then();
    }

    protected static ValidatableResponse importEmissions(String csv) {
        return given()
                .contentType("text/csv")
                .queryParam("source", "emissions-test.csv")
                .body(csv)
                .when()
                .post("/api/v1/imports/emissions")
                .then();
    }

    protected static ValidatableResponse allocate(String month) {
        return given()
                .contentType("application/json")
                .body("{\"month\":\"" + month + "\"}")
                .when()
                .post("/api/v1/allocations")
                .then();
    }
}
