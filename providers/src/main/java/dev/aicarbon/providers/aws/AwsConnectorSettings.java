package dev.aicarbon.providers.aws;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The configuration of one AWS connector ({@code carbon.providers.aws.<name>.*}, see
 * docs/providers-aws.md). Credentials are not part of it: they come from the SDK's standard
 * chain (environment, profile, web identity, container or instance role).
 *
 * @param name             the connector's name, unique among AWS connectors
 * @param region           the region of the S3 buckets and of the STS endpoint
 * @param endpointOverride an S3-compatible endpoint to use instead of AWS (tests, a proxy);
 *                         requests then use path-style addressing and go to STS at the same
 *                         address. Null for AWS itself
 * @param accounts         the accounts to read, at least one
 */
public record AwsConnectorSettings(
        String name,
        String region,
        URI endpointOverride,
        List<AwsExportAccount> accounts) {

    public AwsConnectorSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        accounts = List.copyOf(accounts);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("AWS connector " + name + " names no account");
        }
    }
}
