package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference data is updated by dropping a file in carbon.catalogue.dir, without a rebuild. */
@QuarkusTest
@TestProfile(CatalogueOverrideTest.OverrideDirectory.class)
class CatalogueOverrideTest extends ApiTest {

    static final Path DIRECTORY = Path.of("target", "catalogue-override").toAbsolutePath();

    /** Points the catalogue at a directory the test writes. */
    public static class OverrideDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(DIRECTORY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("carbon.catalogue.dir", DIRECTORY.toString());
        }
    }

    @Test
    void aFileInTheCatalogueDirectoryReplacesTheBundledOneAndIsReadAgainWhenItChanges() throws IOException {
        Path pue = DIRECTORY.resolve("pue.csv");
        write(pue, "provider,pue,year,source\ngcp,1.3,2030,operator's own meter\n", 1);

        given().when().get("/api/v1/catalogue/pue").then()
                .statusCode(200)
                .body("gcp.value", kg("1.3"))
                .body("gcp.source", equalTo("operator's own meter"));

        write(pue, "provider,pue,year,source\ngcp,1.25,2031,operator's own meter\n", 2);

        given().when().get("/api/v1/catalogue/pue").then().body("gcp.value", kg("1.25"));
        given().when().get("/api/v1/catalogue/hardware").then()
                .body("id", hasItem("nvidia-a100-sxm4-40gb"));
    }

    /** Writes and stamps the file {@code minutes} after a fixed instant, so a change is seen. */
    private static void write(Path file, String content, int minutes) throws IOException {
        Files.writeString(file, content);
        Instant stamp = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minutes);
        Files.setLastModifiedTime(file, FileTime.from(stamp));
    }
}
