package dev.aicarbon.providers.aws;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The FOCUS {@code ServiceName} AWS writes for a product code, so that emissions keyed by
 * {@code product_code} (the carbon emissions export) meet FOCUS usage lines keyed by
 * {@code ServiceName}. The table lives in {@value #RESOURCE}, one {@code code,name} pair a
 * line; see that file for where the names come from. Immutable and thread-safe.
 */
public final class AwsProductCodes {

    static final String RESOURCE = "/aws/product-codes.csv";

    private final Map<String, String> serviceNames;

    private AwsProductCodes(Map<String, String> serviceNames) {
        this.serviceNames = Map.copyOf(serviceNames);
    }

    /** The table shipped with this module. */
    public static AwsProductCodes bundled() {
        try (InputStream in = AwsProductCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing");
            }
            return new AwsProductCodes(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The FOCUS service name for {@code productCode}, matched exactly; empty when unmapped. */
    public Optional<String> serviceName(String productCode) {
        return Optional.ofNullable(serviceNames.get(productCode));
    }

    /** How many codes the table maps. */
    public int size() {
        return serviceNames.size();
    }

    private static Map<String, String> parse(InputStream in) throws IOException {
        Map<String, String> names = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean headerSeen = false;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                continue;
            }
            int comma = line.indexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw new IllegalStateException(RESOURCE + ": not a code,name pair: " + line);
            }
            String code = line.substring(0, comma).strip();
            if (names.put(code, line.substring(comma + 1).strip()) != null) {
                throw new IllegalStateException(RESOURCE + ": " + code + " is listed twice");
            }
        }
        return names;
    }
}
