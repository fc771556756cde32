package dev.aicarbon.service.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic month of FOCUS lines and matching provider emissions, with the mix a
 * large ML estate has: three clouds, several accounts, regions and services per account,
 * about 70 % of lines tagged to one of 50 projects (with workloads and stages), 10 % shared
 * and 20 % untagged. The same seed and size always give the same files.
 */
public final class SyntheticMonth {

    private static final String[][] PROVIDERS = {
        {"AWS", "aws", "us-east-1", "eu-west-1", "us-west-2"},
        {"Microsoft", "azure", "eastus", "westeurope", "swedencentral"},
        {"Google Cloud", "gcp", "us-central1", "europe-west4", "asia-northeast1"},
    };
    private static final String[] SERVICES = {"Compute", "Storage", "Machine Learning", "Networking", "Database"};
    private static final String[] STAGES = {"training", "inference", "data", "development"};
    private static final int ACCOUNTS_PER_PROVIDER = 5;
    private static final int PROJECTS = 50;

    private final YearMonth month;
    private final long seed;

    public SyntheticMonth(YearMonth month, long seed) {
        this.month = month;
        this.seed = seed;
    }

    /** Writes {@code lines} FOCUS lines to {@code focusFile}. */
    public void writeFocus(Path focusFile, long lines) {
        SplittableRandom random = new SplittableRandom(seed);
        String start = month.atDay(1) + "T00:00:00Z";
        String end = month.plusMonths(1).atDay(1) + "T00:00:00Z";
        try (BufferedWriter out = Files.newBufferedWriter(focusFile)) {
            out.write("ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,"
                    + "ChargeCategory,RegionId,ServiceName,ServiceCategory,ResourceId,SkuId,ConsumedQuantity,"
                    + "ConsumedUnit,ListCost,EffectiveCost,BilledCost,BillingCurrency,Tags\n");
            for (long i = 0; i < lines; i++) {
                String[] provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
                int account = random.nextInt(ACCOUNTS_PER_PROVIDER);
                String region = provider[2 + random.nextInt(3)];
                String service = SERVICES[random.nextInt(SERVICES.length)];
                String cost = String.format(Locale.ROOT, "%.4f", 0.01 + random.nextDouble() * 50);
                out.write(provider[0] + ",billing-" + provider[1] + "," + account(provider[1], account) + ","
                        + start + "," + end + ",Usage," + region + "," + service + "," + service + ",r-" + i
                        + ",sku-" + random.nextInt(100) + ",1,Hours," + cost + "," + cost + "," + cost + ",USD,"
                        + tags(random) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one emissions cell per account and region (AWS as scope-combined totals). */
    public void writeEmissions(Path emissionsFile) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        try (BufferedWriter out = Files.newBufferedWriter(emissionsFile)) {
            out.write("provider,account_id,month,region,service,scope1_kgco2e,scope2_location_kgco2e,"
                    + "scope2_market_kgco2e,scope3_kgco2e,total_location_kgco2e,total_market_kgco2e\n");
            for (String[] provider : PROVIDERS) {
                for (int account = 0; account < ACCOUNTS_PER_PROVIDER; account++) {
                    for (int r = 2; r < 5; r++) {
                        String key = provider[1] + "," + account(provider[1], account) + "," + month + ","
                                + provider[r] + ",,";
                        out.write(provider[1].equals("aws")
                                ? key + ",,,," + amount(random) + "," + amount(random) + "\n"
                                : key + "0," + amount(random) + "," + amount(random) + "," + amount(random) + ",,\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String account(String provider, int account) {
        return provider + "-account-" + account;
    }

    private static String amount(SplittableRandom random) {
        return String.format(Locale.ROOT, "%.3f", 10 + random.nextDouble() * 5000);
    }

    private static String tags(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return "";
        }
        if (kind == 2) {
            return "\"{\"\"ml-project\"\":\"\"shared\"\"}\"";
        }
        int project = random.nextInt(PROJECTS);
        return "\"{\"\"ml-project\"\":\"\"project-" + project + "\"\",\"\"ml-workload\"\":\"\"workload-"
                + project + "-" + random.nextInt(4) + "\"\",\"\"ml-stage\"\":\"\"" + STAGES[random.nextInt(4)]
                + "\"\"}\"";
    }
}
