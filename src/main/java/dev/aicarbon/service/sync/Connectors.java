package dev.aicarbon.service.sync;

import dev.aicarbon.providers.aws.AwsCarbonConnector;
import dev.aicarbon.providers.aws.AwsConnectorSettings;
import dev.aicarbon.providers.aws.AwsDataExportLocation;
import dev.aicarbon.providers.aws.AwsExportAccount;
import dev.aicarbon.providers.azure.AzureCarbonConnector;
import dev.aicarbon.providers.azure.AzureCarbonReportClient;
import dev.aicarbon.providers.azure.AzureCostExportLocation;
import dev.aicarbon.providers.azure.AzureCostExportReader;
import dev.aicarbon.providers.gcp.GcpCarbonFootprintConnector;
import dev.aicarbon.providers.gcp.GcpCarbonFootprintSettings;
import dev.aicarbon.providers.sync.ProviderConnector;
import dev.aicarbon.service.config.CarbonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The connectors the configuration names, built on first use and kept: SDK clients hold
 * connection pools and cached tokens worth reusing.
 */
@ApplicationScoped
public class Connectors {

    @Inject
    CarbonConfig config;

    private volatile List<ProviderConnector> built;

    /** Every configured connector, in provider then name order. */
    public List<ProviderConnector> configured() {
        List<ProviderConnector> connectors = built;
        if (connectors == null) {
            synchronized (this) {
                if (built == null) {
                    built = build();
                }
                connectors = built;
            }
        }
        return connectors;
    }

    private List<ProviderConnector> build() {
        List<ProviderConnector> connectors = new ArrayList<>();
        new TreeMap<>(config.providers().aws()).forEach((name, aws) -> connectors.add(aws(name, aws)));
        new TreeMap<>(config.providers().azure()).forEach((name, azure) -> connectors.add(azure(name, azure)));
        new TreeMap<>(config.providers().gcp()).forEach((name, gcp) -> connectors.add(gcp(name, gcp)));
        return List.copyOf(connectors);
    }

    private static ProviderConnector aws(String name, CarbonConfig.Aws aws) {
        List<AwsExportAccount> accounts = new ArrayList<>();
        new TreeMap<>(aws.accounts()).forEach((accountId, account) -> accounts.add(new AwsExportAccount(
                accountId, account.roleArn().orElse(null),
                new AwsDataExportLocation(account.bucket(), account.prefix().orElse(""),
                        account.carbonExport(), account.focusExport().orElse(null)))));
        return new AwsCarbonConnector(new AwsConnectorSettings(name, aws.region(),
                aws.endpointOverride().orElse(null), accounts));
    }

    private static ProviderConnector gcp(String name, CarbonConfig.Gcp gcp) {
        List<GcpCarbonFootprintSettings.BillingExport> exports = new ArrayList<>();
        new TreeMap<>(gcp.exports()).forEach((account, export) -> exports.add(
                new GcpCarbonFootprintSettings.BillingExport(account, export.carbonTable(),
                        export.usageTable(), usageSource(name, export.usageSource()))));
        return GcpCarbonFootprintConnector.create(new GcpCarbonFootprintSettings(name,
                gcp.jobProject(), exports, gcp.host().orElse(null)));
    }

    private static GcpCarbonFootprintSettings.UsageSource usageSource(String name, String text) {
        return switch (text) {
            case "focus" -> GcpCarbonFootprintSettings.UsageSource.FOCUS;
            case "detailed-billing" -> GcpCarbonFootprintSettings.UsageSource.DETAILED_BILLING;
            default -> throw new IllegalArgumentException("carbon.providers.gcp." + name
                    + " usage-source " + text + " is not focus or detailed-billing");
        };
    }

    private static ProviderConnector azure(String name, CarbonConfig.Azure azure) {
        AzureCarbonReportClient carbon = AzureCarbonReportClient.builder()
                .endpoint(azure.endpoint())
                .build();
        AzureCostExportReader costExport = azure.costExport()
                .map(export -> AzureCostExportReader.of(new AzureCostExportLocation(
                        export.containerUrl(), export.directory().orElse(""), export.exportName())))
                .orElse(null);
        return new AzureCarbonConnector(name, azure.subscriptions(), carbon, costExport);
    }

}
