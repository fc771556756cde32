package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicarbon.service.allocation.RunView;
import dev.aicarbon.service.api.KgCo2eView;
import dev.aicarbon.service.demo.DemoLoader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled sample month loads cleanly for all three clouds and allocates conserved. */
@QuarkusTest
class SampleMonthTest extends ApiTest {

    @Inject
    DemoLoader demo;

    @Test
    void sampleMonthLoadsWithoutQuarantineAndConserves() {
        RunView run = demo.loadAndAllocate();

        assertThat(database.count("quarantined_row")).isZero();
        assertThat(providersImported()).containsExactlyInAnyOrder("aws", "azure", "gcp");
        KgCo2eView in = run.totals().input();
        BigDecimal out = run.totals().projects().totalLocationKgCo2e();
        for (KgCo2eView bucket : run.totals().buckets().values()) {
            out = out.add(bucket.totalLocationKgCo2e());
        }
        assertThat(out).isEqualByComparingTo(in.totalLocationKgCo2e());
        assertThat(run.totals().projects().totalLocationKgCo2e()).isPositive();
        assertThat(run.totals().buckets().get("unallocated").totalLocationKgCo2e()).isPositive();
        assertThat(run.totals().buckets().get("unmatched").totalLocationKgCo2e()).isPositive();
    }

    @Test
    void sampleOperatorIsModelledAndConserved() {
        demo.loadAndAllocate();

        Map<String, Object> totals = given()
                .queryParam("month", DemoLoader.SAMPLE_MONTH.toString())
                .when()
                .get("/api/v1/methodology/runs")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("[0].totals");
        BigDecimal regions = location(totals, "regions");
        BigDecimal attributed = location(totals, "consumers").add(location(totals, "unusedCapacity"));

        assertThat(regions).isPositive();
        assertThat(attributed).isEqualByComparingTo(regions);
    }

    @Test
    void loadingTheSampleTwiceGivesTheSameTotals() {
        RunView first = demo.loadAndAllocate();
        RunView second = demo.loadAndAllocate();

        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.totals()).isEqualTo(first.totals());
        assertThat(database.count("import_batch")).isEqualTo(10);
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal location(Map<String, Object> totals, String part) {
        Object value = ((Map<String, Object>) totals.get(part)).get("totalLocationKgCo2e");
        return new BigDecimal(value.toString());
    }

    private static List<String> providersImported() {
        return given()
                .queryParam("month", DemoLoader.SAMPLE_MONTH.toString())
                .queryParam("groupBy", "provider")
                .when()
                .get("/api/v1/emissions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows.findAll { it.basis == 'provider-reported' }.provider");
    }
}
