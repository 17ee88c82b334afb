package id.loket.checkin.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.PriorityCategory;
import id.loket.checkin.model.WalkInForm;
import id.loket.checkin.ui.WalkInFormModel.Checked;
import id.loket.checkin.ui.WalkInFormModel.Field;
import id.loket.checkin.ui.WalkInFormModel.NikFeedback;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Choice;
import id.loket.common.ui.Dates;
import id.loket.common.ui.FormDialog;
import java.awt.Component;
import java.awt.Window;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * Registering a walk-in applicant: NIK (checked as it is typed), full name (one word is a whole
 * name), birth date and place, sex, married, service, passport type, validity and priority.
 * Tab moves, Enter registers (or points at what is missing). When the NIK disagrees with the
 * birth date or sex the dialog says so and a second Enter registers anyway: a warning, not a block.
 */
public final class WalkInDialog extends FormDialog {

    /** The form, and whether the officer confirmed the NIK's disagreements. */
    public record Result(WalkInForm form, boolean warningsConfirmed) {
    }

    private final Messages messages;
    private final LocalDate today;
    private final Function<WalkInForm, List<String>> warningsOf;
    private final JTextField nik = new JTextField(18);
    private final JLabel nikFeedback = new JLabel(" ");
    private final JTextField fullName = new JTextField(30);
    private final JTextField birthDate = new JTextField(12);
    private final JTextField birthPlace = new JTextField(20);
    private final JComboBox<Choice<Sex>> sex = new JComboBox<>();
    private final JCheckBox married;
    private final JComboBox<Choice<ServiceType>> service = new JComboBox<>();
    private final JComboBox<Choice<PassportType>> passportType = new JComboBox<>();
    private final JComboBox<Choice<Integer>> validity = new JComboBox<>();
    private final JComboBox<Choice<PriorityCategory>> priority = new JComboBox<>();
    private final JLabel warnings = new JLabel();
    private boolean validityTouched;
    private boolean settingValidity;
    private List<String> shownWarnings = List.of();
    private WalkInForm result;
    private boolean confirmed;

    private WalkInDialog(Window owner, Messages messages, LocalDate today, Function<WalkInForm, List<String>> warningsOf) {
        super(owner, "walkin.dialog", messages.get("counter.walkin.title"), messages.get("counter.walkin.ok"),
                messages.get("counter.dialog.cancel"));
        this.messages = messages;
        this.today = today;
        this.warningsOf = warningsOf;
        married = new JCheckBox(messages.get("counter.walkin.married"));

        nik.setName("walkin.nik");
        nik.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("counter.walkin.nik.placeholder"));
        nikFeedback.setName("walkin.nikFeedback");
        nikFeedback.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        fullName.setName("walkin.name");
        fullName.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("counter.walkin.name.placeholder"));
        birthDate.setName("walkin.birthDate");
        birthDate.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("counter.walkin.birthDate.placeholder"));
        birthPlace.setName("walkin.birthPlace");
        sex.setName("walkin.sex");
        married.setName("walkin.married");
        service.setName("walkin.service");
        passportType.setName("walkin.passportType");
        validity.setName("walkin.validity");
        priority.setName("walkin.priority");
        warnings.setName("walkin.warnings");
        id.loket.common.ui.Theme.style(warnings, "warningBox");
        warnings.setOpaque(true);
        warnings.setVisible(false);

        sex.addItem(new Choice<>(null, messages.get("counter.walkin.choose")));
        for (Sex s : Sex.values()) {
            sex.addItem(new Choice<>(s, messages.name(s)));
        }
        service.addItem(new Choice<>(null, messages.get("counter.walkin.choose")));
        for (ServiceType s : ServiceType.values()) {
            service.addItem(new Choice<>(s, messages.get("service." + s.name())));
        }
        passportType.addItem(new Choice<>(null, messages.get("counter.walkin.choose")));
        for (PassportType p : PassportType.values()) {
            passportType.addItem(new Choice<>(p, messages.name(p)));
        }
        validity.addItem(new Choice<>(10, messages.get("counter.case.validity", 10)));
        validity.addItem(new Choice<>(5, messages.get("counter.case.validity", 5)));
        priority.addItem(new Choice<>(null, messages.get("counter.walkin.priority.none")));
        for (PriorityCategory p : PriorityCategory.values()) {
            priority.addItem(new Choice<>(p, messages.get("counter.walkin.priority.item", messages.name(p))));
        }

        addRow("counter.walkin.nik", nik);
        form.add(nikFeedback, "skip, growx, wmin 0, wrap");
        addRow("counter.walkin.name", fullName);
        addRow("counter.walkin.birthDate", birthDate);
        addRow("counter.walkin.birthPlace", birthPlace);
        addRow("counter.walkin.sex", sex);
        form.add(married, "skip, wrap");
        addRow("counter.walkin.service", service);
        addRow("counter.walkin.passportType", passportType);
        addRow("counter.walkin.validity", validity);
        addRow("counter.walkin.priority", priority);
        form.add(warnings, "span 2, growx, wmin 0, gaptop 8");

        nik.getDocument().addDocumentListener(onChange(() -> {
            showNikFeedback();
            resetConfirmation();
        }));
        birthDate.getDocument().addDocumentListener(onChange(() -> {
            suggestValidity();
            resetConfirmation();
        }));
        sex.addActionListener(e -> resetConfirmation());
        married.addActionListener(e -> suggestValidity());
        validity.addActionListener(e -> validityTouched |= !settingValidity);
        showNikFeedback();
    }

    /** Asks for a walk-in; empty when the officer cancels. */
    public static Optional<Result> ask(Window owner, Messages messages, LocalDate today, Function<WalkInForm, List<String>> warningsOf) {
        WalkInDialog d = new WalkInDialog(owner, messages, today, warningsOf);
        return d.ask() ? Optional.of(new Result(d.result, d.confirmed)) : Optional.empty();
    }

    private void addRow(String key, JComponent field) {
        JLabel l = new JLabel(messages.get(key));
        l.setLabelFor(field);
        form.add(l);
        form.add(field, "wrap");
    }

    private static DocumentListener onChange(Runnable r) {
        return new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                r.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                r.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                r.run();
            }
        };
    }

    private void showNikFeedback() {
        NikFeedback f = WalkInFormModel.nik(nik.getText(), today);
        if (f.problem() != null) {
            nikFeedback.setText(messages.get(f.problem().key(), f.problem().args()));
            id.loket.common.ui.Theme.style(nikFeedback, "error");
            nik.putClientProperty(FlatClientProperties.OUTLINE, FlatClientProperties.OUTLINE_ERROR);
        } else if (f.ok()) {
            nikFeedback.setText(messages.get("counter.walkin.nik.says", Dates.longDate(f.birthDate(), messages.locale())
                    .replaceFirst("^[^,]*, ", ""), messages.name(f.sex())));
            id.loket.common.ui.Theme.style(nikFeedback, "ok");
            nik.putClientProperty(FlatClientProperties.OUTLINE, null);
        } else {
            nikFeedback.setText(messages.get("counter.walkin.nik.count", f.digits()));
            id.loket.common.ui.Theme.style(nikFeedback, "hint");
            nik.putClientProperty(FlatClientProperties.OUTLINE, null);
        }
    }

    private void suggestValidity() {
        if (validityTouched) {
            return;
        }
        int years = WalkInFormModel.defaultValidity(WalkInFormModel.parseDate(birthDate.getText()).orElse(null), married.isSelected(), today);
        settingValidity = true;
        validity.setSelectedIndex(years == 10 ? 0 : 1);
        settingValidity = false;
    }

    private void resetConfirmation() {
        if (!shownWarnings.isEmpty()) {
            shownWarnings = List.of();
            warnings.setVisible(false);
            okButton().setText(messages.get("counter.walkin.ok"));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(JComboBox<Choice<T>> combo) {
        Object item = combo.getSelectedItem();
        return item == null ? null : ((Choice<T>) item).value();
    }

    @Override
    protected boolean accept() {
        Checked checked = WalkInFormModel.check(nik.getText(), fullName.getText(), birthDate.getText(), birthPlace.getText(),
                value(sex), married.isSelected(), value(service), value(passportType), value(validity), value(priority), today);
        if (checked.problem() != null) {
            Map<Field, JComponent> fields = Map.of(Field.NIK, nik, Field.NAME, fullName, Field.BIRTH_DATE, birthDate,
                    Field.BIRTH_PLACE, birthPlace, Field.SEX, sex, Field.SERVICE, service, Field.PASSPORT_TYPE, passportType,
                    Field.VALIDITY, validity);
            showProblem(messages.get(checked.problem().key(), checked.problem().args()), fields.get(checked.problem().field()));
            return false;
        }
        List<String> now;
        try {
            now = warningsOf.apply(checked.form());
        } catch (UserFacingException e) {
            showProblem(messages.of(e), nik);
            return false;
        }
        if (!now.isEmpty() && !now.equals(shownWarnings)) {
            shownWarnings = now;
            warnings.setText("<html>" + now.stream().map(messages::get).collect(Collectors.joining("<br>"))
                    + "<br><b>" + messages.get("counter.walkin.confirmHint") + "</b></html>");
            warnings.setVisible(true);
            okButton().setText(messages.get("counter.walkin.okAnyway"));
            clearProblem();
            pack();
            okButton().requestFocusInWindow();
            return false;
        }
        result = checked.form();
        confirmed = !now.isEmpty();
        return true;
    }

    @Override
    protected Component firstField() {
        return nik;
    }
}
