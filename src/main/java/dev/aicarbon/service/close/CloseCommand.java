package dev.aicarbon.service.close;

import dev.aicarbon.service.api.KgCo2eView;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbon close --month YYYY-MM}: closes a month and exits with a code a scheduler can
 * act on (0 done, 3 nothing to do yet, 4 data-quality threshold exceeded, 5 another close of
 * the month running, 1 failure).
 */
@Dependent
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Close a month: sync, import, validate, allocate, model, publish.")
public class CloseCommand implements Callable<Integer> {

    @Option(names = "--month", description = "Month to close, YYYY-MM; default the previous month (UTC)")
    String month;

    @Option(names = "--triggered-by", defaultValue = "cli", description = "Recorded as who ran the close")
    String triggeredBy;

    @Inject
    MonthClose close;

    private final PrintStream out = System.out;

    /** Parses {@code args} and closes; answers the process exit code. */
    public int execute(String... args) {
        return new CommandLine(this).execute(args);
    }

    @Override
    public Integer call() {
        YearMonth target;
        try {
            target = month == null ? YearMonth.now(ZoneOffset.UTC).minusMonths(1) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            out.println("--month must be YYYY-MM, got '" + month + "'");
            return CommandLine.ExitCode.USAGE;
        }
        out.println("Closing " + target);
        CloseReport report = close.close(target, triggeredBy, out::println);
        summarise(report);
        return report.exitCode();
    }

    private void summarise(CloseReport report) {
        out.printf("%nClose %d of %s: %s (exit %d)%s%n", report.runId(), report.month(), report.status(),
                report.exitCode(), report.message() == null ? "" : " - " + report.message());
        int read = report.inputs().stream().mapToInt(CloseReport.InputFile::rowsRead).sum();
        int accepted = report.inputs().stream().mapToInt(CloseReport.InputFile::rowsAccepted).sum();
        int quarantined = report.inputs().stream().mapToInt(CloseReport.InputFile::rowsQuarantined).sum();
        out.printf("  lines read %d, accepted %d, quarantined %d, in %d files%n", read, accepted, quarantined,
                report.inputs().size());
        if (report.totals() != null) {
            for (Map.Entry<String, KgCo2eView> part : report.totals().entrySet()) {
                KgCo2eView kg = part.getValue();
                out.printf("  %-12s scope1 %s, scope2 location %s / market %s, scope3 %s, combined %s / %s kgCO2e%n",
                        part.getKey(), kg.scope1KgCo2e(), kg.scope2LocationKgCo2e(), kg.scope2MarketKgCo2e(),
                        kg.scope3KgCo2e(), kg.scopeCombinedLocationKgCo2e(), kg.scopeCombinedMarketKgCo2e());
            }
        }
        report.stages().forEach(stage -> out.printf("  %-9s %6d ms%n", stage.name(), stage.durationMs()));
    }
}
