package dev.aicarbon.service.close;

import dev.aicarbon.service.config.CarbonConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Closes the previous month on the configured cron (06:00 on the 20th by default, after the
 * providers' publication dates) when {@code carbon.close.scheduled} is on. Where a Kubernetes
 * CronJob runs the close, leave it off.
 */
@ApplicationScoped
public class CloseSchedule {

    private static final Logger LOG = Logger.getLogger(CloseSchedule.class);

    @Inject
    CarbonConfig config;

    @Inject
    MonthClose close;

    @Scheduled(cron = "${carbon.close.cron:0 0 6 20 * ?}", identity = "month-close",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closePreviousMonth() {
        if (!config.close().scheduled()) {
            return;
        }
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        CloseReport report = close.close(month, "scheduler", line -> LOG.info(line));
        LOG.infof("Scheduled close %d of %s: %s", report.runId(), month, report.status());
    }
}
