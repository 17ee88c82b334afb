package id.loket.receipt.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.casefile.service.CaseQueries;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.receipt.service.ReceiptService;
import id.loket.verification.ui.CaseDesk;
import id.loket.verification.ui.CaseStep;
import id.loket.verification.ui.CaseView;

/** Issues the receipt of the approved case (Ctrl+P), then its print preview. */
public final class IssueReceiptAction extends CaseStep {

    private final ReceiptService receipts;
    private final CaseQueries cases;

    public IssueReceiptAction(Messages messages, Key key, CaseDesk desk, ReceiptService receipts, CaseQueries cases) {
        super(messages, key, desk);
        this.receipts = receipts;
        this.cases = cases;
    }

    @Override
    protected void perform(CaseFile c) {
        desk.act(actor -> {
            receipts.issue(c.caseRef(), actor);
            return cases.find(actor, c.caseRef()).orElseThrow(() -> new UserFacingException("case.unknown", c.caseRef()));
        }, issued -> desk.print(issued, CaseView.Paper.RECEIPT, false), e -> { });
    }
}
