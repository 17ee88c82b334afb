package id.loket.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BehaviourTest {

    private static final List<String> REFS = IntStream.range(0, 20_000)
            .mapToObj(i -> new UUID(0x5eedL * i, 31L * i + 7).toString()).toList();

    @Test
    void theSameSeedAndCaseGiveTheSameFateAndAnotherSeedAnother() {
        String ref = REFS.get(0);

        assertThat(new Behaviour(7).fate(ref)).isEqualTo(new Behaviour(7).fate(ref));
        assertThat(REFS.subList(0, 50).stream().map(new Behaviour(7)::fate).toList())
                .isNotEqualTo(REFS.subList(0, 50).stream().map(new Behaviour(8)::fate).toList());
    }

    @Test
    void fatesComeInTheChosenProportions() {
        Behaviour b = new Behaviour(1);
        List<Fate> fates = REFS.stream().map(b::fate).toList();

        assertThat(share(fates, Fate::noShow)).isCloseTo(Behaviour.NO_SHOW, org.assertj.core.data.Offset.offset(0.01));
        assertThat(share(fates, f -> f.documents() == Fate.DocumentOutcome.MISSING))
                .isCloseTo(Behaviour.MISSING_DOCUMENT, org.assertj.core.data.Offset.offset(0.01));
        assertThat(share(fates, f -> f.documents() == Fate.DocumentOutcome.MISMATCH))
                .isCloseTo(Behaviour.MISMATCH, org.assertj.core.data.Offset.offset(0.005));
        assertThat(share(fates, Fate::interviewFlagged)).isCloseTo(Behaviour.FLAGGED_AT_INTERVIEW, org.assertj.core.data.Offset.offset(0.005));
        assertThat(fates).allSatisfy(f -> assertThat(f.arrivalOffsetSeconds()).isBetween(-30 * 60, 40 * 60));
        // the mean of two uniform draws: three in four within the middle half of the range (a uniform draw: one in two)
        int middle = (-30 + 40) * 60 / 2;
        assertThat(share(fates, f -> Math.abs(f.arrivalOffsetSeconds() - middle) < 35 * 60 / 2))
                .as("most come around the start of their slot").isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void aPauseDependsOnlyOnTheStepTaken() {
        AuditEntry call = new AuditEntry("c1", CaseAction.CALL, CaseStatus.CHECKED_IN, CaseStatus.IN_VERIFICATION,
                OffsetDateTime.parse("2026-11-27T08:00:00+08:00"), "petugas1", "1", null);
        AuditEntry verify = new AuditEntry("c1", CaseAction.VERIFY, CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED,
                OffsetDateTime.parse("2026-11-27T08:04:00+08:00"), "petugas1", "1", null);

        assertThat(new Behaviour(3).pauseAfter(call, false)).isEqualTo(new Behaviour(3).pauseAfter(call, false))
                .isBetween(java.time.Duration.ofSeconds(25), java.time.Duration.ofSeconds(70));
        assertThat(new Behaviour(3).pauseAfter(verify, false)).as("photo, fingerprints and interview take minutes")
                .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(110));
    }

    private static double share(List<Fate> fates, java.util.function.Predicate<Fate> p) {
        return fates.stream().filter(p).count() / (double) fates.size();
    }

    @Test
    void pickupsAreDrawnPerCaseAndDayWithOnePassportNumberPerCase() {
        Behaviour b = new Behaviour(3);
        java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 3);
        List<Behaviour.Pickup> pickups = REFS.stream().map(r -> b.pickup(r, day)).toList();

        assertThat(b.pickup(REFS.get(0), day)).isEqualTo(new Behaviour(3).pickup(REFS.get(0), day));
        assertThat(REFS.subList(0, 50).stream().map(r -> b.pickup(r, day.plusDays(1)).passportNumber()).toList())
                .as("the printed passport does not depend on the day it is collected")
                .isEqualTo(pickups.subList(0, 50).stream().map(Behaviour.Pickup::passportNumber).toList());
        assertThat(REFS.subList(0, 50).stream().map(r -> b.pickup(r, day.plusDays(1)).comes()).toList())
                .as("whether the applicant comes is drawn anew each day")
                .isNotEqualTo(pickups.subList(0, 50).stream().map(Behaviour.Pickup::comes).toList());
        assertThat(pickups.stream().filter(Behaviour.Pickup::comes).count() / (double) pickups.size())
                .isCloseTo(Behaviour.COMES_FOR_PASSPORT, org.assertj.core.data.Offset.offset(0.01));
        assertThat(pickups.stream().filter(Behaviour.Pickup::representative).count() / (double) pickups.size())
                .isCloseTo(Behaviour.BY_REPRESENTATIVE, org.assertj.core.data.Offset.offset(0.01));
        assertThat(pickups).allSatisfy(p -> {
            assertThat(p.passportNumber()).matches("[A-Z][0-9]{7}");
            assertThat(id.loket.receipt.model.PassportNumber.normalize(p.passportNumber())).contains(p.passportNumber());
            assertThat(id.loket.common.model.Nik.isValid(p.representativeNik())).as(p.representativeNik()).isTrue();
            assertThat(p.representativeName()).isNotBlank();
            assertThat(p.when()).isBetween(0.0, 1.0);
        });
        assertThat(REFS.subList(0, 200)).allSatisfy(r -> assertThat(b.ntpn(r)).matches("[0-9A-Z]{16}").isEqualTo(b.ntpn(r)));
    }
}
