package dev.aicarbon.service.demo;

import dev.aicarbon.service.allocation.AllocationService;
import dev.aicarbon.service.allocation.RunView;
import dev.aicarbon.service.imports.ImportService;
import dev.aicarbon.service.imports.ImportSummary;
import dev.aicarbon.service.methodology.MethodologyRunView;
import dev.aicarbon.service.methodology.MethodologyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the bundled sample month (FOCUS exports of AWS, Azure and Google Cloud and their
 * emissions, and a GPU operator's methodology inputs with the reference catalogue) through
 * the same import and run paths as any user file. Safe to repeat: a second start finds the
 * same content already imported and runs the month again.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);

    public static final YearMonth SAMPLE_MONTH = YearMonth.of(2026, 11);
    static final String SAMPLE_FOLDER = "sample/2026-11/";
    static final List<String> FOCUS_FILES = List.of("aws-focus.csv", "azure-focus.csv", "gcp-focus.csv");
    static final String EMISSIONS_FILE = "emissions.csv";
    static final String METHODOLOGY_FOLDER = "methodology/";

    @Inject
    ImportService imports;

    @Inject
    AllocationService allocations;

    @Inject
    MethodologyService methodology;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    public RunView loadAndAllocate() {
        for (String file : FOCUS_FILES) {
            report(imports.importFocus(open(SAMPLE_FOLDER + file), file));
        }
        report(imports.importEmissions(open(SAMPLE_FOLDER + EMISSIONS_FILE), EMISSIONS_FILE));
        for (String kind : ImportService.METHODOLOGY_KINDS) {
            String file = kind + ".csv";
            report(imports.importMethodology(kind, open(METHODOLOGY_FOLDER + file), file));
        }
        RunView run = allocations.allocate(SAMPLE_MONTH);
        MethodologyRunView modelled = methodology.run(SAMPLE_MONTH, null);
        String base = "http://localhost:" + httpPort;
        System.out.printf("%nSample month %s allocated (run %d). Location-based: %s kgCO2e in,"
                        + " %s kgCO2e to projects; market-based: %s in, %s to projects.%n",
                run.month(), run.runId(),
                run.totals().input().totalLocationKgCo2e(), run.totals().projects().totalLocationKgCo2e(),
                run.totals().input().totalMarketKgCo2e(), run.totals().projects().totalMarketKgCo2e());
        System.out.printf("Modelled with the seven-step method (run %d): %s kgCO2e location-based"
                        + " over %d regions.%n", modelled.runId(),
                modelled.totals().regions().totalLocationKgCo2e(), modelled.regions());
        System.out.printf("Service ready at %s%n  projects:  %s/api/v1/projects%n"
                        + "  emissions: %s/api/v1/emissions?month=%s&groupBy=project%n"
                        + "  API docs:  %s/q/swagger-ui%n%n",
                base, base, base, run.month(), base);
        return run;
    }

    private static void report(ImportSummary summary) {
        LOG.infof("Sample %s: import %d, %d rows accepted, %d quarantined%s", summary.source(),
                summary.importId(), summary.rowsAccepted(), summary.rowsQuarantined(),
                summary.duplicate() ? " (already imported)" : "");
    }

    private static InputStream open(String path) {
        InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("sample file missing: " + path));
        }
        return in;
    }
}
