package id.loket.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The desk's side of the contract over HTTP. One call is one request: retrying is the
 * caller's policy. Every failure comes out as a {@link CentralException} saying what
 * happened, never as a raw I/O exception; the token never appears in a message.
 */
public final class CentralClient {

    /**
     * Where central is, how long to wait for it and whom to trust on its https connection
     * ({@code trust} null = the Java runtime's CAs). The URL is checked by {@link CentralUrl}: a
     * Config for {@code http://} to another computer cannot exist, so the token never leaves this
     * computer unencrypted.
     */
    public record Config(URI baseUrl, String token, Duration connectTimeout, Duration requestTimeout, SSLContext trust) {
        public Config {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(token, "token");
            baseUrl = CentralUrl.check(baseUrl);
        }

        /** Central at {@code baseUrl} (refused in words if malformed or plain http to another computer). */
        public static Config of(String baseUrl, String token) {
            return new Config(CentralUrl.parse(baseUrl), token, Duration.ofSeconds(5), Duration.ofSeconds(20), null);
        }

        public Config withRequestTimeout(Duration timeout) {
            return new Config(baseUrl, token, connectTimeout, timeout, trust);
        }

        /** The same, trusting what {@code context} trusts (see {@link CentralTrust}). */
        public Config withTrust(SSLContext context) {
            return new Config(baseUrl, token, connectTimeout, requestTimeout, context);
        }

        @Override
        public String toString() {
            return "Config[baseUrl=" + baseUrl + ", token=***]";
        }
    }

    private final Config config;
    private final HttpClient http;
    private final ObjectMapper mapper = ContractJson.mapper();

    public CentralClient(Config config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1);
        if (config.trust() != null) {
            builder.sslContext(config.trust());
        }
        this.http = builder.build();
    }

    public Config config() {
        return config;
    }

    /** Returns when central answers its health check with status UP; throws what went wrong otherwise. */
    public void health() {
        HttpRequest request = HttpRequest.newBuilder(uri("/health"))
                .timeout(config.requestTimeout())
                .GET().build();
        JsonNode body = send(request, "/health");
        if (!"UP".equals(body.path("status").asText())) {
            throw new CentralException(CentralException.Kind.MALFORMED, "/health");
        }
    }

    /** One page of the office's appointments of {@code date}, after the given cursor (null = from the start). */
    public AppointmentPage appointments(String office, LocalDate date, String after, int limit) {
        StringBuilder path = new StringBuilder("/offices/").append(encode(office))
                .append("/appointments?date=").append(date)
                .append("&limit=").append(limit);
        if (after != null) {
            path.append("&after=").append(encode(after));
        }
        String where = "/offices/" + office + "/appointments";
        HttpRequest request = authorized(path.toString()).GET().build();
        JsonNode body = send(request, where);
        return readPage(body, where);
    }

    /** Posts a batch of events; answers the raw results, one per event, in order. */
    public JsonNode postEvents(String office, JsonNode batch) {
        String where = "/offices/" + office + "/events";
        HttpRequest request = authorized("/offices/" + encode(office) + "/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(toBytes(batch)))
                .build();
        JsonNode body = send(request, where);
        if (!body.path("results").isArray()) {
            throw new CentralException(CentralException.Kind.MALFORMED, where);
        }
        return body;
    }

    private byte[] toBytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AppointmentPage readPage(JsonNode body, String where) {
        JsonNode items = body.get("items");
        JsonNode cursor = body.get("cursor");
        JsonNode more = body.get("more");
        if (items == null || !items.isArray() || cursor == null || !cursor.isTextual() || more == null || !more.isBoolean()) {
            throw new CentralException(CentralException.Kind.MALFORMED, where);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(body.path("date").asText());
        } catch (RuntimeException e) {
            throw new CentralException(CentralException.Kind.MALFORMED, where);
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return new AppointmentPage(body.path("office").asText(), date, list, cursor.textValue(), more.booleanValue());
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + config.token());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(config.baseUrl() + pathAndQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode send(HttpRequest request, String where) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new CentralException(CentralException.Kind.TIMEOUT, null, e, where, config.requestTimeout().toSeconds());
        } catch (ConnectException e) {
            throw new CentralException(CentralException.Kind.CONNECTION, null, e, config.baseUrl().getAuthority());
        } catch (SSLHandshakeException e) {
            throw new CentralException(CentralException.Kind.UNTRUSTED, null, e, config.baseUrl().getAuthority());
        } catch (IOException e) {
            throw new CentralException(CentralException.Kind.CONNECTION, null, e, config.baseUrl().getAuthority());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CentralException(CentralException.Kind.CONNECTION, null, e, config.baseUrl().getAuthority());
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                JsonNode body = mapper.readTree(response.body());
                if (body == null || !body.isObject()) {
                    throw new CentralException(CentralException.Kind.MALFORMED, where);
                }
                return body;
            } catch (IOException e) {
                throw new CentralException(CentralException.Kind.MALFORMED, null, e, where);
            }
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(CentralClient::seconds).orElse(null);
        CentralException.Kind kind = switch (status) {
            case 400 -> CentralException.Kind.BAD_REQUEST;
            case 401, 403 -> CentralException.Kind.UNAUTHORIZED;
            case 404 -> CentralException.Kind.NOT_FOUND;
            case 429 -> CentralException.Kind.THROTTLED;
            case 503 -> CentralException.Kind.UNAVAILABLE;
            default -> status >= 500 ? CentralException.Kind.SERVER_ERROR : CentralException.Kind.BAD_REQUEST;
        };
        throw new CentralException(kind, retryAfter, null, where, status, retryAfter == null ? 0 : retryAfter.toSeconds());
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            long s = Long.parseLong(header.trim());
            return s < 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
