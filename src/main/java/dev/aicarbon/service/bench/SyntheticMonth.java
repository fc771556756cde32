package dev.aicarbon.service.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic month of FOCUS lines and matching provider emissions, with the mix a
 * large ML estate has: three clouds, several accounts, regions and services per account,
 * about 70 % of lines tagged to one of 50 projects (with workloads and stages), 10 % shared
 * and 20 % untagged. The same seed, size and {@link FocusFile} always give the same files.
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

    /** Hourly rates of a few machine sizes: lines of one size cost the same, so splits tie. */
    private static final String[] HOURLY_RATES = {"0.0960", "0.3840", "1.2000", "3.0600", "12.2400", "32.7726"};

    /** One of the month's accounts: a cloud (0 AWS, 1 Azure, 2 Google Cloud) and a number on it. */
    public record Account(int provider, int number) {

        /** The provider's code, as in the emissions file: aws, azure or gcp. */
        public String providerCode() {
            return PROVIDERS[provider][1];
        }

        private String providerName() {
            return PROVIDERS[provider][0];
        }

        private String id() {
            return providerCode() + "-account-" + number;
        }
    }

    /**
     * What a FOCUS file holds beside its Usage lines, and whose lines they are.
     *
     * <p>A provider's export restates the accounts it holds, so files meant for one inbox
     * each hold an account of their own.
     *
     * @param account       the one account of every line; null for lines of any account
     * @param otherCharges  also a reservation purchase and a tax line of {@code account} (of the
     *                      first account when null), which a close stores and never allocates
     * @param refusedRows   also {@link #REFUSED_ROWS} rows a reader refuses, to be quarantined
     * @param asExported    the forms real exports take: AWS tag keys behind {@code user:}, Azure
     *                      subscriptions as {@code /subscriptions/<ID>} in upper case, and costs
     *                      from a few hourly rates, so that many lines cost the same and the
     *                      largest weights of a split tie
     */
    public record FocusFile(Account account, boolean otherCharges, boolean refusedRows,
            boolean asExported) {

        /** The bench's file: Usage lines of every account, nothing else. */
        public static final FocusFile USAGE = new FocusFile(null, false, false, false);
    }

    /** Rows of a file with {@link FocusFile#refusedRows()}: an impossible date, a Refund. */
    public static final int REFUSED_ROWS = 2;

    /** Lines a file with {@link FocusFile#otherCharges()} stores beside its Usage lines. */
    public static final int OTHER_CHARGES = 2;

    private final YearMonth month;
    private final long seed;

    public SyntheticMonth(YearMonth month, long seed) {
        this.month = month;
        this.seed = seed;
    }

    /** Every account of the month, a provider's in a row, in the order AWS, Azure, Google Cloud. */
    public static List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        for (int provider = 0; provider < PROVIDERS.length; provider++) {
            for (int number = 0; number < ACCOUNTS_PER_PROVIDER; number++) {
                accounts.add(new Account(provider, number));
            }
        }
        return accounts;
    }

    /** Writes {@code lines} FOCUS Usage lines of any account to {@code focusFile}. */
    public void writeFocus(Path focusFile, long lines) {
        writeFocus(focusFile, lines, FocusFile.USAGE);
    }

    /** Writes {@code lines} FOCUS Usage lines, and what else {@code content} asks for. */
    public void writeFocus(Path focusFile, long lines, FocusFile content) {
        SplittableRandom random = new SplittableRandom(seed);
        String start = month.atDay(1) + "T00:00:00Z";
        String end = month.plusMonths(1).atDay(1) + "T00:00:00Z";
        try (BufferedWriter out = Files.newBufferedWriter(focusFile)) {
            out.write("ProviderName,BillingAccountId,SubAccountId,ChargePeriodStart,ChargePeriodEnd,"
                    + "ChargeCategory,RegionId,ServiceName,ServiceCategory,ResourceId,SkuId,ConsumedQuantity,"
                    + "ConsumedUnit,ListCost,EffectiveCost,BilledCost,BillingCurrency,Tags\n");
            for (long i = 0; i < lines; i++) {
                Account account = content.account() != null ? content.account()
                        : new Account(random.nextInt(PROVIDERS.length), random.nextInt(ACCOUNTS_PER_PROVIDER));
                String region = PROVIDERS[account.provider()][2 + random.nextInt(3)];
                String service = SERVICES[random.nextInt(SERVICES.length)];
                String cost = content.asExported()
                        ? HOURLY_RATES[random.nextInt(HOURLY_RATES.length)]
                        : String.format(Locale.ROOT, "%.4f", 0.01 + random.nextDouble() * 50);
                out.write(accountColumns(account, content) + "," + start + "," + end + ",Usage," + region
                        + "," + service + "," + service + ",r-" + i + ",sku-" + random.nextInt(100)
                        + ",1,Hours," + cost + "," + cost + "," + cost + ",USD,"
                        + tags(random, tagPrefix(account, content)) + "\n");
            }
            Account account = content.account() != null ? content.account() : accounts().get(0);
            if (content.otherCharges()) {
                writeOtherCharges(out, accountColumns(account, content), account, start, end);
            }
            if (content.refusedRows()) {
                writeRefusedRows(out, accountColumns(account, content));
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
            for (Account account : accounts()) {
                for (int r = 2; r < 5; r++) {
                    String key = account.providerCode() + "," + account.id() + "," + month + ","
                            + PROVIDERS[account.provider()][r] + ",,";
                    out.write(account.providerCode().equals("aws")
                            ? key + ",,,," + amount(random) + "," + amount(random) + "\n"
                            : key + "0," + amount(random) + "," + amount(random) + "," + amount(random) + ",,\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ProviderName, BillingAccountId and SubAccountId of a line. */
    private static String accountColumns(Account account, FocusFile content) {
        String subAccount = content.asExported() && account.providerCode().equals("azure")
                ? "/subscriptions/" + account.id().toUpperCase(Locale.ROOT)
                : account.id();
        return account.providerName() + ",billing-" + account.providerCode() + "," + subAccount;
    }

    private static String tagPrefix(Account account, FocusFile content) {
        return content.asExported() && account.providerCode().equals("aws") ? "user:" : "";
    }

    private static void writeOtherCharges(BufferedWriter out, String accountColumns, Account account,
            String start, String end) throws IOException {
        String region = PROVIDERS[account.provider()][2];
        out.write(accountColumns + "," + start + "," + end + ",Purchase," + region
                + ",Compute,Compute,,sku-0,,,12000.00,12000.00,12000.00,USD,\n");
        out.write(accountColumns + "," + start + "," + end + ",Tax,,Compute,Compute,,sku-0,,,"
                + "431.27,431.27,431.27,USD,\n");
    }

    private void writeRefusedRows(BufferedWriter out, String accountColumns) throws IOException {
        String dayAfterTheLast = month + "-" + (month.lengthOfMonth() + 1) + "T00:00:00Z";
        String second = month.atDay(2) + "T00:00:00Z";
        String third = month.atDay(3) + "T00:00:00Z";
        out.write(accountColumns + "," + dayAfterTheLast + "," + month.plusMonths(1).atDay(1)
                + "T00:00:00Z,Usage,,,,,,,,1,1,1,USD,\n");
        out.write(accountColumns + "," + second + "," + third + ",Refund,,,,,,,,1,1,1,USD,\n");
    }

    private static String amount(SplittableRandom random) {
        return String.format(Locale.ROOT, "%.3f", 10 + random.nextDouble() * 5000);
    }

    /** The Tags column: untagged, shared, or a project with its workload and stage. */
    private static String tags(SplittableRandom random, String keyPrefix) {
        int kind = random.nextInt(10);
        if (kind < 2) {
            return "";
        }
        if (kind == 2) {
            return "\"{\"\"" + keyPrefix + "ml-project\"\":\"\"shared\"\"}\"";
        }
        int project = random.nextInt(PROJECTS);
        return "\"{\"\"" + keyPrefix + "ml-project\"\":\"\"project-" + project + "\"\",\"\""
                + keyPrefix + "ml-workload\"\":\"\"workload-" + project + "-" + random.nextInt(4)
                + "\"\",\"\"" + keyPrefix + "ml-stage\"\":\"\"" + STAGES[random.nextInt(4)] + "\"\"}\"";
    }
}
