package dev.aicarbon.service.sync;

import dev.aicarbon.providers.aws.LocalAwsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A local S3 holding one payer's Data Exports (carbon emissions and FOCUS 1.2, Parquet) and a
 * second payer whose prefix is denied, with an AWS connection configured to read both.
 */
public class LocalAwsResource implements QuarkusTestResourceLifecycleManager {

    static final String PAYER = "411236578902";
    static final String DENIED_PAYER = "370046158223";
    static final String CARBON = "exports/" + PAYER + "/carbon-emissions/";
    static final String FOCUS = "exports/" + PAYER + "/focus-1-2/";

    static LocalAwsServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new LocalAwsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        String connection = "carbon.providers.aws.payer.";
        String payer = connection + "accounts.\"" + PAYER + "\".";
        String denied = connection + "accounts.\"" + DENIED_PAYER + "\".";
        return Map.of(
                connection + "region", "us-east-1",
                connection + "endpoint-override", server.endpoint().toString(),
                payer + "bucket", LocalAwsServer.BUCKET,
                payer + "prefix", "exports/" + PAYER,
                payer + "carbon-export", "carbon-emissions",
                payer + "focus-export", "focus-1-2",
                denied + "bucket", LocalAwsServer.BUCKET,
                denied + "prefix", "exports/" + DENIED_PAYER,
                denied + "carbon-export", "carbon-emissions");
    }

    /** Delivers November as model v3 and the three months before it as empty months. */
    static void deliverNovember() {
        server.clear();
        server.put(CARBON + "data/model_version=v3.0.0/usage_period=2026-11/"
                + "carbon-emissions-00001.snappy.parquet", "aws/carbon-2026-11.parquet");
        server.put(FOCUS + "data/BILLING_PERIOD=2026-11/focus-1-2-00001.snappy.parquet",
                "aws/focus-1.2-2026-11-part-1.parquet");
        server.put("exports/" + DENIED_PAYER + "/carbon-emissions/data/BILLING_PERIOD=2026-11/"
                + "carbon-emissions-00001.csv", "aws/carbon-2026-11-second-org.csv");
        server.denyPrefix("exports/" + DENIED_PAYER + "/");
    }

    /**
     * AWS delivers November again in a newer partition, with other figures (the rows carry
     * model_version v2.0.0, so the pull reports that).
     */
    static void restateNovember() {
        server.put(CARBON + "data/model_version=v9.0.0/usage_period=2026-11/"
                + "carbon-emissions-00001.csv.gz", "aws/carbon-2026-11-model-v2.csv.gz");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
