package dev.aicarbon.providers.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicarbon.providers.csv.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An azure-core transport that never opens a socket: it answers each request with the
 * recorded answers of the first rule whose matcher takes it, in order, repeating the last,
 * and keeps every request it got. The SDK's pipeline (retry, bearer token, logging, and for
 * Blob storage the SDK's own policies and XML parsing) runs for real in front of it. A
 * request no rule takes is answered 404 {@code NoRecordedAnswer}, so a test sees it.
 */
final class ReplayingHttpClient implements HttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the transport saw it; the body parsed when it is JSON, else null. */
    record Request(String method, URI url, Map<String, String> headers, byte[] body,
            JsonNode json, long nanoTime) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A recorded answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        static Answer json(int status, String fixture) {
            return new Answer(status, Map.of("Content-Type", "application/json"),
                    bytes(fixture));
        }
    }

    private static final class Rule {

        private final Predicate<Request> matcher;
        private final List<Answer> answers;
        private int next;

        Rule(Predicate<Request> matcher, List<Answer> answers) {
            this.matcher = matcher;
            this.answers = answers;
        }

        synchronized Answer take() {
            Answer answer = answers.get(Math.min(next, answers.size() - 1));
            next++;
            return answer;
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Answers requests {@code matcher} takes with {@code answers}, in order. */
    ReplayingHttpClient on(Predicate<Request> matcher, Answer... answers) {
        rules.add(new Rule(matcher, List.of(answers)));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    long count(Predicate<Request> matcher) {
        return requests.stream().filter(matcher).count();
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> answer(request));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, com.azure.core.util.Context context) {
        return answer(request);
    }

    private HttpResponse answer(HttpRequest request) {
        BinaryData data = request.getBodyAsBinaryData();
        byte[] body = data == null ? new byte[0] : data.toBytes();
        Request seen = new Request(request.getHttpMethod().name(), URI.create(
                request.getUrl().toString()), headers(request.getHeaders()), body, json(body),
                System.nanoTime());
        requests.add(seen);

        Answer answer = rules.stream()
                .filter(rule -> rule.matcher.test(seen))
                .findFirst()
                .map(Rule::take)
                .orElseGet(() -> new Answer(404, Map.of("Content-Type", "application/json"),
                        ("{\"error\":{\"code\":\"NoRecordedAnswer\",\"message\":\""
                                + seen.method() + " " + seen.url().getPath() + "\"}}")
                                .getBytes(StandardCharsets.UTF_8)));
        return new Replayed(request, answer);
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        headers.forEach(header -> map.put(header.getName(), header.getValue()));
        return map;
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0 || body[0] != '{') {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = Fixtures.open(fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer as the SDK reads one. */
    private static final class Replayed extends HttpResponse {

        private final Answer answer;
        private final HttpHeaders headers = new HttpHeaders();

        Replayed(HttpRequest request, Answer answer) {
            super(request);
            this.answer = answer;
            answer.headers().forEach(headers::set);
            headers.set(HttpHeaderName.CONTENT_LENGTH, Integer.toString(answer.body().length));
        }

        @Override
        public int getStatusCode() {
            return answer.status();
        }

        @Override
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.defer(() -> Flux.just(ByteBuffer.wrap(answer.body())));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.fromSupplier(() -> answer.body().clone());
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.fromSupplier(() -> new String(answer.body(), charset));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(answer.body());
        }
    }

    /** Requests whose JSON body has {@code value} at {@code pointer}, such as carbonScopeList/0. */
    static Predicate<Request> bodyHas(String pointer, String value) {
        return request -> request.json() != null
                && value.equals(request.json().at("/" + pointer).asText(null));
    }

    static Predicate<Request> bodyLacks(String field) {
        return request -> request.json() != null && !request.json().has(field);
    }

    static Predicate<Request> path(String path) {
        return request -> request.url().getPath().equals(path);
    }
}
