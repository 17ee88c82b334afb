package id.loket.staff.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.AppContext;
import id.loket.central.CentralClient;
import id.loket.common.i18n.Messages;
import id.loket.common.model.AccessRefused;
import id.loket.db.Database;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.repo.StaffRepository;
import id.loket.sync.service.PullService;
import id.loket.sync.service.PushService;
import id.loket.sync.service.PushSettings;
import id.loket.sync.service.RetrySettings;
import id.loket.testing.TestSessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public method of every service (found by reflection, so a new one cannot slip by) is
 * called with each role, a deactivated account, a forged session, a session that has ended and the
 * system principal: exactly the callers its {@link Permission} names get past the check; every
 * other call is refused at the service, in words.
 */
class ServiceAuthorizationIT {

    private static final Messages EN = Messages.forLanguage("en");

    @TempDir
    Path dir;

    private AppContext app;
    private Database db;
    private Clock clock;
    private final Map<String, Session> subjects = new LinkedHashMap<>();

    @BeforeEach
    void open() {
        clock = Clock.system(ZoneId.of("Asia/Makassar"));
        app = AppContext.open(dir, clock, EN);
        db = app.caseWork(clock).db();
        Session counter = TestSessions.staff("petugas1", Role.COUNTER, "1");
        Session supervisor = TestSessions.staff("supervisor", Role.SUPERVISOR, "S");
        Session admin = TestSessions.staff("admin", Role.ADMIN, null);
        Session gone = TestSessions.staff("mantan", Role.SUPERVISOR, "2");
        Session ended = TestSessions.staff("pulang", Role.ADMIN, "3");
        TestSessions.register(db, counter, supervisor, admin, gone, ended);
        new StaffRepository(db.dsl()).setActive("mantan", false);
        app.auth().logout(ended);
        subjects.put("COUNTER", counter);
        subjects.put("SUPERVISOR", supervisor);
        subjects.put("ADMIN", admin);
        subjects.put("deactivated", gone);
        subjects.put("ended", ended);
        subjects.put("forged", new Session("f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0", Session.Kind.STAFF, "admin", "Siti",
                Role.ADMIN, admin.loginAt(), null));
        subjects.put("forged-role", new Session(counter.id(), Session.Kind.STAFF, "petugas1", "Ni Luh", Role.ADMIN, counter.loginAt(), "1"));
        subjects.put("system", app.auth().systemSession());
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** How to get each service, given the session it is to act for (only pull and push hold theirs). */
    private Map<Class<?>, Function<Session, Object>> factories() {
        CentralClient client = new CentralClient(CentralClient.Config.of("http://127.0.0.1:9/api/v1", "t"));
        Map<Class<?>, Function<Session, Object>> f = new LinkedHashMap<>();
        f.put(AuthService.class, s -> app.auth());
        f.put(id.loket.checkin.service.CheckInService.class, s -> app.checkIn(clock));
        f.put(id.loket.verification.service.VerificationService.class, s -> app.verification(clock));
        f.put(id.loket.receipt.service.ReceiptService.class, s -> app.receipts(clock));
        f.put(id.loket.pickup.service.PickupService.class, s -> app.pickup(clock));
        f.put(id.loket.document.service.DocumentService.class, s -> app.documents(clock));
        f.put(id.loket.receipt.service.HolidayService.class, s -> app.holidays());
        f.put(id.loket.queue.service.QueueService.class, s -> app.queue());
        f.put(id.loket.casefile.service.CaseQueries.class, s -> app.cases());
        f.put(id.loket.casefile.service.CaseExport.class, s -> app.caseExport());
        f.put(id.loket.casefile.service.AppointmentExport.class, s -> app.appointmentExport());
        f.put(id.loket.supervisor.service.CloseDayService.class, s -> app.closeDay(clock));
        f.put(id.loket.supervisor.service.DashboardService.class, s -> app.dashboard(clock));
        f.put(id.loket.supervisor.service.ReleaseService.class, s -> app.release(clock));
        f.put(id.loket.report.service.ReportService.class, s -> app.reports(clock));
        f.put(id.loket.sync.service.ConflictService.class, s -> app.conflicts());
        f.put(id.loket.backup.service.AuditVerifier.class, s -> app.auditVerifier());
        f.put(id.loket.backup.service.BackupService.class, s -> app.backups());
        f.put(id.loket.display.service.DisplayService.class, s -> app.display(clock));
        f.put(id.loket.staff.service.LookPreferences.class, s -> app.lookPreferences());
        f.put(PullService.class, s -> new PullService(db, client, RetrySettings.none(), clock, EN, 200, s));
        f.put(PushService.class, s -> new PushService(db, client, RetrySettings.none(), clock, "DPS", EN, PushSettings.defaults(), s));
        return f;
    }

    @Test
    void everyPublicServiceMethodNamesItsPermissionOrSaysWhyItNeedsNone() throws Exception {
        List<String> unmarked = new ArrayList<>();
        for (Method m : serviceMethods()) {
            if (!m.isAnnotationPresent(Guarded.class) && !m.isAnnotationPresent(Unguarded.class)) {
                unmarked.add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
            }
            if (m.isAnnotationPresent(Unguarded.class)) {
                assertThat(m.getAnnotation(Unguarded.class).value()).as(m.toString()).isNotBlank();
            }
        }
        assertThat(unmarked).as("public service methods without @Guarded or @Unguarded").isEmpty();
    }

    @Test
    void everyGuardedMethodAdmitsExactlyTheCallersOfItsPermissionAndRefusesTheRestInWords() throws Exception {
        Map<Class<?>, Function<Session, Object>> factories = factories();
        List<String> wrong = new ArrayList<>();
        int refusedCalls = 0;
        int guarded = 0;
        for (Method m : serviceMethods()) {
            Guarded g = m.getAnnotation(Guarded.class);
            if (g == null) {
                continue;
            }
            guarded++;
            Function<Session, Object> factory = factories.get(m.getDeclaringClass());
            assertThat(factory).as("a factory for " + m.getDeclaringClass().getSimpleName()).isNotNull();
            boolean takesSession = Stream.of(m.getParameterTypes()).anyMatch(Session.class::equals);
            boolean holdsSession = m.getDeclaringClass() == PullService.class || m.getDeclaringClass() == PushService.class;
            assertThat(takesSession || holdsSession).as(m + " checks a session it is given").isTrue();
            for (Map.Entry<String, Session> subject : subjects.entrySet()) {
                boolean allowed = allowed(g.value(), subject.getKey());
                Throwable outcome = call(m, factory.apply(subject.getValue()), subject.getValue());
                String where = m.getDeclaringClass().getSimpleName() + "." + m.getName() + " as " + subject.getKey();
                if (allowed && outcome instanceof AccessRefused) {
                    wrong.add(where + ": refused but allowed (" + outcome.getMessage() + ")");
                } else if (!allowed) {
                    if (!(outcome instanceof AccessRefused refused)) {
                        wrong.add(where + ": not refused (" + outcome + ")");
                    } else {
                        refusedCalls++;
                        String words = EN.of(refused);
                        if (words.startsWith("!") || words.contains("{")) {
                            wrong.add(where + ": refusal without words: " + words);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(guarded).as("guarded service methods found").isGreaterThan(50);
        assertThat(refusedCalls).isGreaterThan(guarded * 4);
    }

    /** COUNTER, SUPERVISOR and ADMIN by the permission's roles; the system principal for pull and push; nobody else. */
    private static boolean allowed(Permission p, String subject) {
        return switch (subject) {
            case "COUNTER", "SUPERVISOR", "ADMIN" -> p.roles().contains(Role.valueOf(subject));
            case "system" -> p.system();
            // a real session whose holder claims ADMIN: the database says COUNTER, and COUNTER it is
            case "forged-role" -> p.roles().contains(Role.COUNTER);
            default -> false;
        };
    }

    /** Calls {@code m} with {@code session} and harmless values elsewhere; answers what it threw (or null). */
    private static Throwable call(Method m, Object target, Session session) {
        Object[] args = new Object[m.getParameterCount()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = dummy(types[i], session);
        }
        try {
            m.invoke(target, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object dummy(Class<?> type, Session session) {
        if (type == Session.class) {
            return session;
        }
        if (type == String.class) {
            return "X-TIDAK-ADA";
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, 1);
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 1 : (Object) 1L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char[].class) {
            return "Salah-salah-2026".toCharArray();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == List.class || type == Collection.class) {
            return List.of();
        }
        if (type == OutputStream.class) {
            return new ByteArrayOutputStream();
        }
        return null;
    }

    /** The public instance methods declared by the classes of every {@code *.service} package. */
    static List<Method> serviceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AuthService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Method> methods = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.matches("id\\.loket\\.[a-z.]*\\.service\\.[A-Z][A-Za-z0-9]*")) {
                    continue; // top-level classes of service packages only
                }
                Class<?> c = Class.forName(name);
                if (c.isInterface() || c.isEnum() || c.isRecord() || c.isAnnotation() || !Modifier.isPublic(c.getModifiers())) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    boolean objectMethod = m.getName().equals("toString") && m.getParameterCount() == 0;
                    if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !objectMethod) {
                        methods.add(m);
                    }
                }
            }
        }
        assertThat(methods).isNotEmpty();
        return methods;
    }
}
