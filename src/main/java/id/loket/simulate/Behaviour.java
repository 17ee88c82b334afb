package id.loket.simulate;

import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.Requirement;
import id.loket.casefile.model.RejectionReason;
import id.loket.appointment.model.ServiceType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How applicants, officers and the supervisor behave: every choice is drawn from a random
 * generator seeded by the run's seed and what the choice is about (the case, the step just
 * taken), never from the order things happen in. So a day is the same for the same seed,
 * and a run resumed from the database makes the choices the interrupted run would have made.
 *
 * <p>The notes are what officers type (in Indonesian, as they do), i.e. data, not messages of
 * the application: they stay the same whatever language the simulation prints in.
 */
public final class Behaviour {

    static final double NO_SHOW = 0.08;
    static final double MISSING_DOCUMENT = 0.08;
    static final double MISMATCH = 0.03;
    static final double RETURNS_SAME_DAY = 0.40;
    static final double FLAGGED_AT_INTERVIEW = 0.04;
    static final double PREVENTION_LIST = 0.01;
    static final double SUPERVISOR_REJECTS_FLAGGED = 0.30;
    static final double SUPERVISOR_REJECTS_REPLACEMENT = 0.08;
    static final int EARLIEST_ARRIVAL_MINUTES = -30;
    static final int LATEST_ARRIVAL_MINUTES = 40;

    private static final List<String> MISMATCH_NOTES = List.of(
            "Tanggal lahir pada dokumen berbeda dengan data permohonan",
            "Nama pada dokumen berbeda dengan nama pada permohonan",
            "Nama orang tua pada dokumen tidak sesuai dengan KK");
    private static final List<String> FLAG_NOTES = List.of(
            "Keterangan tujuan perjalanan tidak konsisten",
            "Pemohon tidak dapat menjelaskan sponsor di luar negeri",
            "Riwayat paspor sebelumnya perlu dicek");
    private static final String PREVENTION_NOTE = "Nama tercantum dalam daftar pencegahan";
    private static final String SUPERVISOR_FLAG_NOTE = "Keterangan pemohon tetap tidak sesuai pada pemeriksaan lanjutan";
    private static final String SUPERVISOR_REPLACEMENT_NOTE = "Kronologi pada BAP tidak meyakinkan";
    private static final String DOCUMENTS_NOTE = "Dokumen yang dibawa tidak sesuai dengan data permohonan: ";

    /** The documents whose absence sends a minor's case on hold most often: the parents'. */
    private static final List<DocumentType> MINOR_OFTEN_MISSING = List.of(DocumentType.PARENTS_STATEMENT,
            DocumentType.MOTHER_E_KTP, DocumentType.FATHER_E_KTP, DocumentType.PARENTS_MARRIAGE_CERT, DocumentType.KK);
    private static final Set<DocumentType> ADULT_IDENTITY = EnumSet.of(DocumentType.BIRTH_CERT, DocumentType.MARRIAGE_CERT,
            DocumentType.DIPLOMA, DocumentType.BAPTISM_CERT);

    private final long seed;

    public Behaviour(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The applicant's fate in this day, from the seed and the case reference (the appointment id). */
    public Fate fate(String caseRef) {
        SplittableRandom r = random(caseRef, "fate", 0);
        boolean noShow = r.nextDouble() < NO_SHOW;
        int span = (LATEST_ARRIVAL_MINUTES - EARLIEST_ARRIVAL_MINUTES) * 60;
        // the mean of two draws: most come around the start of their slot, few at the very ends of the range
        int offset = EARLIEST_ARRIVAL_MINUTES * 60 + (r.nextInt(span + 1) + r.nextInt(span + 1)) / 2;
        double d = r.nextDouble();
        Fate.DocumentOutcome documents = d < MISMATCH ? Fate.DocumentOutcome.MISMATCH
                : d < MISMATCH + MISSING_DOCUMENT ? Fate.DocumentOutcome.MISSING : Fate.DocumentOutcome.COMPLETE;
        double documentPick = r.nextDouble();
        double identityPick = r.nextDouble();
        boolean nameChanged = r.nextDouble() < 0.03;
        boolean parentsHavePassports = r.nextDouble() < 0.35;
        boolean parentsDivorced = r.nextDouble() < 0.08;
        boolean returns = r.nextDouble() < RETURNS_SAME_DAY;
        int returnAfter = 45 * 60 + r.nextInt(105 * 60);
        boolean flagged = r.nextDouble() < FLAGGED_AT_INTERVIEW;
        boolean prevention = !flagged && r.nextDouble() < PREVENTION_LIST;
        double supervisor = r.nextDouble();
        int note = r.nextInt(Integer.MAX_VALUE);
        return new Fate(noShow, offset, documents, documentPick, identityPick, nameChanged, parentsHavePassports,
                parentsDivorced, returns, returnAfter, flagged, prevention, supervisor, note);
    }

    /** One document as the officer records it: the result and, where one is needed, the note. */
    public record Target(DocumentType type, DocumentResult result, String note) {
    }

    /**
     * What the officer records on the case's checklist, in order. On the first visit: the
     * required documents, one identity document for an adult, the ones that apply; one of them
     * missing or not matching if that is the applicant's fate (a mismatch ends the list: the
     * officer rejects at once). Once back from a hold, what was missing is there.
     */
    public List<Target> documents(CaseFile c, Fate fate) {
        List<DocumentCheck> checklist = c.documents();
        boolean minor = checklist.stream().anyMatch(d -> d.type() == DocumentType.FATHER_E_KTP);
        DocumentType identity = identityDocument(checklist, c, fate);
        List<DocumentType> shown = new ArrayList<>();
        for (DocumentCheck d : checklist) {
            boolean show = switch (d.requirement()) {
                case REQUIRED -> true;
                case ONE_OF -> d.type() == identity;
                case IF_APPLICABLE -> switch (d.type()) {
                    case NAME_CHANGE_DECREE -> fate.nameChanged();
                    case PARENTS_PASSPORTS -> fate.parentsHavePassports();
                    case DIVORCE_DEED, CUSTODY_DECREE -> fate.parentsDivorced();
                    default -> false;
                };
            };
            if (show) {
                shown.add(d.type());
            }
        }
        DocumentType odd = switch (fate.documents()) {
            case COMPLETE -> null;
            case MISSING -> pick(missable(checklist, minor), fate.documentPick());
            case MISMATCH -> pick(mismatchable(shown, minor), fate.documentPick());
        };
        boolean secondVisit = c.holdReturnBy() != null;
        List<Target> targets = new ArrayList<>();
        for (DocumentType t : shown) {
            if (t == odd && fate.documents() == Fate.DocumentOutcome.MISMATCH) {
                targets.add(new Target(t, DocumentResult.MISMATCH, MISMATCH_NOTES.get(fate.notePick() % MISMATCH_NOTES.size())));
                break;
            }
            boolean missing = t == odd && !secondVisit;
            targets.add(new Target(t, missing ? DocumentResult.MISSING : DocumentResult.VERIFIED, null));
        }
        return targets;
    }

    private static DocumentType identityDocument(List<DocumentCheck> checklist, CaseFile c, Fate fate) {
        List<DocumentType> offered = checklist.stream().filter(d -> d.requirement() == Requirement.ONE_OF).map(DocumentCheck::type).toList();
        if (offered.isEmpty()) {
            return null;
        }
        double p = fate.identityPick();
        DocumentType wanted = c.applicant().married() && p < 0.30 ? DocumentType.MARRIAGE_CERT
                : p < 0.80 ? DocumentType.BIRTH_CERT : p < 0.95 ? DocumentType.DIPLOMA : DocumentType.BAPTISM_CERT;
        return offered.contains(wanted) ? wanted : offered.get(0);
    }

    private static List<DocumentType> missable(List<DocumentCheck> checklist, boolean minor) {
        List<DocumentType> required = checklist.stream().filter(d -> d.requirement() == Requirement.REQUIRED).map(DocumentCheck::type).toList();
        if (minor) {
            List<DocumentType> parents = MINOR_OFTEN_MISSING.stream().filter(required::contains).toList();
            if (!parents.isEmpty()) {
                return parents;
            }
        }
        return required;
    }

    private static List<DocumentType> mismatchable(List<DocumentType> shown, boolean minor) {
        List<DocumentType> list = shown.stream().filter(t -> t == DocumentType.E_KTP || t == DocumentType.KK
                || (minor ? t == DocumentType.BIRTH_CERT : ADULT_IDENTITY.contains(t))).toList();
        return list.isEmpty() ? shown : list;
    }

    private static DocumentType pick(List<DocumentType> from, double p) {
        return from.isEmpty() ? null : from.get(Math.min(from.size() - 1, (int) (p * from.size())));
    }

    /** The note of a case the officer rejects for a document that does not match. */
    public String mismatchRejectionNote(CaseFile c) {
        List<String> odd = c.documents().stream().filter(d -> d.result() == DocumentResult.MISMATCH)
                .map(d -> d.type().name() + (d.note() == null ? "" : " (" + d.note() + ")")).toList();
        return DOCUMENTS_NOTE + String.join(", ", odd);
    }

    public String flagNote(Fate fate) {
        return FLAG_NOTES.get(fate.notePick() % FLAG_NOTES.size());
    }

    public String preventionNote() {
        return PREVENTION_NOTE;
    }

    /** Whether the supervisor rejects a case waiting for approval, and why. Empty set: approves. */
    public Set<RejectionReason> supervisorRejects(CaseFile c, Fate fate) {
        boolean replacement = c.service() == ServiceType.REPLACEMENT_LOST || c.service() == ServiceType.REPLACEMENT_DAMAGED;
        double threshold = c.flagged() ? SUPERVISOR_REJECTS_FLAGGED : replacement ? SUPERVISOR_REJECTS_REPLACEMENT : 0;
        return fate.supervisorDraw() < threshold ? EnumSet.of(RejectionReason.FALSE_STATEMENT) : EnumSet.noneOf(RejectionReason.class);
    }

    public String supervisorRejectionNote(CaseFile c) {
        return c.flagged() ? SUPERVISOR_FLAG_NOTE : SUPERVISOR_REPLACEMENT_NOTE;
    }

    /**
     * How long whoever took the step {@code done} takes before their next one: the applicant
     * walking up after a call, checking the next document, photo, fingerprints and interview
     * after the documents, explaining a hold or a rejection, the supervisor reading a file.
     * Drawn from the step itself, so a resumed run continues an officer's rhythm exactly.
     */
    public Duration pauseAfter(AuditEntry done, boolean bySupervisor) {
        SplittableRandom r = random(done.caseRef(), done.action().name(), done.at().toInstant().toEpochMilli());
        int[] range = bySupervisor ? supervisorRange(done.action()) : officerRange(done.action());
        return Duration.ofSeconds(range[0] + r.nextInt(range[1] - range[0] + 1));
    }

    private static int[] officerRange(CaseAction action) {
        return switch (action) {
            case CALL -> new int[] {25, 70};
            case RESUME -> new int[] {20, 50};
            case RECORD_DOCUMENT -> new int[] {10, 30};
            case VERIFY -> new int[] {110, 200};
            case PUT_ON_HOLD -> new int[] {40, 90};
            case INTERVIEW -> new int[] {10, 30};
            case REQUEST_APPROVAL -> new int[] {20, 45};
            case APPROVE -> new int[] {15, 45};
            case REJECT -> new int[] {60, 120};
            default -> new int[] {20, 40};
        };
    }

    private static int[] supervisorRange(CaseAction action) {
        return action == CaseAction.REJECT ? new int[] {120, 240} : new int[] {45, 150};
    }

    static final double COMES_FOR_PASSPORT = 0.75;
    static final double BY_REPRESENTATIVE = 0.25;
    private static final List<String> REPRESENTATIVES = List.of("Ni Made Sari", "I Wayan Putra", "Ketut Ardana",
            "Komang Dewi", "Gede Suryawan", "Ni Luh Ayu");
    private static final String NTPN_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** How long after the approval the officer issues the receipt (with the payment recorded first if needed). */
    public Duration receiptAfter(String caseRef) {
        return Duration.ofSeconds(30 + random(caseRef, "receipt", 0).nextInt(61));
    }

    /** The NTPN on the applicant's proof of payment, when central does not say the booking is paid. */
    public String ntpn(String caseRef) {
        SplittableRandom r = random(caseRef, "ntpn", 0);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(NTPN_CHARS.charAt(r.nextInt(NTPN_CHARS.length())));
        }
        return b.toString();
    }

    /**
     * Whether the applicant comes for the passport on {@code date} (a day it can be collected; drawn anew each day, so
     * one who did not come may come on a later day), when (a fraction of that day's pickup hours), whether a
     * representative comes instead (name and NIK); and the number of the printed passport (the same whatever the day).
     */
    public record Pickup(boolean comes, double when, boolean representative, String representativeName,
            String representativeNik, String passportNumber) {
    }

    public Pickup pickup(String caseRef, java.time.LocalDate date) {
        SplittableRandom r = random(caseRef, "pickup", date.toEpochDay());
        boolean comes = r.nextDouble() < COMES_FOR_PASSPORT;
        double when = r.nextDouble();
        boolean representative = r.nextDouble() < BY_REPRESENTATIVE;
        String name = REPRESENTATIVES.get(r.nextInt(REPRESENTATIVES.size()));
        String nik = String.format(java.util.Locale.ROOT, "517101%02d%02d%02d%04d", 1 + r.nextInt(28), 1 + r.nextInt(12),
                60 + r.nextInt(40), 1 + r.nextInt(9999));
        SplittableRandom printed = random(caseRef, "passport", 0);
        String passport = "" + "XABCE".charAt(printed.nextInt(5)) + String.format(java.util.Locale.ROOT, "%07d", printed.nextInt(10_000_000));
        return new Pickup(comes, when, representative, name, nik, passport);
    }

    private SplittableRandom random(String about, String what, long salt) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (about + '\u0000' + what).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(mix(mix(seed) ^ h) ^ mix(salt));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
