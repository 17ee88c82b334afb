package id.loket.central.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.loket.appointment.model.Appointment;
import id.loket.central.ContractJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for central that speaks the contract over real HTTP on loopback: health, paged
 * appointments with an opaque cursor, idempotent events. It can be taken down (the port stops
 * answering) and brought back, told to misbehave on the next requests with {@link Fault}s or on
 * a share of all requests with {@link FaultRates}, and told to change bookings now and then as
 * central does during a day.
 *
 * <p>On {@code POST /events} a 503, 429 or 500 applies nothing; a DROP, TRUNCATED or MALFORMED
 * answer comes after the events were applied, so the office loses the acknowledgement and must
 * send them again (and gets DUPLICATE).
 */
public final class CentralSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralSimulator.class);

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: about 40 ms per answer, which makes a thousand-request run take minutes.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final Pattern APPOINTMENTS = Pattern.compile("/api/v1/offices/([^/]+)/appointments");
    private static final Pattern EVENTS = Pattern.compile("/api/v1/offices/([^/]+)/events");
    private static final String CURSOR_PREFIX = "c1:";
    private static final int MAX_EVENTS = 100;

    private final CentralStore store;
    private final String token;
    private final Clock clock;
    private final ObjectMapper mapper = ContractJson.mapper();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "central-sim");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private FaultRates rates = FaultRates.NONE;
    private Random faultRandom = new Random(0);
    private ScheduledExecutorService changer;
    private int port;
    private HttpServer server;

    public CentralSimulator(CentralStore store, String token, Clock clock) {
        this.store = store;
        this.token = token;
        this.clock = clock;
    }

    /** Starts listening on 127.0.0.1 at {@code port} (0 = any free port). */
    public synchronized CentralSimulator start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/api/v1/", this::handle);
        server.setExecutor(workers);
        server.start();
        this.port = server.getAddress().getPort();
        LOG.info("Central simulator listening on {}", baseUrl());
        return this;
    }

    public synchronized String baseUrl() {
        return "http://127.0.0.1:" + port + "/api/v1";
    }

    public CentralStore store() {
        return store;
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    /** Central goes away: the port stops answering; connections are refused. */
    public synchronized void goDown() {
        if (server != null) {
            server.stop(0);
            server = null;
            LOG.info("Central simulator is down");
        }
    }

    /** Central is back on the same port. */
    public synchronized void comeBack() throws IOException {
        if (server == null) {
            start(port);
        }
    }

    /** The next requests (in order, one fault each; health checks included) misbehave so. */
    public synchronized void injectNext(Fault... next) {
        faults.addAll(List.of(next));
    }

    /** Requests received so far (health checks included), for tests that count retries. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * From now on a share of the requests (health checks included) misbehave, drawn with a
     * {@link Random} seeded with {@code seed}: the same seed and the same order of requests give
     * the same faults. Scripted faults of {@link #injectNext} go first; a request that takes a
     * scripted fault draws nothing. {@link FaultRates#NONE} stops it.
     */
    public synchronized void faultRates(FaultRates rates, long seed) {
        this.rates = rates;
        this.faultRandom = new Random(seed);
    }

    /** {@link #faultRates(FaultRates, long)} with seed 0. */
    public synchronized void faultRates(FaultRates rates) {
        faultRates(rates, 0);
    }

    public synchronized FaultRates faultRates() {
        return rates;
    }

    /** Requests that got a fault so far (scripted or drawn; a PASS is not one). */
    public int faultCount() {
        return faulted.get();
    }

    /**
     * Every {@code period}, central changes bookings of the office's {@code date} as it does during
     * a day: one cancellation, one reschedule and one late payment (as far as bookings allow; see
     * {@link CentralStore#changeDuringDay}). The n-th round uses seed {@code seed + n}. Replaces an
     * earlier schedule; {@link #stopChanges()} or {@link #close()} ends it.
     */
    public synchronized void changeEvery(Duration period, String office, LocalDate date, long seed) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        stopChanges();
        changer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "central-sim-changes");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger round = new AtomicInteger();
        changer.scheduleAtFixedRate(() -> {
            try {
                List<Appointment> changed = store.changeDuringDay(office, date, 1, 1, 1, seed + round.incrementAndGet());
                LOG.info("Central simulator changed {} bookings of {} {}", changed.size(), office, date);
            } catch (RuntimeException e) {
                LOG.error("Central simulator could not change bookings", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the changes of {@link #changeEvery}. */
    public synchronized void stopChanges() {
        if (changer != null) {
            changer.shutdownNow();
            changer = null;
        }
    }

    private synchronized Fault nextFault() {
        Fault scripted = faults.pollFirst();
        if (scripted != null) {
            return scripted;
        }
        return rates.total() > 0 ? rates.draw(faultRandom) : null;
    }

    @Override
    public synchronized void close() {
        stopChanges();
        goDown();
        workers.shutdownNow();
    }

    // ---- request handling ----

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            Fault fault = nextFault();
            if (fault != null && fault.kind() == Fault.Kind.PASS) {
                fault = null;
            }
            if (fault != null) {
                faulted.incrementAndGet();
            }
            if (fault != null && fault.kind() == Fault.Kind.SLOW) {
                sleep(fault);
                fault = null;
            }
            if (fault != null && refuseWith(ex, fault)) {
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/api/v1/health") && ex.getRequestMethod().equals("GET")) {
                ObjectNode body = mapper.createObjectNode().put("status", "UP")
                        .put("serverTime", OffsetDateTime.now(clock).toString());
                send(ex, 200, body, fault);
                return;
            }
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                problem(ex, 401, "UNAUTHORIZED", "missing or wrong office token");
                return;
            }
            Matcher m = APPOINTMENTS.matcher(path);
            if (m.matches() && ex.getRequestMethod().equals("GET")) {
                appointments(ex, m.group(1), fault);
                return;
            }
            m = EVENTS.matcher(path);
            if (m.matches() && ex.getRequestMethod().equals("POST")) {
                events(ex, m.group(1), fault);
                return;
            }
            problem(ex, 404, "NOT_FOUND", "no such resource");
        } catch (RuntimeException e) {
            LOG.error("Simulator failed on {}", ex.getRequestURI().getPath(), e);
        }
    }

    /** Answers with the fault if it replaces the answer; DROP, TRUNCATED and MALFORMED spoil the real one. */
    private boolean refuseWith(HttpExchange ex, Fault fault) throws IOException {
        switch (fault.kind()) {
            case UNAVAILABLE -> {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                problem(ex, 503, "UNAVAILABLE", "central is under maintenance");
                return true;
            }
            case THROTTLED -> {
                ex.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                problem(ex, 429, "TOO_MANY_REQUESTS", "slow down");
                return true;
            }
            case SERVER_ERROR -> {
                problem(ex, 500, "INTERNAL", "internal server error");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void appointments(HttpExchange ex, String office, Fault fault) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        if (!store.knowsOffice(office)) {
            problem(ex, 404, "UNKNOWN_OFFICE", "no such office: " + office);
            return;
        }
        LocalDate date;
        int limit;
        long after;
        try {
            date = LocalDate.parse(q.getOrDefault("date", ""));
            limit = Integer.parseInt(q.getOrDefault("limit", "200"));
            after = decodeCursor(q.get("after"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problem(ex, 400, "BAD_REQUEST", "date, limit or after is not valid");
            return;
        }
        if (limit < 1 || limit > 1000) {
            problem(ex, 400, "BAD_REQUEST", "limit must be 1..1000");
            return;
        }
        CentralStore.Page page = store.page(office, date, after, limit);
        ObjectNode body = mapper.createObjectNode();
        body.put("office", office);
        body.put("date", date.toString());
        ArrayNode items = body.putArray("items");
        for (Appointment a : page.items()) {
            items.add(ContractJson.write(a));
        }
        body.put("cursor", encodeCursor(page.cursor()));
        body.put("more", page.more());
        send(ex, 200, body, fault);
    }

    private void events(HttpExchange ex, String office, Fault fault) throws IOException {
        if (!store.knowsOffice(office)) {
            problem(ex, 404, "UNKNOWN_OFFICE", "no such office: " + office);
            return;
        }
        JsonNode request;
        try {
            request = mapper.readTree(ex.getRequestBody());
        } catch (IOException e) {
            problem(ex, 400, "BAD_REQUEST", "body is not JSON");
            return;
        }
        JsonNode events = request == null ? null : request.get("events");
        if (events == null || !events.isArray() || events.size() > MAX_EVENTS) {
            problem(ex, 400, "BAD_REQUEST", "events must be an array of at most " + MAX_EVENTS);
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        ArrayNode results = body.putArray("results");
        for (JsonNode e : events) {
            String eventId = e.path("eventId").asText("");
            CentralStore.EventOutcome outcome = validEvent(e)
                    ? store.applyEvent(eventId, e.get("type").asText(), e.get("caseRef").asText(),
                            e.get("officer").asText(), e.get("occurredAt").asText())
                    : new CentralStore.EventOutcome(eventId, "INVALID", "MISSING_FIELD", null);
            ObjectNode r = results.addObject();
            r.put("eventId", outcome.eventId());
            r.put("status", outcome.status());
            r.put("reason", outcome.reason());
            r.put("appointmentId", outcome.appointmentId());
        }
        send(ex, 200, body, fault);
    }

    private static final Set<String> EVENT_TYPES = Set.of("WALK_IN_REGISTERED", "CHECKED_IN", "DOCUMENTS_VERIFIED",
            "PUT_ON_HOLD", "INTERVIEWED", "APPROVAL_REQUESTED", "APPROVED", "REJECTED", "PAYMENT_RECORDED",
            "RECEIPT_ISSUED", "READY_FOR_PICKUP", "HANDED_OVER", "NO_SHOW");

    private static boolean validEvent(JsonNode e) {
        for (String field : new String[] {"eventId", "type", "caseRef", "occurredAt", "officer"}) {
            if (!e.path(field).isTextual() || e.path(field).asText().isEmpty()) {
                return false;
            }
        }
        try {
            UUID.fromString(e.get("eventId").asText());
            OffsetDateTime.parse(e.get("occurredAt").asText());
        } catch (IllegalArgumentException | DateTimeParseException x) {
            return false;
        }
        return EVENT_TYPES.contains(e.get("type").asText());
    }

    private void problem(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, mapper.createObjectNode().put("code", code).put("message", message), null);
    }

    private void send(HttpExchange ex, int status, JsonNode body, Fault fault) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (fault != null && fault.kind() == Fault.Kind.MALFORMED) {
            bytes = "<html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        } else if (fault != null && fault.kind() == Fault.Kind.TRUNCATED) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP) {
            ex.sendResponseHeaders(status, bytes.length);
            OutputStream out = ex.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            // Closing the exchange with bytes missing makes the server drop the connection.
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static long decodeCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (!plain.startsWith(CURSOR_PREFIX)) {
            throw new IllegalArgumentException("not a cursor");
        }
        return Long.parseLong(plain.substring(CURSOR_PREFIX.length()));
    }
}
