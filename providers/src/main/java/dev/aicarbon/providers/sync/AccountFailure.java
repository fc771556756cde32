package dev.aicarbon.providers.sync;

/**
 * An account of a pull that gave nothing, and why, in words a person can act on.
 *
 * @param accountId the subscription, account or billing account
 * @param reason    for example "access denied (403 AuthorizationFailed)"; never a credential
 */
public record AccountFailure(String accountId, String reason) {
}
