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
        // The sign-in window first; the database opens behind it.
        Desk.start(root.dataDir(), root.language, Desk.Foreknown.NOTHING, () -> {
            AppContext app = root.openToStay(Clock.systemDefaultZone(), root.messages());
            try {
                SyncCommand.CentralTarget target = SyncCommand.CentralTarget.forFolder(root, app);
                if (!app.auth().hasAccounts()) {
                    throw new UserFacingException("staff.none", root.dataDir());
                }
                return new Desk.Workplace(app, new CentralClient(target.config()), target.office(), Optional.empty());
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
        }, root.err(), System::exit);
        root.windowOpened();
        return 0;
    }
}
