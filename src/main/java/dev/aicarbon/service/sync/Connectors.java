package dev.aicarbon.service.sync;

import dev.aicarbon.providers.sync.ProviderConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The connectors the configuration names, built once per start. */
@ApplicationScoped
public class Connectors {

    /** Every configured connector, in provider then name order. */
    public List<ProviderConnector> configured() {
        return List.of();
    }
}
