package id.loket.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A server on loopback that writes down every request it gets (method, path, Authorization
 * header) and either answers 503 or passes the request on to another server, as an office's
 * inspecting proxy passes requests on to central. Over http, or https with a given certificate.
 */
public final class RecordingServer implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final String scheme;
    private final String forwardTo;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RecordingServer(HttpServer server, String scheme, String forwardTo) {
        this.server = server;
        this.scheme = scheme;
        this.forwardTo = forwardTo;
        server.createContext("/", this::handle);
        server.start();
    }

    /** Plain http on 127.0.0.1; answers every request 503. */
    public static RecordingServer http() {
        try {
            return new RecordingServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10), "http", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** https on 127.0.0.1 with {@code tls}'s certificate, passing each request on to {@code origin} (e.g. http://127.0.0.1:8731). */
    public static RecordingServer httpsProxy(SSLContext tls, String origin) {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new RecordingServer(s, "https", origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same path as {@code url} (e.g. a simulator's base URL), on this server. */
    public String url(String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body;
            int status;
            if (forwardTo == null) {
                status = 503;
                body = "{\"error\":\"recording only\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(forwardTo + exchange.getRequestURI()));
                for (String h : List.of("Authorization", "Content-Type", "Accept")) {
                    String v = exchange.getRequestHeaders().getFirst(h);
                    if (v != null) {
                        request.header(h, v);
                    }
                }
                try (InputStream in = exchange.getRequestBody()) {
                    request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()));
                }
                try {
                    HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = answer.statusCode();
                    body = answer.body();
                    answer.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
