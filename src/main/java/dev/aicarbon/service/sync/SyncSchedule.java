package dev.aicarbon.service.sync;

import dev.aicarbon.service.config.CarbonConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Pulls the recent months from every configured provider on the configured cron (daily at
 * 04:30 by default) when {@code carbon.sync.scheduled} is on. Reaching back several months is
 * how a provider's restatement of an earlier month is noticed; months already pulled with the
 * same content store nothing.
 */
@ApplicationScoped
public class SyncSchedule {

    private static final Logger LOG = Logger.getLogger(SyncSchedule.class);

    @Inject
    CarbonConfig config;

    @Inject
    SyncService sync;

    @Scheduled(cron = "${carbon.sync.cron:0 30 4 * * ?}", identity = "provider-sync",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pullRecentMonths() {
        if (!config.sync().scheduled()) {
            return;
        }
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        SyncReport report = sync.sync(current.minusMonths(config.sync().monthsBack()), current,
                Optional.empty(), true, config.sync().resumeWindow(), "scheduler");
        long failed = report.pulls().stream().filter(pull -> pull.status().equals("FAILED")).count();
        LOG.infof("Scheduled sync %s to %s: %d pulls, %d failed", report.from(), report.to(),
                report.pulls().size(), failed);
    }
}
