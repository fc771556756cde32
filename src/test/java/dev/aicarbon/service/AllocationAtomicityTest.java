package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run publishes whole or not at all, and runs of one month never interleave. */
@QuarkusTest
class AllocationAtomicityTest extends ApiTest {

    @AfterEach
    @Transactional
    void dropFailingTrigger() {
        Panache.getEntityManager()
                .createNativeQuery("drop trigger if exists fail_allocation_row on allocation_row")
                .executeUpdate();
    }

    @Test
    void failedRunLeavesThePreviousResultPublished() {
        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);
        int published = allocate(HandMonth.MONTH).statusCode(200).extract().path("runId");
        failEveryAllocationRowWrite();

        allocate(HandMonth.MONTH).statusCode(500);

        given().when().get("/api/v1/allocations/" + published).then()
                .body("status", equalTo("current"));
        given().queryParam("month", HandMonth.MONTH).when().get("/api/v1/allocations").then()
                .body("size()", equalTo(1));
        given().queryParam("month", HandMonth.MONTH).when().get("/api/v1/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("700"));
    }

    @Test
    void concurrentRunsOfOneMonthLeaveOnePublishedResult() {
        importFocus(HandMonth.FOCUS).statusCode(201);
        importEmissions(HandMonth.EMISSIONS).statusCode(201);

        List<CompletableFuture<Integer>> runs = List.of(
                CompletableFuture.supplyAsync(() -> allocate(HandMonth.MONTH).extract().statusCode()),
                CompletableFuture.supplyAsync(() -> allocate(HandMonth.MONTH).extract().statusCode()),
                CompletableFuture.supplyAsync(() -> allocate(HandMonth.MONTH).extract().statusCode()));

        assertThat(runs).allSatisfy(run -> assertThat(run.join()).isEqualTo(200));
        given().queryParam("month", HandMonth.MONTH).when().get("/api/v1/allocations").then()
                .body("findAll { it.status == 'current' }.size()", equalTo(1))
                .body("findAll { it.status == 'superseded' }.size()", equalTo(2));
        given().queryParam("month", HandMonth.MONTH).when().get("/api/v1/emissions").then()
                .body("totals.'provider-reported'.totalLocationKgCo2e", kg("700"));
    }

    /** A database trigger, not a stub: the real write path fails midway through the run. */
    @Transactional
    void failEveryAllocationRowWrite() {
        Panache.getEntityManager().createNativeQuery("""
                create or replace function fail_allocation_row() returns trigger as $$
                begin
                    raise exception 'allocation_row write refused by test trigger';
                end $$ language plpgsql""").executeUpdate();
        Panache.getEntityManager().createNativeQuery("""
                create trigger fail_allocation_row before insert on allocation_row
                for each row execute function fail_allocation_row()""").executeUpdate();
    }
}
