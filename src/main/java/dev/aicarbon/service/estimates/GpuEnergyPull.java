package dev.aicarbon.service.estimates;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.aicarbon.providers.azure.AzureMonitorMetricsClient;
import dev.aicarbon.providers.azure.GpuEnergyRead;
import dev.aicarbon.service.config.CarbonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import java.time.Instant;

/**
 * Pulls GpuEnergyJoules of an Azure Machine Learning workspace from Azure Monitor with the
 * identity the service runs as (DefaultAzureCredential: workload identity, managed identity,
 * or a developer's login).
 */
@ApplicationScoped
public class GpuEnergyPull {

    @Inject
    CarbonConfig config;

    private volatile AzureMonitorMetricsClient client;

    /**
     * @throws ClientErrorException 409 when the pull is not configured
     *                              ({@code carbon.azure-monitor.enabled})
     */
    public GpuEnergyRead pull(String workspaceResourceId, Instant from, Instant to) {
        if (!config.azureMonitor().enabled()) {
            throw new ClientErrorException("pulling from Azure Monitor is not configured: set "
                    + "carbon.azure-monitor.enabled=true where an Azure identity is available, or import "
                    + "the metric's JSON through /api/v1/imports/azure-monitor-gpu-energy", 409);
        }
        return client().gpuEnergy(workspaceResourceId, from, to);
    }

    private AzureMonitorMetricsClient client() {
        if (client == null) {
            client = AzureMonitorMetricsClient.builder(new DefaultAzureCredentialBuilder().build())
                    .endpoint(config.azureMonitor().endpoint())
                    .build();
        }
        return client;
    }
}
