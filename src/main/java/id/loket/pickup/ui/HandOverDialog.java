package id.loket.pickup.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.common.model.InvalidNikException;
import id.loket.common.model.Nik;
import id.loket.common.ui.Dates;
import id.loket.common.ui.FormDialog;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.PassportNumber;
import id.loket.receipt.model.Receipt;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.Optional;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * Handing a passport over: the receipt, the applicant (name, masked NIK, service, passport
 * type) and the pickup date at the top, read-only; then who collects it (the applicant, or a
 * representative with a power of attorney and an e-KTP, whose name and NIK are asked), and
 * the passport number, where the cursor starts for the scanner. Enter hands over (or points at
 * what is wrong), Esc cancels. The representative's NIK is only ever shown masked.
 */
public final class HandOverDialog extends FormDialog {

    /** What the officer entered: who collects, the representative (else null) and the normalized passport number. */
    public record Answer(CollectedBy collectedBy, String representativeName, String representativeNik, String passportNumber) {
    }

    /** The longest representative's name the record holds (as {@link PickupService#handOver} checks). */
    private static final int NAME_MAX = 400;

    private final Messages messages;
    private final JRadioButton self;
    private final JRadioButton representative;
    private final JTextField repName = new JTextField(30);
    private final JTextField repNik = new JTextField(18);
    private final JTextField passport = new JTextField(12);
    private Answer answer;

    private HandOverDialog(Window owner, Messages m, PickupService.PickupCase pickup, ZoneId zone) {
        super(owner, "handOver", m.get("pickup.ui.handOver.title"), m.get("pickup.ui.handOver.ok"), m.get("counter.dialog.cancel"));
        this.messages = m;
        CaseFile c = pickup.caseFile();
        Receipt r = pickup.receipt();

        JLabel number = new JLabel(r.receiptNumber());
        number.setName("handOver.receiptNumber");
        number.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        info("pickup.ui.receiptNumber", number);
        String fullName = c.applicant().fullName();
        JLabel name = new JLabel(FormDialog.wrapped(fullName));
        name.setName("handOver.applicant");
        name.setToolTipText(fullName);
        info("pickup.ui.applicant", name);
        JLabel nik = new JLabel(Nik.mask(c.applicant().nik()));
        nik.setName("handOver.nik");
        info("pickup.ui.nik", nik);
        JLabel service = new JLabel(m.get("pickup.ui.serviceAndType", m.get("service." + c.service().name()), m.name(c.passportType())));
        service.setName("handOver.service");
        info("pickup.ui.service", service);
        JLabel pickupDate = new JLabel(Dates.longDate(r.pickupDate(), m.locale()));
        pickupDate.setName("handOver.pickupDate");
        info("pickup.ui.pickupDate", pickupDate);
        if (r.readyAt() != null) {
            JLabel ready = new JLabel(m.get("pickup.ui.readyAt.value",
                    Dates.shortDate(r.readyAt().atZoneSameInstant(zone).toLocalDate(), m.locale()), Dates.time(r.readyAt(), zone)));
            ready.setName("handOver.readyAt");
            info("pickup.ui.readyAt", ready);
        }

        self = new JRadioButton(m.get("pickup.ui.self"), true);
        self.setName("handOver.self");
        self.setMnemonic(mnemonic(m.get("pickup.ui.self.mnemonic")));
        representative = new JRadioButton(m.get("pickup.ui.representative"));
        representative.setName("handOver.representative");
        representative.setMnemonic(mnemonic(m.get("pickup.ui.representative.mnemonic")));
        ButtonGroup who = new ButtonGroup();
        who.add(self);
        who.add(representative);
        JPanel whoPanel = new JPanel(new MigLayout("insets 0, gap 12", "[][]", "[]"));
        whoPanel.add(self);
        whoPanel.add(representative);
        JLabel whoLabel = new JLabel(m.get("pickup.ui.collectedBy"));
        form.add(whoLabel, "gaptop 12");
        form.add(whoPanel, "gaptop 12, wrap");

        repName.setName("handOver.repName");
        repNik.setName("handOver.repNik");
        repNik.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, m.get("pickup.ui.repNik.placeholder"));
        passport.setName("handOver.passport");
        passport.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, m.get("pickup.ui.passport.placeholder"));
        field("pickup.ui.repName", repName);
        field("pickup.ui.repNik", repNik);
        field("pickup.ui.passport", passport);

        self.addActionListener(e -> whoChanged());
        representative.addActionListener(e -> whoChanged());
        whoChanged();
    }

    /**
     * Asks how the passport of {@code pickup} is handed over; empty when the officer cancels.
     * {@code zone} is the office's, for the time the passport was marked ready.
     */
    public static Optional<Answer> ask(Window owner, Messages m, PickupService.PickupCase pickup, ZoneId zone) {
        HandOverDialog d = new HandOverDialog(owner, m, pickup, zone);
        return d.ask() ? Optional.of(d.answer) : Optional.empty();
    }

    private static int mnemonic(String key) {
        return key.isEmpty() ? 0 : KeyEvent.getExtendedKeyCodeForChar(key.charAt(0));
    }

    private void info(String key, JComponent value) {
        JLabel l = new JLabel(messages.get(key));
        l.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        form.add(l, "aligny top");
        form.add(value, "wmin 0, wrap");
    }

    private void field(String key, JComponent field) {
        JLabel l = new JLabel(messages.get(key));
        l.setLabelFor(field);
        form.add(l);
        form.add(field, "wrap");
    }

    private void whoChanged() {
        boolean rep = representative.isSelected();
        repName.setEnabled(rep);
        repNik.setEnabled(rep);
        clearProblem();
    }

    @Override
    protected boolean accept() {
        CollectedBy who = representative.isSelected() ? CollectedBy.REPRESENTATIVE : CollectedBy.SELF;
        String name = null;
        String nik = null;
        if (who == CollectedBy.REPRESENTATIVE) {
            name = repName.getText().strip();
            if (name.isEmpty()) {
                showProblem(messages.get("pickup.representativeNameRequired"), repName);
                return false;
            }
            if (name.length() > NAME_MAX) {
                showProblem(messages.get("pickup.representativeNameTooLong", NAME_MAX), repName);
                return false;
            }
            nik = repNik.getText().strip();
            if (nik.isEmpty()) {
                showProblem(messages.get("pickup.representativeNikRequired"), repNik);
                return false;
            }
            if (!Nik.isValid(nik)) {
                // The reason in words, with the NIK masked (the exception carries it masked).
                showProblem(messages.get("pickup.ui.badRepNik", messages.of(new InvalidNikException(Nik.check(nik), nik))), repNik);
                return false;
            }
        }
        Optional<String> number = PassportNumber.normalize(passport.getText());
        if (number.isEmpty()) {
            showProblem(messages.get("pickup.badPassportNumber"), passport);
            return false;
        }
        answer = new Answer(who, name, nik, number.get());
        return true;
    }

    @Override
    protected Component firstField() {
        return passport;
    }
}
