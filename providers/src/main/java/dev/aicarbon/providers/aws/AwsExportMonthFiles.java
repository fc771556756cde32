package dev.aicarbon.providers.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds the data files of one month of one AWS Data Export in S3.
 *
 * <p>Data Exports deliver to {@code <prefix>/<export>/data/<partition>/} and write
 * {@code <prefix>/<export>/metadata/<partition>/<export>-Manifest.json}, whose
 * {@code dataFiles} lists the S3 URIs of the files of the latest delivery. CUR 2.0 and FOCUS
 * partition by {@code BILLING_PERIOD=YYYY-MM} (some exports write it lower-case); the carbon
 * emissions export partitions by {@code model_version=<v>/usage_period=YYYY-MM}. All are
 * accepted, the key matched without regard to case.
 *
 * <p>The plan:
 * <ol>
 *   <li>List the partitions under {@code data/}, one level down into {@code model_version=}.</li>
 *   <li>Keep those of the month; of several model versions, the newest: AWS delivers old and
 *       new models side by side for three months after a change, and adding both would count
 *       the month twice.</li>
 *   <li>Take the files the newest manifest of that partition lists.</li>
 *   <li>Without a manifest, list the partition; when files lie in several folders (the
 *       "create new export" option keeps each delivery), take the most recent folder.</li>
 * </ol>
 */
final class AwsExportMonthFiles {

    /** The files of the month, and the partition they came from (relative to data/). */
    record Found(String partition, String modelVersion, List<String> keys, boolean fromManifest) {
    }

    private static final System.Logger LOG = System.getLogger(AwsExportMonthFiles.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL_VERSION = "model_version";
    private static final List<String> PERIOD_KEYS = List.of("billing_period", "usage_period");

    private final S3Client s3;
    private final String bucket;

    AwsExportMonthFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * The month's files under the export base ({@code <prefix>/<export>/}); empty when the
     * export has no partition for the month.
     */
    Optional<Found> find(String exportBase, YearMonth month) {
        Map<String, String> partitions = monthPartitions(exportBase + "data/", month);
        if (partitions.isEmpty()) {
            return Optional.empty();
        }

        String partition = newestModel(partitions);
        String modelVersion = partitions.get(partition);
        if (partitions.size() > 1) {
            LOG.log(Level.INFO, "s3://{0}/{1}data: month {2} has model versions {3}; reading {4}",
                    bucket, exportBase, month, partitions.values(), modelVersion);
        }
        List<String> manifestKeys = manifestFiles(exportBase + "metadata/" + partition);
        if (!manifestKeys.isEmpty()) {
            return Optional.of(new Found(partition, modelVersion, manifestKeys, true));
        }
        return Optional.of(new Found(partition, modelVersion,
                listedFiles(exportBase + "data/" + partition), false));
    }

    /** Partition path (ending in a slash) to its model version (null when unversioned). */
    private Map<String, String> monthPartitions(String dataPrefix, YearMonth month) {
        Map<String, String> found = new TreeMap<>();
        for (String child : childFolders(dataPrefix)) {
            String[] keyValue = child.split("=", 2);
            if (keyValue.length != 2) {
                continue;
            }
            String key = keyValue[0].toLowerCase(Locale.ROOT);
            if (PERIOD_KEYS.contains(key) && keyValue[1].equals(month.toString())) {
                found.put(child + "/", null);
            } else if (key.equals(MODEL_VERSION)) {
                monthPartitions(dataPrefix + child + "/", month).keySet()
                        .forEach(inner -> found.put(child + "/" + inner, keyValue[1]));
            }
        }
        return found;
    }

    /** The names of the folders directly under {@code prefix}. */
    private List<String> childFolders(String prefix) {
        List<String> names = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(prefix)
                .delimiter("/")
                .build();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
            for (CommonPrefix common : page.commonPrefixes()) {
                String name = common.prefix().substring(prefix.length());
                names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            }
        }
        return names;
    }

    private List<S3Object> objects(String prefix) {
        List<S3Object> objects = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(prefix)
                .build();
        s3.listObjectsV2Paginator(request).contents().forEach(objects::add);
        return objects;
    }

    private List<String> manifestFiles(String metadataPrefix) {
        Optional<S3Object> newest = objects(metadataPrefix).stream()
                .filter(object -> object.key().endsWith("Manifest.json"))
                .max(Comparator.comparing(AwsExportMonthFiles::modified));
        if (newest.isEmpty()) {
            return List.of();
        }

        ResponseBytes<GetObjectResponse> manifest = s3.getObjectAsBytes(
                request -> request.bucket(bucket).key(newest.get().key()));
        return dataFiles(manifest.asByteArray(), newest.get().key());
    }

    private List<String> dataFiles(byte[] manifest, String manifestKey) {
        JsonNode files;
        try {
            files = JSON.readTree(manifest).path("dataFiles");
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest s3://" + bucket + "/" + manifestKey
                    + " is not JSON", e);
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode file : files) {
            keys.add(keyOf(file.asText()));
        }
        return keys;
    }

    /** The key of an {@code s3://bucket/key} URI of this bucket. */
    private String keyOf(String uri) {
        String bucketPrefix = "s3://" + bucket + "/";
        if (!uri.startsWith(bucketPrefix)) {
            throw new IllegalStateException("the manifest lists " + uri + ", which is not in"
                    + " the bucket " + bucket);
        }
        return uri.substring(bucketPrefix.length());
    }

    private List<String> listedFiles(String partitionPrefix) {
        List<S3Object> data = objects(partitionPrefix).stream()
                .filter(object -> isDataFile(object.key()))
                .toList();
        Map<String, List<S3Object>> byFolder = new TreeMap<>();
        data.forEach(object -> byFolder.computeIfAbsent(folder(object.key()),
                folder -> new ArrayList<>()).add(object));
        if (byFolder.size() <= 1) {
            return data.stream().map(S3Object::key).toList();
        }

        String newest = byFolder.entrySet().stream()
                .max(Comparator.comparing(entry -> entry.getValue().stream()
                        .map(AwsExportMonthFiles::modified)
                        .max(Comparator.naturalOrder())
                        .orElse(Instant.EPOCH)))
                .orElseThrow()
                .getKey();
        LOG.log(Level.WARNING, "s3://{0}/{1} has no manifest and {2} deliveries; reading the"
                + " most recent, {3}", bucket, partitionPrefix, byFolder.size(), newest);
        return byFolder.get(newest).stream().map(S3Object::key).toList();
    }

    static boolean isDataFile(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.endsWith(".parquet") || lower.endsWith(".csv") || lower.endsWith(".csv.gz")
                || lower.endsWith(".gz");
    }

    private static String folder(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    private static Instant modified(S3Object object) {
        return object.lastModified() == null ? Instant.EPOCH : object.lastModified();
    }

    /** The partition of the newest model version, by numeric comparison of its parts. */
    private static String newestModel(Map<String, String> partitions) {
        return partitions.keySet().stream()
                .max(Comparator.comparing(partition -> partitions.get(partition),
                        Comparator.nullsFirst(AwsExportMonthFiles::compareVersions)))
                .orElseThrow();
    }

    static int compareVersions(String left, String right) {
        String[] a = left.replaceFirst("^[vV]", "").split("[.\\-]");
        String[] b = right.replaceFirst("^[vV]", "").split("[.\\-]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < b.length ? b[i] : "0";
            int order = x.matches("\\d+") && y.matches("\\d+")
                    ? Long.compare(Long.parseLong(x), Long.parseLong(y))
                    : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
