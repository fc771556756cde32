package dev.aicarbon.providers.gcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the BigQuery REST v2 endpoint on 127.0.0.1: it answers each request
 * with the recorded payloads of the first route that matches it, in turn (the last one
 * repeats), and keeps every request for the test to inspect. A request no route matches gets
 * a 404 naming it, so a test sees which call it did not expect.
 */
final class BigQueryReplayServer implements AutoCloseable {

    /** One request as received; {@code query} is the raw query string or null. */
    record Request(String method, String path, String query, String body) {

        boolean isQueryInsert() {
            return method.equals("POST") && path.endsWith("/queries");
        }

        boolean mentions(String text) {
            return body.contains(text);
        }
    }

    /** A recorded answer. */
    record Reply(int status, String body) {
    }

    private record Route(Predicate<Request> match, List<Reply> replies, int[] next) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    BigQueryReplayServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The value for {@code BigQueryOptions.setHost}. */
    String host() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    BigQueryReplayServer on(Predicate<Request> match, Reply... replies) {
        routes.add(new Route(match, List.of(replies), new int[1]));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** A 200 with the recorded payload {@code gcp/bigquery/<name>}. */
    static Reply ok(String name) {
        try (InputStream in = BigQueryReplayServer.class.getResourceAsStream(
                "/gcp/bigquery/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded payload " + name);
            }
            return new Reply(200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error in Google's JSON error format, as BigQuery writes it. */
    static Reply error(int status, String reason, String message) {
        String body = """
                {"error": {"code": %d, "message": "%s",
                  "errors": [{"message": "%s", "domain": "global", "reason": "%s"}],
                  "status": "%s"}}
                """.formatted(status, message, message, reason, statusName(status));
        return new Reply(status, body);
    }

    private static String statusName(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "UNKNOWN";
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(requestBody(exchange), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body);
        requests.add(request);

        Reply reply = replyFor(request);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The request's body; the Google HTTP client gzips request bodies by default. */
    private static byte[] requestBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private Reply replyFor(Request request) {
        for (Route route : routes) {
            if (route.match().test(request)) {
                synchronized (route) {
                    int index = Math.min(route.next()[0], route.replies().size() - 1);
                    route.next()[0]++;
                    return route.replies().get(index);
                }
            }
        }
        return error(404, "notFound", "no replay for " + request.method() + " "
                + request.path() + (request.query() == null ? "" : "?" + request.query()));
    }

    List<Request> unanswered() {
        List<Request> unmatched = new ArrayList<>();
        for (Request request : requests) {
            if (routes.stream().noneMatch(route -> route.match().test(request))) {
                unmatched.add(request);
            }
        }
        return unmatched;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
