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
import id.loket.appointment.model.Payment;
import id.loket.receipt.model.FeeTable;
import id.loket.receipt.model.GivenAs;
import id.loket.receipt.model.PickupRules;
import id.loket.receipt.model.ReceiptNumber;
import id.loket.settings.Settings;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.receipt.repo.ReceiptRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The receipt (tanda terima) for an approved, paid case: its number, the pickup date N
 * working days on, the RECEIPT_ISSUED event; the receipt given once a print of it reached the
 * applicant; and reprints, counted and audited only when the printer accepted them.
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

    /**
     * Issues the receipt: APPROVED → RECEIPT_ISSUED, only once the fee is paid. The number is
     * taken and central told; the receipt keeps the fee charged (central's amount for a booking,
     * otherwise the office fee table as it stands now), the payment's billing code and NTPN and
     * the officer's full name, so that every later print shows the same. It is not given yet:
     * see {@link #given}.
     */
    @Guarded(Permission.ISSUE_RECEIPT)
    public ReceiptSlip issue(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.ISSUE_RECEIPT);
        work.actWith(caseRef, actor, CaseAction.ISSUE_RECEIPT, (tx, c, to, now) -> {
            requirePaid(tx, c);
            LocalDate today = now.toLocalDate();
            int n = new Cases(tx).nextInSeries(c.office(), today, SERIES);
            ReceiptNumber number = new ReceiptNumber(c.office(), today, n);
            LocalDate pickup = HolidayService.calendarFrom(tx, today).after(today, rules.workingDays());
            Optional<Payment> payment = payment(tx, c);
            long fee = payment.map(Payment::amount).orElseGet(() -> fees(tx).fee(c.passportType(), c.validityYears(), false, c.service()));
            String billingCode = payment.map(Payment::billingCode).orElse(null);
            String ntpn = c.paymentNtpn() != null ? c.paymentNtpn() : payment.map(Payment::ntpn).orElse(null);
            new ReceiptRepository(tx).insert(Receipt.issued(c.caseRef(), number, pickup, now, actor.username(), actor.fullName(), fee,
                    billingCode, ntpn));
            return new Outcome(c.toBuilder().status(to.orElseThrow()).build(), List.of(
                    new Step(CaseAction.ISSUE_RECEIPT, c.status(), to.orElseThrow(), number + ", pickup " + pickup,
                            List.of(new Event(EventType.RECEIPT_ISSUED,
                                    CaseWork.data().put("receiptNumber", number.text()).put("pickupDate", pickup.toString()))))));
        });
        return slip(session, caseRef);
    }

    /**
     * Records that a print of the receipt reached the applicant: the printer's spooler accepted
     * it ({@link GivenAs#PRINTED}) or it was saved as a PDF ({@link GivenAs#SAVED}); {@code where}
     * names the printer or the file for the audit. Call it only then, never for a print that
     * failed or a preview closed without printing.
     *
     * <p>The first such print gives the receipt (it is the original, audited as such). After
     * that, a {@code copy} (a print marked SALINAN) is counted as a reprint and audited; the
     * original delivered again (saved, then printed from the same preview) is audited only.
     */
    @Guarded(Permission.ISSUE_RECEIPT)
    public ReceiptSlip given(String caseRef, Session session, GivenAs how, String where, boolean copy) {
        Officer actor = work.require(session, Permission.ISSUE_RECEIPT);
        if (how == null || how == GivenAs.ISSUED) {
            throw new IllegalArgumentException("a receipt is given printed or saved");
        }
        String place = where == null || where.isBlank() ? "-" : where.strip();
        work.actWith(caseRef, actor, CaseAction.REPRINT_RECEIPT, (tx, c, to, now) -> {
            ReceiptRepository receipts = new ReceiptRepository(tx);
            Receipt r = receipts.byCase(c.caseRef()).orElseThrow(() -> new UserFacingException("receipt.none", c.caseRef()));
            Step step;
            if (!r.given()) {
                receipts.update(r.givenNow(now, actor.username(), how));
                step = new Step(CaseAction.ISSUE_RECEIPT, c.status(), c.status(),
                        "given " + r.receiptNumber() + " " + how + " (" + place + ")", List.of());
            } else if (copy) {
                Receipt again = r.reprinted();
                receipts.update(again);
                step = new Step(CaseAction.REPRINT_RECEIPT, c.status(), c.status(),
                        "reprint " + again.reprintCount() + " of " + r.receiptNumber() + " " + how + " (" + place + ")", List.of());
            } else {
                step = new Step(CaseAction.REPRINT_RECEIPT, c.status(), c.status(),
                        "original of " + r.receiptNumber() + " again " + how + " (" + place + "), not counted", List.of());
            }
            return new Outcome(c, List.of(step));
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

    private static Optional<Payment> payment(DSLContext tx, CaseFile c) {
        return Optional.ofNullable(c.appointmentId()).flatMap(id -> new Appointments(tx).findById(id)).map(Appointment::payment);
    }

    /** The office's fee table as the settings hold it now (defaults where unset). */
    private static FeeTable fees(DSLContext tx) {
        Settings settings = new Settings(tx);
        return new FeeTable(key -> settings.get(key).map(Long::parseLong).orElse(null));
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
