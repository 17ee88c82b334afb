package id.loket.receipt.service;

import id.loket.appointment.service.Appointments;
import id.loket.casefile.service.Cases;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.EventType;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Event;
import id.loket.casefile.service.CaseWork.Outcome;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.common.model.UserFacingException;
import id.loket.receipt.model.PickupRules;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.receipt.repo.ReceiptRepository;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The receipt (tanda terima) for an approved, paid case: its number, the pickup date N
 * working days on, the RECEIPT_ISSUED event; and reprints, counted and audited.
 */
public final class ReceiptService {

    /** The day-sequence series receipt numbers are counted in. */
    public static final String SERIES = "RECEIPT";

    private final CaseWork work;
    private final PickupRules rules;

    public ReceiptService(CaseWork work, PickupRules rules) {
        this.work = work;
        this.rules = rules;
    }

    /** When passports issued here can be collected. */
    @Unguarded("the office pickup rules, no personal data")
    public PickupRules rules() {
        return rules;
    }

    /** Issues the receipt: APPROVED → RECEIPT_ISSUED, only once the fee is paid. */
    @Guarded(Permission.ISSUE_RECEIPT)
    public ReceiptSlip issue(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.ISSUE_RECEIPT);
        work.actWith(caseRef, actor, CaseAction.ISSUE_RECEIPT, (tx, c, to, now) -> {
            requirePaid(tx, c);
            LocalDate today = now.toLocalDate();
            int n = new Cases(tx).nextInSeries(c.office(), today, SERIES);
            String number = "TT-" + c.office() + "-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format(java.util.Locale.ROOT, "%04d", n);
            LocalDate pickup = HolidayService.calendarFrom(tx, today).after(today, rules.workingDays());
            new ReceiptRepository(tx).insert(new Receipt(c.caseRef(), number, today, pickup, now, actor.username(), 0,
                    null, null, null, null, null, null, null));
            return new Outcome(c.toBuilder().status(to.orElseThrow()).build(), List.of(
                    new Step(CaseAction.ISSUE_RECEIPT, c.status(), to.orElseThrow(), number + ", pickup " + pickup,
                            List.of(new Event(EventType.RECEIPT_ISSUED,
                                    CaseWork.data().put("receiptNumber", number).put("pickupDate", pickup.toString()))))));
        });
        return slip(session, caseRef);
    }

    /** Prints the receipt again: counted and audited, nothing sent to central. */
    @Guarded(Permission.ISSUE_RECEIPT)
    public ReceiptSlip reprint(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.ISSUE_RECEIPT);
        work.actWith(caseRef, actor, CaseAction.REPRINT_RECEIPT, (tx, c, to, now) -> {
            ReceiptRepository receipts = new ReceiptRepository(tx);
            Receipt r = receipts.byCase(c.caseRef()).orElseThrow(() -> new UserFacingException("receipt.none", c.caseRef()));
            int count = r.reprintCount() + 1;
            receipts.update(new Receipt(r.caseRef(), r.receiptNumber(), r.receiptDate(), r.pickupDate(), r.issuedAt(), r.issuedBy(), count,
                    r.readyAt(), r.passportNumber(), r.collectedBy(), r.representativeName(), r.representativeNik(), r.handedOverAt(),
                    r.handedOverBy()));
            return new Outcome(c, List.of(new Step(CaseAction.REPRINT_RECEIPT, c.status(), c.status(),
                    "reprint " + count + " of " + r.receiptNumber(), List.of())));
        });
        return slip(session, caseRef);
    }

    /** The receipt of a case, for the screen and the printed document. */
    @Guarded(Permission.PRINT_DOCUMENT)
    public ReceiptSlip slip(Session session, String caseRef) {
        work.require(session, Permission.PRINT_DOCUMENT);
        Receipt r = new ReceiptRepository(work.db().dsl()).byCase(caseRef).orElseThrow(() -> new UserFacingException("receipt.none", caseRef));
        return new ReceiptSlip(r, rules.firstDayHours(), rules.laterDayHours());
    }

    /** Paid: central says the booking is PAID, or an NTPN is recorded on the case (walk-ins always need one). */
    static void requirePaid(DSLContext tx, CaseFile c) {
        if (c.paymentNtpn() != null) {
            return;
        }
        boolean paid = c.appointmentId() != null && new Appointments(tx).findById(c.appointmentId())
                .map(Appointment::payment).filter(p -> p != null && p.status() == PaymentStatus.PAID).isPresent();
        if (!paid) {
            throw new UserFacingException(c.walkIn() ? "receipt.walkInNeedsNtpn" : "receipt.unpaid", c.queueNumber().toString());
        }
    }
}
