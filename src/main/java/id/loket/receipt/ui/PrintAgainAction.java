package id.loket.receipt.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.verification.ui.CaseDesk;
import id.loket.verification.ui.CaseStep;
import id.loket.verification.ui.CaseView;
import java.util.Optional;

/**
 * The paper of the case's present state again, in the print preview (Ctrl+Shift+P). A receipt
 * already given to the applicant comes marked SALINAN and is counted as a reprint only once the
 * printer took it or it was saved; one never given yet (its first print failed or was closed)
 * is still the original.
 */
public final class PrintAgainAction extends CaseStep {

    public PrintAgainAction(Messages messages, Key key, CaseDesk desk) {
        super(messages, key, desk);
    }

    @Override
    protected void perform(CaseFile c) {
        Optional<CaseView.Paper> paper = desk.view().flatMap(CaseView::paper);
        if (paper.isEmpty()) {
            return;
        }
        desk.print(c, paper.get(), paper.get() == CaseView.Paper.RECEIPT);
    }
}
