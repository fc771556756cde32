package dev.aicarbon.providers.aws;

import java.util.Objects;

/**
 * One AWS account whose Data Exports a connector reads: usually an organisation's management
 * (payer) account, whose exports cover all its member accounts.
 *
 * @param accountId the 12-digit account id, for messages and {@code AccountFailure}s
 * @param roleArn   the IAM role to assume with STS before reading, or null to read with the
 *                  connector's own credentials
 * @param location  where the account's exports are delivered
 */
public record AwsExportAccount(String accountId, String roleArn, AwsDataExportLocation location) {

    public AwsExportAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(location, "location");
    }
}
