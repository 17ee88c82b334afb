package id.loket.pickup.service;

import id.loket.receipt.service.Receipts;
import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Event;
import id.loket.casefile.service.CaseWork.Outcome;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.common.model.Nik;
import id.loket.common.model.UserFacingException;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.PassportNumber;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptNumber;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The pickup counter: a printed passport is marked ready, found by its receipt number when
 * the applicant (or a representative) comes, and handed over with its number recorded.
 */
public final class PickupService {

    /** A case at the pickup counter and its receipt. */
    public record PickupCase(CaseFile caseFile, Receipt receipt) {
    }

    private static final int NAME_MAX = 400;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseWork work;

    public PickupService(CaseWork work) {
        this.work = work;
    }

    /** The printed passport has arrived: RECEIPT_ISSUED → READY_FOR_PICKUP. */
    @Guarded(Permission.HAND_OVER)
    public PickupCase markReady(String receiptNumber, Session session) {
        Officer actor = work.require(session, Permission.HAND_OVER);
        Receipt found = receipt(receiptNumber);
        work.actWith(found.caseRef(), actor, CaseAction.MARK_READY, (tx, c, to, now) -> {
            Receipts receipts = new Receipts(tx);
            Receipt r = receipts.byCase(c.caseRef()).orElseThrow();
            receipts.update(r.ready(now));
            return new Outcome(c.toBuilder().status(to.orElseThrow()).build(), List.of(new Step(CaseAction.MARK_READY, c.status(), to.orElseThrow(),
                    r.receiptNumber(), List.of(new Event(EventType.READY_FOR_PICKUP, CaseWork.data().put("receiptNumber", r.receiptNumber()))))));
        });
        return load(receiptNumber);
    }

    /**
     * The case to hand over for this receipt number; refused when the number is unknown, the
     * passport is not ready yet, or it was already handed over (saying when and to whom).
     */
    @Guarded(Permission.HAND_OVER)
    public PickupCase findByReceipt(Session session, String receiptNumber) {
        work.require(session, Permission.HAND_OVER);
        PickupCase p = load(receiptNumber);
        Receipt r = p.receipt();
        if (p.caseFile().status() == CaseStatus.HANDED_OVER) {
            String to = r.collectedBy() == CollectedBy.REPRESENTATIVE ? r.representativeName() : p.caseFile().applicant().fullName();
            throw new UserFacingException("pickup.alreadyHandedOver", r.receiptNumber(),
                    r.handedOverAt().atZoneSameInstant(work.clock().getZone()).format(WHEN), to);
        }
        if (p.caseFile().status() != CaseStatus.READY_FOR_PICKUP) {
            throw new UserFacingException("pickup.notReady", r.receiptNumber(), r.pickupDate().toString());
        }
        return p;
    }

    /**
     * Hands the passport over: READY_FOR_PICKUP → HANDED_OVER, with the passport number and who
     * collected it. A representative's name and NIK are required (the NIK is logged masked only).
     */
    @Guarded(Permission.HAND_OVER)
    public PickupCase handOver(String receiptNumber, Session session, CollectedBy collectedBy, String representativeName,
            String representativeNik, String passportNumber) {
        Officer actor = work.require(session, Permission.HAND_OVER);
        if (collectedBy == null) {
            throw new UserFacingException("pickup.collectedByRequired");
        }
        String passport = PassportNumber.normalize(passportNumber).orElseThrow(() -> new UserFacingException("pickup.badPassportNumber"));
        String name = null;
        String nik = null;
        if (collectedBy == CollectedBy.REPRESENTATIVE) {
            name = representativeName == null ? "" : representativeName.strip();
            if (name.isEmpty()) {
                throw new UserFacingException("pickup.representativeNameRequired");
            }
            if (name.length() > NAME_MAX) {
                throw new UserFacingException("pickup.representativeNameTooLong", NAME_MAX);
            }
            nik = representativeNik == null ? "" : representativeNik.strip();
            if (nik.isEmpty()) {
                throw new UserFacingException("pickup.representativeNikRequired");
            }
            if (!Nik.isValid(nik)) {
                throw new UserFacingException("pickup.badRepresentativeNik", Nik.mask(nik));
            }
        }
        PickupCase ready = findByReceipt(session, receiptNumber);
        String repName = name;
        String repNik = nik;
        work.actWith(ready.caseFile().caseRef(), actor, CaseAction.HAND_OVER, (tx, c, to, now) -> {
            Receipts receipts = new Receipts(tx);
            Receipt r = receipts.byCase(c.caseRef()).orElseThrow();
            receipts.update(r.handedOver(passport, collectedBy, repName, repNik, now, actor.username(), actor.fullName()));
            String details = "passport " + passport + " to " + collectedBy
                    + (collectedBy == CollectedBy.REPRESENTATIVE ? " " + repName + " (NIK " + Nik.mask(repNik) + ")" : "");
            return new Outcome(c.toBuilder().status(to.orElseThrow()).build(), List.of(new Step(CaseAction.HAND_OVER, c.status(), to.orElseThrow(),
                    details, List.of(new Event(EventType.HANDED_OVER,
                            CaseWork.data().put("passportNumber", passport).put("collectedBy", collectedBy.name()))))));
        });
        return load(receiptNumber);
    }

    /** The office's receipts whose passports can be collected on {@code date} or earlier (handed over or not), by number. */
    @Guarded(Permission.HAND_OVER)
    public List<Receipt> dueBy(Session session, String office, java.time.LocalDate date) {
        work.require(session, Permission.HAND_OVER);
        return new Receipts(work.db().dsl()).pickupBy(date).stream()
                .filter(r -> ReceiptNumber.tryParse(r.receiptNumber()).filter(n -> n.office().equals(office)).isPresent()).toList();
    }

    /** The office's receipts whose passports have not arrived yet (case RECEIPT_ISSUED), oldest first. */
    @Guarded(Permission.HAND_OVER)
    public List<Receipt> waitingForPassport(Session session, String office) {
        work.require(session, Permission.HAND_OVER);
        return new Receipts(work.db().dsl()).byCaseStatus(office, CaseStatus.RECEIPT_ISSUED.name());
    }

    /** The receipt of that number; text that is no receipt number is refused as such, an unknown number as unknown. */
    private Receipt receipt(String receiptNumber) {
        String clean = ReceiptNumber.parse(receiptNumber).text();
        return new Receipts(work.db().dsl()).byNumber(clean)
                .orElseThrow(() -> new UserFacingException("pickup.unknownReceipt", clean));
    }

    private PickupCase load(String receiptNumber) {
        Receipt r = receipt(receiptNumber);
        return new PickupCase(work.load(r.caseRef()), r);
    }
}
