package dev.aicarbon.providers.aws;

import java.util.Objects;

/**
 * Where one AWS account's Data Exports land in S3: {@code s3://<bucket>/<prefix>/<export>/}.
 *
 * @param bucket           the S3 bucket the exports are delivered to
 * @param prefix           the S3 path prefix given to the exports; empty for none
 * @param carbonExportName the name of the export of the {@code CARBON_EMISSIONS} table
 * @param focusExportName  the name of the FOCUS 1.0 or 1.2 with AWS columns export, or null
 *                         when usage comes to the service another way
 */
public record AwsDataExportLocation(
        String bucket,
        String prefix,
        String carbonExportName,
        String focusExportName) {

    public AwsDataExportLocation {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(carbonExportName, "carbonExportName");
        prefix = prefix == null ? "" : strip(prefix);
    }

    /** The key prefix of the carbon export, ending in a slash. */
    public String carbonBase() {
        return base(carbonExportName);
    }

    /** The key prefix of the FOCUS export, ending in a slash; null when there is none. */
    public String focusBase() {
        return focusExportName == null ? null : base(focusExportName);
    }

    private String base(String exportName) {
        return (prefix.isEmpty() ? "" : prefix + "/") + strip(exportName) + "/";
    }

    private static String strip(String path) {
        String stripped = path.strip();
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
