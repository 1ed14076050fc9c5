package dev.veil.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy on a free loopback port in front of the local DynamoDB that records every request
 * as it goes over the wire, whichever SDK sent it: the access key id of its signature (tests give
 * each requester's session its own), the operation ({@code X-Amz-Target}) and the JSON body.
 */
final class RecordingProxy implements AutoCloseable {

    /** One recorded request. */
    record Call(String accessKeyId, String operation, JsonNode body) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String targetHeader = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (targetHeader != null) {
                Matcher m = CREDENTIAL.matcher(auth == null ? "" : auth);
                calls.add(new Call(m.find() ? m.group(1) : "", targetHeader.substring(targetHeader.indexOf('.') + 1),
                        JSON.readTree(body)));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
