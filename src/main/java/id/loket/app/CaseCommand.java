package id.loket.app;

import id.loket.casefile.model.CaseFile;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket case}: a supervisor's steps on one case that the counters cannot take themselves. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "A supervisor's steps on one case.",
        subcommands = {CaseCommand.Release.class})
final class CaseCommand {

    @ParentCommand
    LoketCommand root;

    /**
     * {@code loket case release --case REF --user supervisor [--reason TEXT]}: lets go of a case held
     * by a counter whose desk stopped; the state stays and the next step by any counter takes it.
     */
    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Release a case held by a counter whose desk stopped (supervisors): the counter is cleared, the case "
                    + "keeps its state and what was done, and whichever counter takes its next step holds it from then on. Audited."})
    static final class Release implements Callable<Integer>, CheckedOptions {

        @ParentCommand
        CaseCommand parent;

        @Mixin
        SignIn signIn;

        @Option(names = "--case", paramLabel = "REF", description = "The case: its reference (appointment id or walk-in reference).")
        String caseRef;

        @Option(names = "--reason", paramLabel = "TEXT", description = "What happened to the counter's desk (kept in the audit trail).")
        String reason;

        @Override
        public void checkOptions() {
            if (caseRef == null || caseRef.isBlank()) {
                throw new UserFacingException("cli.case.missingCase");
            }
        }

        @Override
        public Integer call() {
            LoketCommand root = parent.root;
            Logging.toFolder(root.dataDir());
            try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
                Session supervisor = signIn.session(app, Permission.RELEASE_CASE);
                String counter = app.cases().find(supervisor, caseRef.strip()).map(CaseFile::counter).orElse("-");
                CaseFile c = app.release(Clock.systemDefaultZone()).release(caseRef.strip(), supervisor, reason);
                root.out().println(root.messages().get("release.done", c.caseRef(), c.queueNumber().toString(),
                        counter == null ? "-" : counter, root.messages().name(c.status())));
                root.out().flush();
                return 0;
            }
        }
    }
}
