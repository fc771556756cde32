package dev.aicarbon.service.crash;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;

/**
 * November 2026 for six accounts on Azure, AWS and Google Cloud, as FOCUS daily lines and the
 * provider emissions of those accounts, drawn from a seed: the same seed gives the same bytes.
 *
 * <p>Each account's export is a file of its own. A file restates the accounts it holds, so two
 * files must never share an account, or the later one would replace the earlier one's lines.
 *
 * <p>Every resource has one Usage line a day. About one in six is tagged {@code shared}, one in
 * five untagged, the rest name a project; AWS writes its tags behind {@code user:}. Many lines
 * cost the same to the cent (a VM size running all day), so splits have ties. Each file also
 * holds a reservation purchase, a tax line and two rows that fail to parse (quarantined).
 * Emissions are one cell per account and region (scopes 1, 2 location- and market-based, 3,
 * kgCO2e), plus one cell of an account without usage, which stays unmatched.
 */
final class SyntheticMonth {

    static final YearMonth MONTH = YearMonth.of(2026, 11);

    private static final String FOCUS_HEADER = "ProviderName,BillingAccountId,SubAccountId,"
            + "ChargePeriodStart,ChargePeriodEnd,ChargeCategory,RegionId,ServiceName,ServiceCategory,"
            + "ResourceId,SkuId,ConsumedQuantity,ConsumedUnit,ListCost,EffectiveCost,BilledCost,"
            + "BillingCurrency,Tags";

    private static final String EMISSIONS_HEADER = "provider,account_id,month,region,service,"
            + "scope1_kgco2e,scope2_location_kgco2e,scope2_market_kgco2e,scope3_kgco2e";

    private static final List<String> PROJECTS = List.of(
            "vision-search", "fraud-scoring", "llm-assistant", "recsys", "speech-to-text");

    private static final List<String> STAGES = List.of("training", "inference", "data", "development");

    /** A size or tier a resource runs as, priced per unit of its quantity. */
    private record Sku(String service, String category, String sku, String unit,
            BigDecimal usdPerUnit, int unitsPerDay) {
    }

    private record Account(String providerName, String providerCode, String billingAccountId,
            String subAccountId, String emissionsAccountId, String tagPrefix, List<String> regions,
            List<Sku> skus) {
    }

    private static final List<Sku> AZURE_SKUS = List.of(
            new Sku("Virtual Machines", "Compute", "Standard_ND96asr_v4", "Hours", usd("27.197"), 24),
            new Sku("Virtual Machines", "Compute", "Standard_D4s_v5", "Hours", usd("0.192"), 24),
            new Sku("Storage", "Storage", "Hot LRS", "GB-Month", usd("0.000613"), 2048),
            new Sku("Azure Machine Learning", "AI and Machine Learning", "NC24ads_A100_v4", "Hours",
                    usd("3.673"), 24));

    private static final List<Sku> AWS_SKUS = List.of(
            new Sku("Amazon Elastic Compute Cloud", "Compute", "p4d.24xlarge", "Hrs", usd("32.7726"), 24),
            new Sku("Amazon Elastic Compute Cloud", "Compute", "m6i.xlarge", "Hrs", usd("0.192"), 24),
            new Sku("Amazon Simple Storage Service", "Storage", "TimedStorage-ByteHrs", "GB-Mo",
                    usd("0.000767"), 4096),
            new Sku("Amazon SageMaker", "AI and Machine Learning", "ml.g5.2xlarge", "Hrs",
                    usd("1.515"), 24));

    private static final List<Sku> GCP_SKUS = List.of(
            new Sku("Compute Engine", "Compute", "A2 Instance Core", "hour", usd("1.2437"), 24),
            new Sku("Compute Engine", "Compute", "N2 Instance Core", "hour", usd("0.0316"), 96),
            new Sku("Cloud Storage", "Storage", "Standard Storage", "gibibyte month", usd("0.00067"), 1024),
            new Sku("Vertex AI", "AI and Machine Learning", "Nvidia Tesla T4", "hour", usd("0.4025"), 24));

    private static final List<Account> ACCOUNTS = List.of(
            new Account("Microsoft", "azure", "ba-7730215", "/subscriptions/5a1c7e2d-3b4f-4c8a-9d6e-0f1a2b3c4d5e",
                    "5A1C7E2D-3B4F-4C8A-9D6E-0F1A2B3C4D5E", "", List.of("eastus", "westeurope"), AZURE_SKUS),
            new Account("Microsoft", "azure", "ba-7730215", "/subscriptions/0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a",
                    "0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a", "", List.of("swedencentral"), AZURE_SKUS),
            new Account("AWS", "aws", "999988887777", "111111111111", "111111111111", "user:",
                    List.of("us-east-1", "eu-west-1"), AWS_SKUS),
            new Account("AWS", "aws", "999988887777", "222233334444", "222233334444", "user:",
                    List.of("us-west-2"), AWS_SKUS),
            new Account("Google Cloud", "gcp", "01A2B3-C4D5E6-F7A8B9", "vision-prod-4821", "vision-prod-4821", "",
                    List.of("europe-west4", "us-central1"), GCP_SKUS),
            new Account("Google Cloud", "gcp", "01A2B3-C4D5E6-F7A8B9", "ml-sandbox-1177", "ml-sandbox-1177", "",
                    List.of("europe-west4"), GCP_SKUS));

    private final long seed;
    private final int resourcesPerAccount;

    private SyntheticMonth(long seed, int resourcesPerAccount) {
        this.seed = seed;
        this.resourcesPerAccount = resourcesPerAccount;
    }

    /** A month of about {@code usageLines} Usage lines, drawn from {@code seed}. */
    static SyntheticMonth of(long seed, int usageLines) {
        int resources = Math.max(1, usageLines / (ACCOUNTS.size() * MONTH.lengthOfMonth()));
        return new SyntheticMonth(seed, resources);
    }

    /**
     * Writes {@code <inbox>/2026-11/focus/NN-<provider>.csv}, one per account, and
     * {@code <inbox>/2026-11/emissions/emissions.csv}.
     */
    void writeTo(Path inbox) throws IOException {
        Path focus = Files.createDirectories(inbox.resolve(MONTH.toString()).resolve("focus"));
        Path emissions = Files.createDirectories(inbox.resolve(MONTH.toString()).resolve("emissions"));
        Random random = new Random(seed);
        List<String> names = focusFileNames();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            writeFocus(focus.resolve(names.get(i)), ACCOUNTS.get(i), random);
        }
        writeEmissions(emissions.resolve("emissions.csv"), random);
    }

    /** The FOCUS files, in the order a close imports them (by name). */
    List<String> focusFileNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            names.add(String.format("%02d-%s.csv", i + 1, ACCOUNTS.get(i).providerCode()));
        }
        return names;
    }

    /** Usage lines of the month, all of which a close keeps. */
    int usageLines() {
        return ACCOUNTS.size() * resourcesPerAccount * MONTH.lengthOfMonth();
    }

    /** Lines each FOCUS file stores: its Usage lines, a purchase and a tax line. */
    int storedLinesPerFocusFile() {
        return resourcesPerAccount * MONTH.lengthOfMonth() + 2;
    }

    /** Rows of each FOCUS file that a close quarantines. */
    int quarantinedRowsPerFocusFile() {
        return 2;
    }

    private void writeFocus(Path file, Account account, Random random) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(FOCUS_HEADER);
            out.newLine();
            for (int resource = 0; resource < resourcesPerAccount; resource++) {
                writeResource(out, account, resource, random);
            }
            writeOtherCharges(out, account);
        }
    }

    private void writeResource(BufferedWriter out, Account account, int resource, Random random)
            throws IOException {
        Sku sku = account.skus().get(random.nextInt(account.skus().size()));
        String region = account.regions().get(random.nextInt(account.regions().size()));
        String tags = tags(account, random);
        BigDecimal discount = BigDecimal.valueOf(70 + random.nextInt(31), 2);
        String resourceId = resourceId(account, sku, region, resource);
        for (int day = 1; day <= MONTH.lengthOfMonth(); day++) {
            // Most resources run all day, so their lines cost the same each day.
            int units = random.nextInt(10) == 0 ? 1 + random.nextInt(sku.unitsPerDay()) : sku.unitsPerDay();
            BigDecimal list = sku.usdPerUnit()
                    .multiply(BigDecimal.valueOf(units))
                    .setScale(6, RoundingMode.HALF_EVEN);
            BigDecimal effective = list.multiply(discount).setScale(6, RoundingMode.HALF_EVEN);
            writeLine(out, account, account.subAccountId(), MONTH.atDay(day), "Usage", region, sku, resourceId,
                    String.valueOf(units), list, effective, tags);
        }
    }

    private void writeOtherCharges(BufferedWriter out, Account account) throws IOException {
        Sku sku = account.skus().get(0);
        String region = account.regions().get(0);
        writeLine(out, account, account.subAccountId(), MONTH.atDay(1), "Purchase", region, sku, "",
                "", usd("12000"), usd("12000"), "");
        writeLine(out, account, account.subAccountId(), MONTH.atDay(1), "Tax", "", sku, "", "", usd("431.27"),
                usd("431.27"), "");
        // Two rows a reader refuses: an impossible date and a category FOCUS does not have.
        out.write(account.providerName() + "," + account.billingAccountId() + "," + account.subAccountId()
                + ",2026-11-31T00:00:00Z,2026-12-01T00:00:00Z,Usage,,,,,,,,1,1,1,USD,");
        out.newLine();
        out.write(account.providerName() + "," + account.billingAccountId() + "," + account.subAccountId()
                + ",2026-11-02T00:00:00Z,2026-11-03T00:00:00Z,Refund,,,,,,,,1,1,1,USD,");
        out.newLine();
    }

    private void writeLine(BufferedWriter out, Account account, String subAccountId, LocalDate day,
            String category, String region, Sku sku, String resourceId, String units, BigDecimal listUsd,
            BigDecimal effectiveUsd, String tags) throws IOException {
        String line = String.join(",", account.providerName(), account.billingAccountId(), subAccountId,
                day + "T00:00:00Z", day.plusDays(1) + "T00:00:00Z", category, region, sku.service(),
                sku.category(), resourceId, csv(sku.sku()), units, units.isEmpty() ? "" : csv(sku.unit()),
                listUsd.toPlainString(), effectiveUsd.toPlainString(), effectiveUsd.toPlainString(), "USD",
                tags);
        out.write(line);
        out.newLine();
    }

    /** The Tags cell: a project (one in six lines shared), or nothing for one in five. */
    private static String tags(Account account, Random random) {
        int draw = random.nextInt(30);
        if (draw < 6) {
            return "";
        }
        String prefix = account.tagPrefix();
        String project = draw < 11 ? "shared" : PROJECTS.get(random.nextInt(PROJECTS.size()));
        String workload = project + "-" + (1 + random.nextInt(4));
        String stage = STAGES.get(random.nextInt(STAGES.size()));
        String json = String.format("{\"%1$sml-project\":\"%2$s\",\"%1$sml-workload\":\"%3$s\","
                + "\"%1$sml-stage\":\"%4$s\",\"cost-center\":\"cc-%5$d\"}", prefix, project, workload, stage,
                random.nextInt(90));
        return csv(json);
    }

    private static String resourceId(Account account, Sku sku, String region, int resource) {
        return switch (account.providerCode()) {
            case "azure" -> account.subAccountId() + "/resourceGroups/rg-ml-" + region
                    + "/providers/Microsoft.Compute/virtualMachines/" + slug(sku.sku()) + "-" + resource;
            case "aws" -> "arn:aws:ec2:" + region + ":" + account.subAccountId() + ":instance/i-0"
                    + Integer.toHexString(0x5a000000 + resource);
            default -> "//compute.googleapis.com/projects/" + account.subAccountId() + "/zones/" + region
                    + "-a/instances/" + slug(sku.sku()) + "-" + resource;
        };
    }

    private void writeEmissions(Path file, Random random) throws IOException {
        List<String> rows = new ArrayList<>();
        TreeMap<String, Account> byCell = new TreeMap<>();
        for (Account account : ACCOUNTS) {
            account.regions().forEach(region -> byCell.put(account.emissionsAccountId() + " " + region,
                    account));
        }
        byCell.forEach((key, account) -> rows.add(emissionsRow(account.providerCode(),
                account.emissionsAccountId(), key.substring(key.indexOf(' ') + 1), random)));
        // An account whose usage is not in the inbox: its emissions stay unmatched.
        rows.add(emissionsRow("aws", "555566667777", "us-east-1", random));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(EMISSIONS_HEADER);
            out.newLine();
            for (String row : rows) {
                out.write(row);
                out.newLine();
            }
        }
    }

    private static String emissionsRow(String provider, String accountId, String region, Random random) {
        BigDecimal scope2Location = BigDecimal.valueOf(100_000 + random.nextInt(4_900_000), 3);
        BigDecimal scope2Market = scope2Location.multiply(BigDecimal.valueOf(20 + random.nextInt(81), 2))
                .setScale(3, RoundingMode.HALF_EVEN);
        BigDecimal scope1 = BigDecimal.valueOf(random.nextInt(5_000), 3);
        BigDecimal scope3 = BigDecimal.valueOf(10_000 + random.nextInt(790_000), 3);
        return String.join(",", provider, accountId, MONTH.toString(), region, "", scope1.toPlainString(),
                scope2Location.toPlainString(), scope2Market.toPlainString(), scope3.toPlainString());
    }

    private static String csv(String text) {
        boolean quote = text.contains(",") || text.contains("\"");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }
}
