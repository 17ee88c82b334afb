package id.loket.checkin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.PriorityCategory;
import id.loket.checkin.ui.WalkInFormModel.Checked;
import id.loket.checkin.ui.WalkInFormModel.Field;
import id.loket.checkin.ui.WalkInFormModel.NikFeedback;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The walk-in form checked as it is typed and when it is sent, without a display. */
class WalkInFormModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final String NIK = "5171015708900001";

    @Test
    void aNikBeingTypedIsCountedNotRefused() {
        NikFeedback f = WalkInFormModel.nik("51710157", TODAY);
        assertThat(f.problem()).isNull();
        assertThat(f.ok()).isFalse();
        assertThat(f.digits()).isEqualTo(8);
    }

    @Test
    void aLetterInTheNikIsRefusedAtOnceWithTheNiksOwnMessage() {
        NikFeedback f = WalkInFormModel.nik("5171O", TODAY);
        assertThat(f.problem().field()).isEqualTo(Field.NIK);
        assertThat(f.problem().key()).isEqualTo("nik.invalid.not_digits");
    }

    @ParameterizedTest
    @CsvSource({"9971015708900001, nik.invalid.province", "5171019908900001, nik.invalid.date", "5171015708900000, nik.invalid.serial",
            "51710157089000012, nik.invalid.length"})
    void aWholeNikThatIsNotOneSaysWhy(String nik, String key) {
        assertThat(WalkInFormModel.nik(nik, TODAY).problem().key()).isEqualTo(key);
    }

    @Test
    void aWholeNikSaysWhatItEncodes() {
        NikFeedback f = WalkInFormModel.nik(NIK, TODAY);
        assertThat(f.ok()).isTrue();
        assertThat(f.birthDate()).isEqualTo(LocalDate.of(1990, 8, 17));
        assertThat(f.sex()).isEqualTo(Sex.F);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17-08-1990", "17/8/1990", "17.08.1990", "17 08 1990", "17081990", "1990-08-17", " 17-08-1990 "})
    void birthDatesAreReadAsTheyAreWrittenAtTheCounter(String text) {
        assertThat(WalkInFormModel.parseDate(text)).contains(LocalDate.of(1990, 8, 17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "31-02-1990", "17-13-1990", "1990", "kemarin"})
    void whatIsNotADateIsNotGuessed(String text) {
        assertThat(WalkInFormModel.parseDate(text)).isEmpty();
    }

    @Test
    void aMinorGetsFiveYearsUnlessMarried() {
        LocalDate fifteen = TODAY.minusYears(15);
        assertThat(WalkInFormModel.defaultValidity(fifteen, false, TODAY)).isEqualTo(5);
        assertThat(WalkInFormModel.defaultValidity(fifteen, true, TODAY)).isEqualTo(10);
        assertThat(WalkInFormModel.defaultValidity(TODAY.minusYears(17), false, TODAY)).isEqualTo(10);
        assertThat(WalkInFormModel.defaultValidity(null, false, TODAY)).isEqualTo(10);
    }

    @Test
    void aOneWordNameAndAWholeFormMakeAWalkIn() {
        Checked c = WalkInFormModel.check(NIK, " Sukarni ", "17-08-1990", "Denpasar", Sex.F, false, ServiceType.REPLACEMENT_LOST,
                PassportType.ELECTRONIC, 10, PriorityCategory.PREGNANT, TODAY);
        assertThat(c.problem()).isNull();
        assertThat(c.form().fullName()).isEqualTo("Sukarni");
        assertThat(c.form().birthDate()).isEqualTo(LocalDate.of(1990, 8, 17));
        assertThat(c.form().priority()).isEqualTo(PriorityCategory.PREGNANT);
    }

    @Test
    void theFirstFieldToFixIsNamedInTheOrderOfTheForm() {
        assertThat(WalkInFormModel.check("", "", "", null, null, false, null, null, 10, null, TODAY).problem().field()).isEqualTo(Field.NIK);
        assertThat(WalkInFormModel.check(NIK, " ", "", null, null, false, null, null, 10, null, TODAY).problem())
                .extracting(p -> p.field(), p -> p.key()).containsExactly(Field.NAME, "walkin.nameMissing");
        assertThat(WalkInFormModel.check(NIK, "Sukarni", "17-08", null, null, false, null, null, 10, null, TODAY).problem().field())
                .isEqualTo(Field.BIRTH_DATE);
        assertThat(WalkInFormModel.check(NIK, "Sukarni", "17-08-2030", null, null, false, null, null, 10, null, TODAY).problem().key())
                .isEqualTo("walkin.birthDate");
        assertThat(WalkInFormModel.check(NIK, "Sukarni", "17-08-1990", null, null, false, null, null, 10, null, TODAY).problem().field())
                .isEqualTo(Field.SEX);
        assertThat(WalkInFormModel.check(NIK, "Sukarni", "17-08-1990", null, Sex.F, false, null, null, 10, null, TODAY).problem().field())
                .isEqualTo(Field.SERVICE);
        assertThat(WalkInFormModel.check(NIK, "Sukarni", "17-08-1990", null, Sex.F, false, ServiceType.NEW, null, 10, null, TODAY)
                .problem().field()).isEqualTo(Field.PASSPORT_TYPE);
    }

    @Test
    void aNikThatDisagreesWithTheFormIsNotTheFormsProblem() {
        // The disagreement is the service's warning to confirm, not a problem of the form.
        Checked c = WalkInFormModel.check(NIK, "Sukarno", "18-08-1991", null, Sex.M, false, ServiceType.NEW, PassportType.REGULAR, 10,
                null, TODAY);
        assertThat(c.problem()).isNull();
    }
}
