package id.loket.casefile.model;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * An applicant's case at the office, from check-in on. {@code caseRef} is the appointment id,
 * or for a walk-in the office's own reference ({@code W-DPS-20261127-0007}).
 */
public record CaseFile(
        String caseRef,
        String office,
        LocalDate date,
        String appointmentId,
        boolean walkIn,
        QueueNumber queueNumber,
        CaseStatus status,
        ServiceType service,
        PassportType passportType,
        int validityYears,
        String slotStart,
        PriorityCategory priority,
        Person applicant,
        String counter,
        String officer,
        OffsetDateTime checkedInAt,
        OffsetDateTime calledAt,
        boolean flagged,
        String flagNote,
        LocalDate holdReturnBy,
        String rejectionNote,
        Set<RejectionReason> rejectionReasons,
        InterviewOutcome interviewOutcome,
        String interviewNote,
        String interviewedBy,
        OffsetDateTime interviewedAt,
        String approvedBy,
        OffsetDateTime approvedAt,
        String paymentNtpn,
        boolean paymentNtpnConfirmed,
        List<DocumentCheck> documents,
        int rowVersion) {

    public CaseFile {
        rejectionReasons = rejectionReasons == null ? Set.of() : Set.copyOf(rejectionReasons);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** Lost and damaged replacements, and flagged cases, need a supervisor's approval. */
    public boolean needsSupervisorApproval() {
        return flagged || service == ServiceType.REPLACEMENT_LOST || service == ServiceType.REPLACEMENT_DAMAGED;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of a case with some fields changed: how services describe a step's result. */
    public static final class Builder {
        private String caseRef;
        private String office;
        private LocalDate date;
        private String appointmentId;
        private boolean walkIn;
        private QueueNumber queueNumber;
        private CaseStatus status;
        private ServiceType service;
        private PassportType passportType;
        private int validityYears;
        private String slotStart;
        private PriorityCategory priority;
        private Person applicant;
        private String counter;
        private String officer;
        private OffsetDateTime checkedInAt;
        private OffsetDateTime calledAt;
        private boolean flagged;
        private String flagNote;
        private LocalDate holdReturnBy;
        private String rejectionNote;
        private Set<RejectionReason> rejectionReasons;
        private InterviewOutcome interviewOutcome;
        private String interviewNote;
        private String interviewedBy;
        private OffsetDateTime interviewedAt;
        private String approvedBy;
        private OffsetDateTime approvedAt;
        private String paymentNtpn;
        private boolean paymentNtpnConfirmed;
        private List<DocumentCheck> documents;
        private int rowVersion;

        private Builder(CaseFile c) {
            this.caseRef = c.caseRef();
            this.office = c.office();
            this.date = c.date();
            this.appointmentId = c.appointmentId();
            this.walkIn = c.walkIn();
            this.queueNumber = c.queueNumber();
            this.status = c.status();
            this.service = c.service();
            this.passportType = c.passportType();
            this.validityYears = c.validityYears();
            this.slotStart = c.slotStart();
            this.priority = c.priority();
            this.applicant = c.applicant();
            this.counter = c.counter();
            this.officer = c.officer();
            this.checkedInAt = c.checkedInAt();
            this.calledAt = c.calledAt();
            this.flagged = c.flagged();
            this.flagNote = c.flagNote();
            this.holdReturnBy = c.holdReturnBy();
            this.rejectionNote = c.rejectionNote();
            this.rejectionReasons = c.rejectionReasons();
            this.interviewOutcome = c.interviewOutcome();
            this.interviewNote = c.interviewNote();
            this.interviewedBy = c.interviewedBy();
            this.interviewedAt = c.interviewedAt();
            this.approvedBy = c.approvedBy();
            this.approvedAt = c.approvedAt();
            this.paymentNtpn = c.paymentNtpn();
            this.paymentNtpnConfirmed = c.paymentNtpnConfirmed();
            this.documents = c.documents();
            this.rowVersion = c.rowVersion();
        }

        public Builder caseRef(String value) {
            this.caseRef = value;
            return this;
        }

        public Builder office(String value) {
            this.office = value;
            return this;
        }

        public Builder date(LocalDate value) {
            this.date = value;
            return this;
        }

        public Builder appointmentId(String value) {
            this.appointmentId = value;
            return this;
        }

        public Builder walkIn(boolean value) {
            this.walkIn = value;
            return this;
        }

        public Builder queueNumber(QueueNumber value) {
            this.queueNumber = value;
            return this;
        }

        public Builder status(CaseStatus value) {
            this.status = value;
            return this;
        }

        public Builder service(ServiceType value) {
            this.service = value;
            return this;
        }

        public Builder passportType(PassportType value) {
            this.passportType = value;
            return this;
        }

        public Builder validityYears(int value) {
            this.validityYears = value;
            return this;
        }

        public Builder slotStart(String value) {
            this.slotStart = value;
            return this;
        }

        public Builder priority(PriorityCategory value) {
            this.priority = value;
            return this;
        }

        public Builder applicant(Person value) {
            this.applicant = value;
            return this;
        }

        public Builder counter(String value) {
            this.counter = value;
            return this;
        }

        public Builder officer(String value) {
            this.officer = value;
            return this;
        }

        public Builder checkedInAt(OffsetDateTime value) {
            this.checkedInAt = value;
            return this;
        }

        public Builder calledAt(OffsetDateTime value) {
            this.calledAt = value;
            return this;
        }

        public Builder flagged(boolean value) {
            this.flagged = value;
            return this;
        }

        public Builder flagNote(String value) {
            this.flagNote = value;
            return this;
        }

        public Builder holdReturnBy(LocalDate value) {
            this.holdReturnBy = value;
            return this;
        }

        public Builder rejectionNote(String value) {
            this.rejectionNote = value;
            return this;
        }

        public Builder rejectionReasons(Set<RejectionReason> value) {
            this.rejectionReasons = value;
            return this;
        }

        public Builder interviewOutcome(InterviewOutcome value) {
            this.interviewOutcome = value;
            return this;
        }

        public Builder interviewNote(String value) {
            this.interviewNote = value;
            return this;
        }

        public Builder interviewedBy(String value) {
            this.interviewedBy = value;
            return this;
        }

        public Builder interviewedAt(OffsetDateTime value) {
            this.interviewedAt = value;
            return this;
        }

        public Builder approvedBy(String value) {
            this.approvedBy = value;
            return this;
        }

        public Builder approvedAt(OffsetDateTime value) {
            this.approvedAt = value;
            return this;
        }

        public Builder paymentNtpn(String value) {
            this.paymentNtpn = value;
            return this;
        }

        public Builder paymentNtpnConfirmed(boolean value) {
            this.paymentNtpnConfirmed = value;
            return this;
        }

        public Builder documents(List<DocumentCheck> value) {
            this.documents = value;
            return this;
        }

        public Builder rowVersion(int value) {
            this.rowVersion = value;
            return this;
        }

        public CaseFile build() {
            return new CaseFile(caseRef, office, date, appointmentId, walkIn, queueNumber, status, service, passportType, validityYears, slotStart, priority, applicant, counter, officer, checkedInAt, calledAt, flagged, flagNote, holdReturnBy, rejectionNote, rejectionReasons, interviewOutcome, interviewNote, interviewedBy, interviewedAt, approvedBy, approvedAt, paymentNtpn, paymentNtpnConfirmed, documents, rowVersion);
        }
    }
}
