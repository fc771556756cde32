package dev.aicarbon.service.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Counts refused authentications and logs their rate once a minute, without the token or
 * anything taken from it: a burst of them is someone guessing or a client with an expired
 * token, and either way a person should look.
 */
@ApplicationScoped
public class FailedAuthentications {

    private static final Logger LOG = Logger.getLogger(FailedAuthentications.class);

    private final AtomicLong sinceLastReport = new AtomicLong();

    @Inject
    MeterRegistry registry;

    void onFailure(@Observes AuthenticationFailureEvent event) {
        sinceLastReport.incrementAndGet();
        registry.counter("carbon.authentication.failures").increment();
    }

    @Scheduled(every = "60s", delayed = "60s")
    void report() {
        long failures = sinceLastReport.getAndSet(0);
        if (failures > 0) {
            LOG.warnf("%d authentications refused in the last minute (expired, forged or missing tokens)",
                    failures);
        }
    }
}
