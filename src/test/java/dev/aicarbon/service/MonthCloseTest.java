package dev.aicarbon.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.aicarbon.service.close.CloseCommand;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The month close through its REST trigger and its command, on files in the inbox. */
@QuarkusTest
class MonthCloseTest extends ApiTest {

    private static final Path INBOX = Path.of("target", "close-inbox");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CloseCommand command;

    @BeforeEach
    void emptyInbox() throws IOException {
        if (Files.exists(INBOX)) {
            try (Stream<Path> files = Files.walk(INBOX)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void closesAMonthFromItsInboxStageByStage() throws IOException {
        drop("focus", "azure.csv", HandMonth.FOCUS);
        drop("emissions", "emissions.csv", HandMonth.EMISSIONS);

        int id = close("2026-11")
                .statusCode(200)
                .body("status", equalTo("done"))
                .body("exitCode", equalTo(0))
                .body("triggeredBy", equalTo("api"))
                .body("inputs", hasSize(2))
                .body("inputs[0].sha256.size()", equalTo(64))
                .body("stages.name", contains("sync", "import", "validate", "allocate", "model", "publish"))
                .body("totals.projects.scope2LocationKgCo2e", kg("500"))
                .body("totals.unmatched.scopeCombinedLocationKgCo2e", kg("40"))
                .extract()
                .path("runId");

        given().queryParam("month", "2026-11").when().get("/api/v1/runs").then()
                .body("runId", contains(id));
    }

    @Test
    void aRerunImportsNothingTwiceAndGivesTheSameTotals() throws IOException {
        drop("focus", "azure.csv", HandMonth.FOCUS);
        drop("emissions", "emissions.csv", HandMonth.EMISSIONS);
        int first = close("2026-11").extract().path("runId");

        int second = close("2026-11")
                .body("inputs.duplicate", contains(true, true))
                .body("totals.projects.scope2LocationKgCo2e", kg("500"))
                .extract()
                .path("runId");

        given().queryParam("against", first).when().get("/api/v1/runs/" + second + "/diff").then()
                .statusCode(200)
                .body("find { it.project == 'alpha' }.differenceLocationKgCo2e", kg("0"));
    }

    @Test
    void aRestatementKeepsThePreviousCloseAndShowsTheDifferencePerProject() throws IOException {
        drop("focus", "azure.csv", HandMonth.FOCUS);
        drop("emissions", "emissions.csv", HandMonth.EMISSIONS);
        int first = close("2026-11").extract().path("runId");
        drop("emissions", "emissions.csv", HandMonth.EMISSIONS_RESTATED);

        int second = close("2026-11").statusCode(200).extract().path("runId");

        // scope 2 location 600 -> 1200: alpha 412.5 -> 787.5, beta 137.5 -> 262.5
        given().queryParam("against", first).when().get("/api/v1/runs/" + second + "/diff").then()
                .body("find { it.project == 'alpha' }.totalLocationKgCo2e", kg("787.5"))
                .body("find { it.project == 'alpha' }.otherTotalLocationKgCo2e", kg("412.5"))
                .body("find { it.project == 'alpha' }.differenceLocationKgCo2e", kg("375"))
                .body("find { it.project == 'beta' }.differenceLocationKgCo2e", kg("125"));
        int firstAllocation = given().when().get("/api/v1/runs/" + first).then()
                .extract().path("allocationRunId");
        given().when().get("/api/v1/allocations/" + firstAllocation).then()
                .statusCode(200)
                .body("status", equalTo("superseded"));
    }

    @Test
    void aMonthNotPublishedYetEndsWithNothingToDo() {
        close("2019-01")
                .statusCode(200)
                .body("status", equalTo("nothing-to-do"))
                .body("exitCode", equalTo(3));
    }

    @Test
    void tooManyQuarantinedRowsStopTheCloseBeforeAllocating() throws IOException {
        String badRows = HandMonth.FOCUS.lines().findFirst().orElseThrow() + "\n"
                + "Microsoft,ba-1,sub-a,not-a-date,2026-12-01T00:00:00Z,Usage,eastus,VM,Compute,,,,,1,1,1,USD,,\n";
        drop("focus", "bad.csv", badRows);
        drop("emissions", "emissions.csv", HandMonth.EMISSIONS);

        close("2026-11")
                .body("status", equalTo("quality-threshold-exceeded"))
                .body("exitCode", equalTo(4))
                .body("allocationRunId", equalTo(null));
        assertThat(database.count("allocation_run")).isZero();
    }

    @Test
    void aSecondCloseOfTheSameMonthRefusesWhileTheFirstHoldsTheLock() throws SQLException {
        long key = 0x636c_6f73_6500_0000L + 2026 * 12L + 11;
        try (Connection holder = dataSource.getConnection();
                PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)");
                PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(?)")) {
            lock.setLong(1, key);
            lock.executeQuery().close();

            close("2026-11")
                    .body("status", equalTo("already-running"))
                    .body("exitCode", equalTo(5));

            // A pooled connection keeps session locks: give it back without this one.
            unlock.setLong(1, key);
            unlock.executeQuery().close();
        }
        assertThat(database.count("allocation_run")).isZero();
    }

    @Test
    void aCloseWhoseProcessIsGoneReadsInterruptedWhileOneHoldingTheLockReadsRunning() throws SQLException {
        long september = 0x636c_6f73_6500_0000L + 2026 * 12L + 9;
        try (Connection recorder = dataSource.getConnection();
                PreparedStatement record = recorder.prepareStatement("insert into close_run (id, month,"
                        + " triggered_by, status, methodology_version, started_at)"
                        + " values (nextval('close_run_seq'), '2026-09', 'cli', 'running', 'v1', now())")) {
            record.executeUpdate();
        }

        runs("2026-09")
                .body("status", contains("interrupted"))
                .body("message", contains("the process ended before the close finished"));

        try (Connection holder = dataSource.getConnection();
                PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)");
                PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(?)")) {
            lock.setLong(1, september);
            lock.executeQuery().close();

            runs("2026-09").body("status", contains("running"));

            unlock.setLong(1, september);
            unlock.executeQuery().close();
        }
    }

    private static ValidatableResponse runs(String month) {
        return given().queryParam("month", month)
                .when().get("/api/v1/runs")
                .then().statusCode(200);
    }

    @Test
    void theCommandExitsWithTheClosesCode() throws IOException {
        drop("focus", "azure.csv", HandMonth.FOCUS);
        drop("emissions", "emissions.csv", HandMonth.EMISSIONS);

        assertThat(command.execute("--month", "2026-11")).isZero();
        assertThat(command.execute("--month", "2019-01")).isEqualTo(3);
        assertThat(command.execute("--month", "November")).isEqualTo(2);
    }

    private static ValidatableResponse close(String month) {
        return given()
                .contentType("application/json")
                .body("{\"month\":\"" + month + "\"}")
                .when()
                .post("/api/v1/runs")
                .then();
    }

    private static void drop(String kind, String file, String content) throws IOException {
        Path folder = INBOX.resolve("2026-11").resolve(kind);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(file), content);
    }
}
