package id.loket.app;

import id.loket.central.CentralClient;
import id.loket.common.model.UserFacingException;
import java.time.Clock;
import java.util.Optional;

/** {@code loket} with no subcommand: the desk against a real central, as configured. */
final class DeskLauncher {

    private final LoketCommand root;

    DeskLauncher(LoketCommand root) {
        this.root = root;
    }

    int launch() {
        Logging.toFolder(root.dataDir());
        AppContext app = root.open(Clock.systemDefaultZone(), root.messages());
        try {
            SyncCommand.CentralTarget target = SyncCommand.CentralTarget.forFolder(root, app);
            if (!app.auth().hasAccounts()) {
                throw new UserFacingException("staff.none", root.dataDir());
            }
            Desk.open(app, new CentralClient(target.config()), target.office(), Optional.empty(), root.language, () -> System.exit(0));
            root.windowOpened();
            return 0;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }
}
