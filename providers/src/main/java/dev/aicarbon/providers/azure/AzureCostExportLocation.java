package dev.aicarbon.providers.azure;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Where a Cost Management export of the {@code FocusCost} dataset writes its runs:
 * {@code <container>/<directory>/<exportName>/<yyyyMMdd-yyyyMMdd>/.../<runId>/} holding the
 * partitions ({@code part_0_0001.csv.gz} and so on) and a {@code manifest.json} that lists
 * them. The date folder spans the calendar month the run covers, first and last day.
 *
 * @param containerUrl {@code https://<account>.blob.core.windows.net/<container>}, without a
 *                     SAS token or other query: credentials come from the credential chain
 * @param directory    the export's storage directory, possibly empty; no leading or trailing
 *                     slash needed
 * @param exportName   the export's name, as Cost Management shows it
 */
public record AzureCostExportLocation(String containerUrl, String directory,
        String exportName) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public AzureCostExportLocation {
        Objects.requireNonNull(containerUrl, "containerUrl");
        Objects.requireNonNull(exportName, "exportName");
        URI uri = URI.create(containerUrl);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getQuery() != null) {
            throw new IllegalArgumentException("containerUrl " + uri.getScheme() + "://"
                    + uri.getAuthority() + uri.getPath() + " is not an HTTPS address without a"
                    + " query; give no SAS token, credentials come from the credential chain");
        }
        containerUrl = containerUrl.endsWith("/")
                ? containerUrl.substring(0, containerUrl.length() - 1)
                : containerUrl;
        directory = trimSlashes(directory == null ? "" : directory);
        exportName = trimSlashes(exportName);
        if (exportName.isEmpty()) {
            throw new IllegalArgumentException("exportName is empty");
        }
    }

    /** The blob name prefix of the runs that cover {@code month}, ending with a slash. */
    public String monthPrefix(YearMonth month) {
        String folder = month.atDay(1).format(DAY) + "-" + month.atEndOfMonth().format(DAY);
        return (directory.isEmpty() ? "" : directory + "/") + exportName + "/" + folder + "/";
    }

    /** {@code containerUrl/blobName}, for messages and pulled-file sources. */
    public String describe(String blobName) {
        return containerUrl + "/" + blobName;
    }

    private static String trimSlashes(String text) {
        String trimmed = text.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
