package dev.aicarbon.providers.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aicarbon.providers.csv.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * S3 (path-style ListObjectsV2 and GetObject) and STS (AssumeRole) on 127.0.0.1, answering
 * with the XML bodies and error codes the services document, for the real SDK clients.
 * Lists pages of {@link #PAGE_SIZE} entries so that continuation tokens are exercised.
 */
public final class LocalAwsServer implements AutoCloseable {

    public static final String BUCKET = "ml-billing-exports";
    static final int PAGE_SIZE = 2;

    private static final Instant DELIVERED = Instant.parse("2026-12-18T06:12:40Z");
    private static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final HttpServer server;
    private final Map<String, byte[]> objects = new TreeMap<>();
    private final Set<String> deniedPrefixes = ConcurrentHashMap.newKeySet();
    private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedAccessKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> slowDowns = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public LocalAwsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void put(String key, String fixture) {
        try (InputStream in = Fixtures.open(fixture)) {
            objects.put(key, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every object, denial and scripted failure, as a fresh bucket would be. */
    public void clear() {
        objects.clear();
        deniedPrefixes.clear();
        deniedRoles.clear();
        rejectedAccessKeys.clear();
        slowDowns.clear();
        requests.clear();
    }

    public void putBytes(String key, byte[] bytes) {
        objects.put(key, bytes);
    }

    public void denyPrefix(String prefix) {
        deniedPrefixes.add(prefix);
    }

    public void denyRole(String roleArn) {
        deniedRoles.add(roleArn);
    }

    public void rejectAccessKey(String accessKeyId) {
        rejectedAccessKeys.add(accessKeyId);
    }

    /** The next {@code times} GETs of {@code key} are answered 503 SlowDown. */
    public void slowDown(String key, int times) {
        slowDowns.put(key, times);
    }

    /** Request lines seen, as "GET /bucket/key" or "LIST prefix token", in order. */
    public List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String accessKey = accessKeyId(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean sts = exchange.getRequestMethod().equals("POST");
            if (rejectedAccessKeys.contains(accessKey)) {
                if (sts) {
                    stsError(exchange, 403, "InvalidClientTokenId",
                            "The security token included in the request is invalid.");
                } else {
                    s3Error(exchange, 403, "InvalidAccessKeyId", "The AWS Access Key Id you"
                            + " provided does not exist in our records.");
                }
                return;
            }
            if (sts) {
                assumeRole(exchange);
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            if ("2".equals(query.get("list-type"))) {
                list(exchange, query);
            } else {
                get(exchange, path.substring(("/" + BUCKET + "/").length()));
            }
        }
    }

    private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        String token = query.get("continuation-token");
        requests.add("LIST " + prefix + (token == null ? "" : " " + token));
        if (denied(prefix)) {
            s3Error(exchange, 403, "AccessDenied", "Access Denied");
            return;
        }

        TreeSet<String> entries = new TreeSet<>();
        for (String key : objects.keySet()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            entries.add(cut < 0 ? key : key.substring(0, cut + 1));
        }
        String after = token == null ? null
                : new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        List<String> page = new ArrayList<>(after == null ? entries : entries.tailSet(after, false));
        boolean truncated = page.size() > PAGE_SIZE;
        page = page.subList(0, Math.min(PAGE_SIZE, page.size()));

        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ListBucketResult xmlns=\"").append(S3_NS).append("\">")
                .append("<Name>").append(BUCKET).append("</Name>")
                .append("<Prefix>").append(prefix).append("</Prefix>")
                .append("<KeyCount>").append(page.size()).append("</KeyCount>")
                .append("<MaxKeys>1000</MaxKeys>");
        if (delimiter != null) {
            xml.append("<Delimiter>").append(delimiter).append("</Delimiter>");
        }
        xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(token).append("</ContinuationToken>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(Base64.getUrlEncoder().encodeToString(
                    page.get(page.size() - 1).getBytes(StandardCharsets.UTF_8)))
                    .append("</NextContinuationToken>");
        }
        for (String entry : page) {
            if (objects.containsKey(entry)) {
                xml.append("<Contents><Key>").append(entry).append("</Key><LastModified>")
                        .append(DELIVERED).append("</LastModified><ETag>&quot;")
                        .append(md5(objects.get(entry))).append("&quot;</ETag><Size>")
                        .append(objects.get(entry).length)
                        .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
        }
        for (String entry : page) {
            if (!objects.containsKey(entry)) {
                xml.append("<CommonPrefixes><Prefix>").append(entry)
                        .append("</Prefix></CommonPrefixes>");
            }
        }
        xml.append("</ListBucketResult>");
        send(exchange, 200, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void get(HttpExchange exchange, String key) throws IOException {
        requests.add("GET " + key);
        if (denied(key)) {
            s3Error(exchange, 403, "AccessDenied", "Access Denied");
            return;
        }
        if (slowDowns.getOrDefault(key, 0) > 0) {
            slowDowns.merge(key, -1, Integer::sum);
            s3Error(exchange, 503, "SlowDown", "Please reduce your request rate.");
            return;
        }
        byte[] body = objects.get(key);
        if (body == null) {
            s3Error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        exchange.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
        exchange.getResponseHeaders().add("Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(DELIVERED.atOffset(ZoneOffset.UTC)));
        send(exchange, 200, "application/octet-stream", body);
    }

    private void assumeRole(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String roleArn = form.get("RoleArn");
        requests.add("ASSUME " + roleArn);
        if (deniedRoles.contains(roleArn)) {
            stsError(exchange, 403, "AccessDenied", "User: arn:aws:iam::411236578902:user/carbon"
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
            return;
        }
        String xml = "<AssumeRoleResponse xmlns=\"" + STS_NS + "\"><AssumeRoleResult>"
                + "<SourceIdentity>carbon</SourceIdentity><AssumedRoleUser>"
                + "<AssumedRoleId>AROA3XFRBF535PLBIFPI4:" + form.get("RoleSessionName")
                + "</AssumedRoleId><Arn>" + roleArn + "</Arn></AssumedRoleUser><Credentials>"
                + "<AccessKeyId>ASIAJEXAMPLEXEG2JICEA</AccessKeyId>"
                + "<SecretAccessKey>9drTJvcXLB89EXAMPLELB8923FB892xMFI</SecretAccessKey>"
                + "<SessionToken>AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpi"
                + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<PackedPolicySize>6</PackedPolicySize></AssumeRoleResult><ResponseMetadata>"
                + "<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>"
                + "</ResponseMetadata></AssumeRoleResponse>";
        send(exchange, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private boolean denied(String keyOrPrefix) {
        return deniedPrefixes.stream().anyMatch(keyOrPrefix::startsWith);
    }

    private static void s3Error(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + message + "</Message><RequestId>4442587FB7D0A2F9"
                + "</RequestId><HostId>eftixk72aD6Ap51TnqcoF8eFidJG9Z/2mkiDFu8yU9AS1ed4OpIszj7"
                + "UDNEHGran</HostId></Error>";
        send(exchange, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void stsError(HttpExchange exchange, int status, String code, String message)
            throws IOException {
        String xml = "<ErrorResponse xmlns=\"" + STS_NS + "\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                + "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111</RequestId></ErrorResponse>";
        send(exchange, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("x-amz-request-id", "4442587FB7D0A2F9");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String accessKeyId(String authorization) {
        if (authorization == null) {
            return "";
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return "";
        }
        int end = authorization.indexOf('/', start);
        return authorization.substring(start + "Credential=".length(), end);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] keyValue = pair.split("=", 2);
            values.put(URLDecoder.decode(keyValue[0], StandardCharsets.UTF_8),
                    keyValue.length < 2 ? "" : URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
