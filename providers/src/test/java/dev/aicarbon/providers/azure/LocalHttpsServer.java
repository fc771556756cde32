package dev.aicarbon.providers.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A JDK HTTPS server on 127.0.0.1 that answers with what a test queued, in order, and keeps
 * every request it got. HTTPS because the SDK's bearer token policy refuses to send a token
 * over plain HTTP. Its certificate is made for the test run by {@code keytool} and trusted
 * only by the client that {@link #trustingHttpClient()} returns.
 */
final class LocalHttpsServer implements AutoCloseable {

    private static final char[] PASSWORD = "local-test-only".toCharArray();
    private static final long KEYTOOL_SECONDS = 60;

    private final HttpsServer server;
    private final KeyStore keyStore;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A request as the server saw it; query values decoded. */
    record Request(String method, String path, Map<String, String> query,
            Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    private record Answer(int status, String body) {
    }

    private LocalHttpsServer(HttpsServer server, KeyStore keyStore) {
        this.server = server;
        this.keyStore = keyStore;
    }

    static LocalHttpsServer start() {
        try {
            KeyStore keyStore = Tls.keyStore();
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
            LocalHttpsServer local = new LocalHttpsServer(server, keyStore);
            server.createContext("/", local::handle);
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's address, as an endpoint for the client: {@code https://127.0.0.1:port}. */
    String endpoint() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues the next answer. */
    void answer(int status, String body) {
        answers.add(new Answer(status, body));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The SDK's Netty transport, trusting this server's certificate and no other. */
    HttpClient trustingHttpClient() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore);
            SslContext ssl = SslContextBuilder.forClient().trustManager(trust).build();
            reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient
                    .create()
                    .secure(spec -> spec.sslContext(ssl));
            return new NettyAsyncHttpClientBuilder(netty).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the local certificate", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI().getRawQuery()),
                    Map.copyOf(exchange.getRequestHeaders())));

            Answer answer = answers.poll();
            if (answer == null) {
                answer = new Answer(500, "{\"error\": {\"code\": \"NoAnswerQueued\"}}");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(decode(name), decode(value));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static SSLContext serverContext(KeyStore keyStore) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(
                    KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serve the local certificate", e);
        }
    }

    /** A self-signed certificate for 127.0.0.1, made once per test run. */
    private static final class Tls {

        private static KeyStore keyStore;

        static synchronized KeyStore keyStore() {
            if (keyStore == null) {
                keyStore = generate();
            }
            return keyStore;
        }

        private static KeyStore generate() {
            try {
                Path dir = Files.createTempDirectory("local-tls");
                Path file = dir.resolve("local.p12");
                runKeytool(file);
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, PASSWORD);
                }
                Files.delete(file);
                Files.delete(dir);
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a local test certificate", e);
            }
        }

        private static void runKeytool(Path file) throws IOException {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            List<String> command = new ArrayList<>(List.of(keytool.toString(),
                    "-genkeypair", "-alias", "local", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                String output = new String(process.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8);
                boolean done = process.waitFor(KEYTOOL_SECONDS, TimeUnit.SECONDS);
                if (!done || process.exitValue() != 0) {
                    throw new IOException("keytool failed: " + output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while keytool ran", e);
            } finally {
                process.destroy();
            }
        }
    }
}
