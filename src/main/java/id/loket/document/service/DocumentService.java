package id.loket.document.service;

import id.loket.receipt.service.Receipts;
import id.loket.casefile.service.Cases;
import id.loket.audit.AuditTrail;
import id.loket.staff.service.Officer;
import id.loket.audit.model.OfficeAction;
import id.loket.staff.service.Authorization;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.service.Holds;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.document.DocumentRenderer;
import id.loket.document.HoldSlipData;
import id.loket.document.Letterhead;
import id.loket.document.PaperSize;
import id.loket.document.PickupSlipData;
import id.loket.document.ReceiptData;
import id.loket.document.RejectionSlipData;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.PickupRules;
import id.loket.receipt.model.GivenAs;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.service.ReceiptService;
import id.loket.staff.service.StaffNames;
import id.loket.settings.model.OfficeSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case's documents as the local database holds them, rendered as PDF/A-2b: the receipt, the
 * rejection slip, the on-hold slip and the pickup slip. A case not in a state that has the
 * document asked for is refused with a {@link UserFacingException} ({@code print.*}).
 * Rendering changes nothing; {@link #delivered} records a print that reached the applicant.
 */
public final class DocumentService {

    /** The documents that can be printed. */
    public enum Kind { RECEIPT, REJECTION_SLIP, HOLD_SLIP, PICKUP_SLIP }

    private static final Set<CaseStatus> HAS_RECEIPT =
            EnumSet.of(CaseStatus.RECEIPT_ISSUED, CaseStatus.READY_FOR_PICKUP, CaseStatus.HANDED_OVER);

    private final Database db;
    private final PickupRules rules;
    private final OfficeSettings office;
    private final Clock clock;
    private final ReceiptService receipts;
    private final Authorization authorization;

    /** {@code receipts} records a receipt given or reprinted when its print was delivered. */
    public DocumentService(Database db, PickupRules rules, OfficeSettings office, Clock clock, ReceiptService receipts) {
        this.authorization = new Authorization(db);
        this.receipts = receipts;
        this.db = db;
        this.rules = rules;
        this.office = office;
        this.clock = clock;
    }

    /**
     * Renders a document of a case; {@code copy} marks a receipt as a reprint (SALINAN) once an
     * original was given (before that every print is the original), and is ignored for the
     * slips. Rendering is not printing: nothing is counted or audited here, see {@link #delivered}.
     */
    @Guarded(Permission.PRINT_DOCUMENT)
    public byte[] render(Session session, Kind kind, String caseRef, boolean copy, PaperSize paper, Messages m) {
        authorization.require(session, Permission.PRINT_DOCUMENT);
        Letterhead letterhead = new Letterhead(office.name(), office.address());
        ZoneId zone = office.zone();
        return switch (kind) {
            case RECEIPT -> {
                CaseFile c = load(caseRef);
                Receipt r = receiptOf(c); // read once: what it prints, and whether a copy is one (the original was given)
                yield DocumentRenderer.receipt(receiptData(c, r), letterhead, paper, m, zone, clock.instant(), copy && r.given());
            }
            case REJECTION_SLIP -> DocumentRenderer.rejectionSlip(rejectionSlipData(session, caseRef), letterhead, paper, m, zone, clock.instant());
            case HOLD_SLIP -> DocumentRenderer.holdSlip(holdSlipData(session, caseRef), letterhead, paper, m, zone, clock.instant());
            case PICKUP_SLIP -> DocumentRenderer.pickupSlip(pickupSlipData(session, caseRef), letterhead, paper, m, zone, clock.instant());
        };
    }

    /**
     * Records that a document rendered by {@link #render} reached the applicant: the printer's
     * spooler accepted it ({@code saved} false, {@code where} the printer) or it was saved as a
     * PDF ({@code saved} true, {@code where} the file). Audited (who, which paper, original or
     * copy, where); a receipt is given by its first delivery and a copy after that counted as a
     * reprint ({@link ReceiptService#given}). Never call it for a print that failed.
     */
    @Guarded(Permission.PRINT_DOCUMENT)
    public void delivered(Session session, Kind kind, String caseRef, boolean copy, PaperSize paper, boolean saved, String where) {
        Officer officer = authorization.require(session, Permission.PRINT_DOCUMENT);
        String ref = caseRef.strip();
        boolean isCopy = kind == Kind.RECEIPT ? copy && receiptGiven(ref) : copy;
        if (kind == Kind.RECEIPT) {
            receipts.given(ref, session, saved ? GivenAs.SAVED : GivenAs.PRINTED, where, isCopy);
        }
        // Who gave which paper of a case, original or copy, and where it went: the case's trail, in the audit chain.
        db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.DOCUMENT_PRINTED, officer.username(), officer.counter(),
                kind + (isCopy ? " copy" : " original") + " of " + ref + " on " + paper + (saved ? " saved as " : " printed on ")
                        + (where == null || where.isBlank() ? "-" : where.strip()),
                java.time.OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }

    private boolean receiptGiven(String caseRef) {
        return new Receipts(db.dsl()).byCase(caseRef.strip()).map(Receipt::given).orElse(false);
    }

    /**
     * The receipt of a case that has one (RECEIPT_ISSUED or later), as it was issued: the fee,
     * billing code, NTPN and the officer's full name stored on the receipt then, whatever the
     * fee table or the booking say now.
     */
    @Guarded(Permission.PRINT_DOCUMENT)
    public ReceiptData receiptData(Session session, String caseRef) {
        authorization.require(session, Permission.PRINT_DOCUMENT);
        CaseFile c = load(caseRef);
        return receiptData(c, receiptOf(c));
    }

    /** The receipt of a case that has one, refused in words for a case that has none yet. */
    private Receipt receiptOf(CaseFile c) {
        if (!HAS_RECEIPT.contains(c.status())) {
            throw new UserFacingException("print.notReceiptYet", c.caseRef(), c.status().name());
        }
        return new Receipts(db.dsl()).byCase(c.caseRef())
                .orElseThrow(() -> new UserFacingException("print.notReceiptYet", c.caseRef(), c.status().name()));
    }

    private ReceiptData receiptData(CaseFile c, Receipt r) {
        return new ReceiptData(r.receiptNumber(), c.queueNumber() == null ? null : c.queueNumber().toString(),
                c.applicant().fullName(), c.applicant().nik(), c.service(), c.passportType(), c.validityYears(), r.feeRupiah(),
                r.billingCode(), r.ntpn(), r.pickupDate(), rules.firstDayHours().from(), rules.firstDayHours().to(), r.issuer());
    }

    /** The rejection slip of a REJECTED case: the reasons, the note, the day and officer of the decision. */
    @Guarded(Permission.PRINT_DOCUMENT)
    public RejectionSlipData rejectionSlipData(Session session, String caseRef) {
        authorization.require(session, Permission.PRINT_DOCUMENT);
        CaseFile c = load(caseRef);
        if (c.status() != CaseStatus.REJECTED) {
            throw new UserFacingException("print.notRejected", c.caseRef(), c.status().name());
        }
        Optional<AuditEntry> decision = last(c.caseRef(), CaseAction.REJECT);
        LocalDate decidedOn = decision.map(e -> e.at().atZoneSameInstant(office.zone()).toLocalDate()).orElse(c.date());
        List<RejectionReason> reasons = c.rejectionReasons().stream().sorted().toList();
        return new RejectionSlipData(c.caseRef(), c.applicant().fullName(), c.applicant().nik(), c.service(), decidedOn, reasons,
                c.rejectionNote(), fullName(decision.map(AuditEntry::officer).orElse(c.officer())));
    }

    /**
     * The on-hold slip of a case on hold, or one that was held: the return-by date, and what was
     * missing as the last PUT_ON_HOLD event said (after a resume the checklist no longer shows it).
     */
    @Guarded(Permission.PRINT_DOCUMENT)
    public HoldSlipData holdSlipData(Session session, String caseRef) {
        authorization.require(session, Permission.PRINT_DOCUMENT);
        CaseFile c = load(caseRef);
        if (c.holdReturnBy() == null) {
            throw new UserFacingException("print.notOnHold", c.caseRef(), c.status().name());
        }
        List<DocumentType> missing = Holds.missing(c, new Cases(db.dsl()).events(c.caseRef()));
        String officer = last(c.caseRef(), CaseAction.PUT_ON_HOLD).map(AuditEntry::officer).orElse(c.officer());
        return new HoldSlipData(c.caseRef(), c.applicant().fullName(), c.applicant().nik(), c.service(), missing, c.holdReturnBy(),
                null, fullName(officer));
    }

    /** The pickup slip of a HANDED_OVER case: the passport, who collected it, when, and from which officer. */
    @Guarded(Permission.PRINT_DOCUMENT)
    public PickupSlipData pickupSlipData(Session session, String caseRef) {
        authorization.require(session, Permission.PRINT_DOCUMENT);
        CaseFile c = load(caseRef);
        Optional<Receipt> receipt = new Receipts(db.dsl()).byCase(c.caseRef());
        if (c.status() != CaseStatus.HANDED_OVER || receipt.isEmpty() || !receipt.get().handedOver()) {
            throw new UserFacingException("print.notHandedOver", c.caseRef(), c.status().name());
        }
        Receipt r = receipt.get();
        PickupSlipData.Collector collector = r.collectedBy() == CollectedBy.REPRESENTATIVE
                ? PickupSlipData.Collector.REPRESENTATIVE : PickupSlipData.Collector.SELF;
        return new PickupSlipData(r.receiptNumber(), c.applicant().fullName(), c.applicant().nik(), r.passportNumber(), collector,
                r.representativeName(), r.representativeNik(), r.handedOverAt().toInstant(), r.handedOverByOfficer());
    }

    /** An officer's full name as the staff accounts hold it (the username itself where there is no such account). */
    private String fullName(String username) {
        return new StaffNames(db.dsl()).fullName(username);
    }

    private CaseFile load(String caseRef) {
        String ref = caseRef == null ? "" : caseRef.strip();
        return new Cases(db.dsl()).find(ref).orElseThrow(() -> new UserFacingException("print.unknownCase", ref));
    }

    private Optional<AuditEntry> last(String caseRef, CaseAction action) {
        AuditEntry found = null;
        for (AuditEntry e : new Cases(db.dsl()).history(caseRef)) {
            if (e.action() == action) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }
}
