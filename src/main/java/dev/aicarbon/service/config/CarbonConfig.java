package dev.aicarbon.service.config;

import dev.aicarbon.allocation.AllocationPolicy;
import dev.aicarbon.allocation.UsageMetric;
import dev.aicarbon.allocation.methodology.MethodologyPolicy;
import dev.aicarbon.allocation.methodology.ServiceModel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** The service's own settings, under the {@code carbon.} prefix. */
@ConfigMapping(prefix = "carbon")
public interface CarbonConfig {

    /**
     * Where the embedded PostgreSQL keeps its data (also {@code CARBON_DATA_DIR}); read by
     * the main method before Quarkus starts, default {@code ./data}.
     */
    Optional<String> dataDir();

    Allocation allocation();

    Imports imports();

    Methodology methodology();

    Catalogue catalogue();

    Budgets budgets();

    AzureMonitor azureMonitor();

    Close close();

    Security security();

    Metrics metrics();

    Providers providers();

    Sync sync();

    /**
     * Provider connections, each under a name of its own: {@code carbon.providers.aws.<name>.*},
     * {@code carbon.providers.azure.<name>.*}, {@code carbon.providers.gcp.<name>.*}
     * (docs/providers.md). Credentials are never configured here: each SDK's standard chain
     * supplies them.
     */
    interface Providers {

        java.util.Map<String, Aws> aws();

        java.util.Map<String, Azure> azure();

        java.util.Map<String, Gcp> gcp();
    }

    /** One Google Cloud set: billing accounts whose exports land in BigQuery. */
    interface Gcp {

        String jobProject();

        /** Per billing account id. */
        java.util.Map<String, GcpExport> exports();

        Optional<String> host();
    }

    interface GcpExport {

        String carbonTable();

        String usageTable();

        /** {@code focus} or {@code detailed-billing}. */
        @WithDefault("focus")
        String usageSource();
    }

    /** One AWS connection: accounts whose Data Exports land in S3. */
    interface Aws {

        String region();

        Optional<java.net.URI> endpointOverride();

        /** Per account id. */
        java.util.Map<String, AwsAccount> accounts();
    }

    interface AwsAccount {

        String bucket();

        Optional<String> prefix();

        String carbonExport();

        Optional<String> focusExport();

        Optional<String> roleArn();
    }

    /** One Azure set: subscriptions read through Carbon Optimization, usage from an export. */
    interface Azure {

        java.util.List<String> subscriptions();

        @WithDefault("https://management.azure.com")
        String endpoint();

        Optional<AzureCostExport> costExport();
    }

    interface AzureCostExport {

        String containerUrl();

        Optional<String> directory();

        String exportName();
    }

    /** Pulling from the providers. */
    interface Sync {

        /** Whether the scheduler pulls on {@link #cron()}; on demand works either way. */
        @WithDefault("false")
        boolean scheduled();

        /** When the scheduled pull runs: daily at 04:30 by default. */
        @WithDefault("0 30 4 * * ?")
        String cron();

        /**
         * How many months back a scheduled pull reaches, the current one excluded: providers
         * restate recent months, and this is how a restatement is noticed.
         */
        @WithDefault("3")
        int monthsBack();

        /** A pull that succeeded less than this long ago is not repeated unless forced. */
        @WithDefault("PT6H")
        java.time.Duration resumeWindow();
    }

    /** Prometheus gauges. */
    interface Metrics {

        /** Projects with a label of their own on the kgCO2e gauges; the rest sum as other. */
        @WithDefault("200")
        int maxProjects();

        /** How often the gauges reload from the database. */
        @WithDefault("60s")
        String refreshEvery();
    }

    /** Bearer tokens. Verification keys and issuer are SmallRye JWT's {@code mp.jwt.verify.*}. */
    interface Security {

        /** The claim listing the projects a project viewer may read. */
        @WithDefault("projects")
        String projectsClaim();

        /** The issuer the local key signs as; equal to {@code mp.jwt.verify.issuer} locally. */
        @WithDefault("carbon-local")
        String localIssuer();

        /** How long the embedded default's admin token lasts. */
        @WithDefault("P30D")
        java.time.Duration adminTokenTtl();
    }

    /** The monthly close. */
    interface Close {

        /** Folder with a sub-folder per month of files to import ({@code YYYY-MM/focus/*.csv}...). */
        Optional<String> inbox();

        /** Quarantined share of the imported rows above which a close stops (exit 4). */
        @WithDefault("0.05")
        BigDecimal maxQuarantinedShare();

        /** When the scheduler closes the previous month: 06:00 on the 20th by default. */
        @WithDefault("0 0 6 20 * ?")
        String cron();

        /** Whether the in-process scheduler closes months (off where a CronJob does it). */
        @WithDefault("false")
        boolean scheduled();
    }

    /** Pulling Azure Machine Learning GPU energy from Azure Monitor through the Azure SDK. */
    interface AzureMonitor {

        /** Off unless an identity (DefaultAzureCredential) is set up where the service runs. */
        @WithDefault("false")
        boolean enabled();

        /** Azure Resource Manager endpoint; another for sovereign clouds or a replay server. */
        @WithDefault("https://management.azure.com")
        String endpoint();
    }

    interface Catalogue {

        /** A directory whose catalogue files replace the bundled ones (docs/estimates-sources.md). */
        Optional<String> dir();
    }

    interface Budgets {

        /** Share of a budget at which its status turns to warning. */
        @WithDefault("0.8")
        BigDecimal warningShare();

        /** Attempts to deliver one webhook notification before giving up. */
        @WithDefault("4")
        int webhookAttempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("PT1S")
        java.time.Duration webhookBackoff();
    }

    interface Methodology {

        /** Months over which an asset's embodied emissions are spread (six years). */
        @WithDefault("72")
        int lifetimeMonths();

        /** Weights making usage of the service models comparable; 1 each by default. */
        @WithDefault("1")
        BigDecimal iaasWeight();

        @WithDefault("1")
        BigDecimal paasWeight();

        @WithDefault("1")
        BigDecimal saasWeight();

        default MethodologyPolicy policy(Integer lifetimeOverride) {
            return new MethodologyPolicy(
                    lifetimeOverride != null ? lifetimeOverride : lifetimeMonths(),
                    Map.of(ServiceModel.IAAS, iaasWeight(), ServiceModel.PAAS, paasWeight(),
                            ServiceModel.SAAS, saasWeight()));
        }
    }

    interface Allocation {

        /** Usage metric emissions are split by: LIST_COST, EFFECTIVE_COST or CONSUMED_QUANTITY. */
        @WithDefault("LIST_COST")
        UsageMetric metric();

        @WithDefault("ml-project")
        String projectTag();

        @WithDefault("ml-workload")
        String workloadTag();

        @WithDefault("ml-stage")
        String stageTag();

        /** Project tag value marking a line shared across its account's projects. */
        @WithDefault("shared")
        String sharedValue();

        default AllocationPolicy policy() {
            return new AllocationPolicy(metric(), projectTag(), workloadTag(), stageTag(),
                    sharedValue());
        }
    }

    interface Imports {

        /** How many quarantined rows an import answer lists; the rest are behind the API. */
        @WithDefault("1000")
        int errorsListed();
    }
}
