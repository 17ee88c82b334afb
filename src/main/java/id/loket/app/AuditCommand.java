package id.loket.app;

import id.loket.audit.model.AuditReport;
import id.loket.common.i18n.Messages;
import java.time.Clock;
import java.util.concurrent.Callable;
import id.loket.staff.model.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code loket audit}: the audit trail's hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit trail's hash chain.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @ParentCommand
    LoketCommand root;

    /** The verdict in words: one line, and a second one when the end was recovered from the head's pending list. */
    static String describe(AuditReport r, Messages m) {
        String key = "audit.verify." + r.outcome().name() + (r.at() != 0 && r.at() == r.to() ? ".one" : "")
                + (r.rowId() != 0 ? ".row" : "");
        if (!m.has(key)) {
            key = "audit.verify." + r.outcome().name();
        }
        String line = m.get(key, Long.toString(r.entries()), Long.toString(r.at()), Long.toString(r.to()),
                r.head() == null ? "-" : Long.toString(r.head().seq()), Long.toString(r.rowId()), Long.toString(r.recovered()),
                Long.toString(r.to() - r.at() + 1));
        return r.recovered() > 0 ? line + System.lineSeparator() + m.get("audit.verify.recovered", Long.toString(r.recovered())) : line;
    }

    /** {@code loket audit verify}: exit 0 if the chain and its head hold, 1 naming the first entry that does not. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the whole audit chain and its signed head (audit.head in the data folder).",
                    "Exit 0 and \"intact: N entries\", or exit 1 naming the first entry that was changed, removed, inserted or cut off at the end."})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Mixin
        SignIn signIn;

        @Override
        public Integer call() {
            LoketCommand root = audit.root;
            Logging.toFolder(root.dataDir());
            try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
                AuditReport report = app.auditVerifier().verify(signIn.session(app, Permission.VERIFY_AUDIT));
                root.out().println(describe(report, root.messages()));
                root.out().flush();
                return report.intact() ? 0 : 1;
            }
        }
    }
}
