package dev.aicarbon.service.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Reads the sync record into the provider view. */
@ApplicationScoped
public class SyncStatusQuery {

    @Inject
    SyncRuns runs;

    @Inject
    Connectors connectors;

    public List<ProviderStatus> all() {
        return ProviderStatus.of(connectors.configured(), runs.all());
    }
}
