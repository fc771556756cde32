package dev.aicarbon.providers.aws;

import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Sorts what S3 and STS answer into what a pull does about it: one account refused, the
 * connector's credentials rejected, the service unavailable, the bucket missing.
 */
final class AwsErrors {

    /** Codes of a principal that is known but not allowed (S3 and STS). */
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "AllAccessDisabled");

    /** Codes of credentials that are wrong, expired or unsigned as AWS expects. */
    private static final Set<String> BAD_CREDENTIALS = Set.of(
            "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken",
            "ExpiredTokenException", "InvalidToken", "TokenRefreshRequired",
            "InvalidClientTokenId", "UnrecognizedClientException", "MissingAuthenticationToken");

    private AwsErrors() {
    }

    /** The service error in {@code error} or its causes, if any. */
    static Optional<AwsServiceException> serviceError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    static boolean isAccessDenied(Throwable error) {
        return serviceError(error)
                .filter(e -> e.statusCode() == 403 && ACCESS_DENIED.contains(code(e)))
                .isPresent();
    }

    static boolean isBadCredentials(Throwable error) {
        if (serviceError(error).map(e -> BAD_CREDENTIALS.contains(code(e))).orElse(false)) {
            return true;
        }
        // The SDK's credential chain says so in words, with no code to go by.
        return error instanceof SdkClientException && error.getMessage() != null
                && error.getMessage().contains("credentials");
    }

    static boolean isNoSuchBucket(Throwable error) {
        return serviceError(error).filter(e -> "NoSuchBucket".equals(code(e))).isPresent();
    }

    /** "403 AccessDenied" and the like, for messages; never the request or its signature. */
    static String describe(Throwable error) {
        return serviceError(error)
                .map(e -> e.statusCode() + " " + code(e))
                .orElse(error.getClass().getSimpleName());
    }

    private static String code(AwsServiceException error) {
        return error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorCode();
    }
}
