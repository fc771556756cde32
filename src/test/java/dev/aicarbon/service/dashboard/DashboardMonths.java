package dev.aicarbon.service.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two months for the dashboard, put in through the service's own doors.
 *
 * <pre>
 * 2026-10  the bundled sample month moved back one month, without the emissions of the
 *          Azure subscription b71e4d90-... and the Google project ml-serving-prod-552917
 *          (so October differs from November); closed with POST /api/v1/runs from the
 *          close inbox, which records a close with its data-quality figures
 * 2026-11  the sample month as bundled (src/main/resources/sample), imported with
 *          POST /api/v1/imports/..., allocated with POST /api/v1/allocations, and modelled
 *          from src/main/resources/methodology with POST /api/v1/methodology/runs
 *          (modelled rows for llm-pretrain and the bucket unused-capacity)
 * budget   llm-pretrain, 20,000 kgCO2e over 2026-10 to 2026-11
 * estimate fraud-detection, 2026-11, gcp: 2 x 400 W x 100 h x PUE 1.1 = 88 kWh,
 *          x 0.4 / 0.1 kgCO2e per kWh = 35.2 location-based, 8.8 market-based
 * </pre>
 */
final class DashboardMonths {

    static final String OCTOBER = "2026-10";
    static final String NOVEMBER = "2026-11";

    private static final List<String> FOCUS_FILES = List.of("aws-focus.csv", "azure-focus.csv", "gcp-focus.csv");
    private static final List<String> METHODOLOGY_KINDS = List.of("component-factors", "hardware-models",
            "datacenters", "assets", "datacenter-months", "usage");
    private static final List<String> OCTOBER_DROPPED_ACCOUNTS = List.of(
            "b71e4d90-2c5a-4f38-9b16-e8a3d7c05f22", "ml-serving-prod-552917");
    /** The close inbox of the test profile (carbon.close.inbox in application.properties). */
    private static final Path INBOX = Path.of("target", "close-inbox");

    private DashboardMonths() {
    }

    /** Loads both months, the budget and the estimate, as an admin. */
    static void load(RequestSpecification admin) {
        closeOctoberFromTheInbox(admin);
        importAndRunNovember(admin);
        given(admin).contentType("application/json")
                .body("{\"kind\":\"total\",\"limitKgCo2e\":20000,\"from\":\"2026-10\",\"to\":\"2026-11\"}")
                .when().post("/api/v1/projects/llm-pretrain/budgets")
                .then().statusCode(201);
        given(admin).contentType("application/json")
                .body("""
                        {"project":"fraud-detection","workload":"fraud-model-train","stage":"training",
                         "method":"a-posteriori","month":"2026-11","provider":"gcp","region":"us-central1",
                         "powerWatts":400,"count":2,"hours":100,"pue":1.1,"gridKgCo2ePerKwh":0.4,
                         "gridMarketKgCo2ePerKwh":0.1,"includeEmbodied":false}""")
                .when().post("/api/v1/estimates")
                .then().statusCode(201);
    }

    private static void closeOctoberFromTheInbox(RequestSpecification admin) {
        Path month = INBOX.resolve(OCTOBER);
        try {
            deleteTree(month);
            for (String file : FOCUS_FILES) {
                write(month.resolve("focus").resolve(file), movedToOctober(sample(file)));
            }
            write(month.resolve("emissions").resolve("emissions.csv"), octoberEmissions());
            given(admin).contentType("application/json")
                    .body("{\"month\":\"" + OCTOBER + "\",\"triggeredBy\":\"dashboard test\"}")
                    .when().post("/api/v1/runs")
                    .then().statusCode(200).body("exitCode", equalTo(0));
        } finally {
            deleteTree(month);
        }
    }

    private static void importAndRunNovember(RequestSpecification admin) {
        for (String file : FOCUS_FILES) {
            importCsv(admin, "/api/v1/imports/focus", file, sample(file));
        }
        importCsv(admin, "/api/v1/imports/emissions", "emissions.csv", sample("emissions.csv"));
        for (String kind : METHODOLOGY_KINDS) {
            importCsv(admin, "/api/v1/imports/methodology/" + kind, kind + ".csv",
                    resource("methodology/" + kind + ".csv"));
        }
        runMonth(admin, "/api/v1/allocations");
        runMonth(admin, "/api/v1/methodology/runs");
    }

    private static void importCsv(RequestSpecification admin, String path, String source, String csv) {
        // Bytes, not a String: RestAssured would encode text/csv as ISO-8859-1 and garble the
        // byte order mark the Azure export starts with.
        given(admin).contentType("text/csv").queryParam("source", source)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post(path)
                .then().log().ifValidationFails().statusCode(201);
    }

    private static void runMonth(RequestSpecification admin, String path) {
        given(admin).contentType("application/json").body("{\"month\":\"" + NOVEMBER + "\"}")
                .when().post(path)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    /** Charge periods [2026-11-01, 2026-12-01) become [2026-10-01, 2026-11-01). */
    private static String movedToOctober(String focus) {
        return focus.replace("2026-11-01T", "2026-10-01T").replace("2026-12-01T", "2026-11-01T");
    }

    private static String octoberEmissions() {
        return sample("emissions.csv").lines()
                .filter(line -> OCTOBER_DROPPED_ACCOUNTS.stream().noneMatch(line::contains))
                .map(line -> line.replace("," + NOVEMBER + ",", "," + OCTOBER + ","))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String sample(String file) {
        return resource("sample/2026-11/" + file);
    }

    private static String resource(String path) {
        try (InputStream in = DashboardMonths.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
