package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.repo.StaffRepository;
import id.loket.staff.service.AuthService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket staff}: the accounts. Only an administrator manages them (signed in with
 * {@code --user}); on a data folder without any account, {@code staff add} without a login may
 * create the first account, which must be an ADMIN.
 */
@Command(name = "staff", mixinStandardHelpOptions = true, description = "Manage staff accounts (administrators only).",
        subcommands = {StaffCommand.Add.class, StaffCommand.ListAccounts.class, StaffCommand.ChangeRole.class, StaffCommand.Deactivate.class,
                StaffCommand.Unlock.class})
final class StaffCommand {

    @ParentCommand
    LoketCommand root;

    /** Opens the folder, signs in as an administrator and does {@code work}. */
    int asAdmin(SignIn signIn, AdminWork work) throws IOException {
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
            Session session = signIn.session(app, Permission.MANAGE_STAFF);
            try {
                return work.run(app, session);
            } finally {
                app.auth().logout(session);
            }
        }
    }

    @FunctionalInterface
    interface AdminWork {
        int run(AppContext app, Session session) throws IOException;
    }

    /** {@code loket staff add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account. Its password is asked for (or read from the first line of standard input).")
    static final class Add implements Callable<Integer>, CheckedOptions {

        @ParentCommand
        StaffCommand staff;

        @Mixin
        SignIn signIn;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--name", required = true, description = "Full name as it appears on documents.")
        String fullName;

        @Option(names = "--role", required = true, description = "COUNTER, SUPERVISOR or ADMIN.")
        Role role;

        @Override
        public void checkOptions() {
            if (!AuthService.validUsername(username)) {
                throw new UserFacingException("staff.badUsername", username.strip());
            }
            if (fullName.isBlank()) {
                throw new UserFacingException("staff.blankName");
            }
        }

        @Override
        public Integer call() throws IOException {
            LoketCommand root = staff.root;
            return staff.asAdmin(signIn, (app, session) -> {
                app.auth().createAccount(session, username, fullName, role, readPassword(root));
                root.out().println(root.messages().get("staff.created", username, root.messages().get("role." + role.name())));
                return 0;
            });
        }

        static char[] readPassword(LoketCommand root) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] p = console.readPassword("%s", root.messages().get("staff.newPasswordPrompt"));
                if (p != null) {
                    return p;
                }
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new UserFacingException("staff.noPassword");
            }
            return line.toCharArray();
        }
    }

    /** {@code loket staff list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts, their roles and whether they are active or locked.")
    static final class ListAccounts implements Callable<Integer> {
        @ParentCommand
        StaffCommand staff;

        @Mixin
        SignIn signIn;

        @Override
        public Integer call() throws IOException {
            LoketCommand root = staff.root;
            return staff.asAdmin(signIn, (app, session) -> {
                for (StaffRepository.Account a : app.auth().accounts(session)) {
                    String state = !a.active() ? root.messages().get("staff.state.inactive")
                            : a.lockedUntil() != null && a.lockedUntil().isAfter(java.time.OffsetDateTime.now())
                            ? root.messages().get("staff.state.locked", a.lockedUntil().toString()) : root.messages().get("staff.state.active");
                    root.out().println(a.staff().username() + "  " + root.messages().get("role." + a.staff().role().name()) + "  " + state
                            + "  " + a.staff().fullName());
                }
                return 0;
            });
        }
    }

    /** {@code loket staff role}. */
    @Command(name = "role", mixinStandardHelpOptions = true, description = "Give an account another role.")
    static final class ChangeRole implements Callable<Integer> {
        @ParentCommand
        StaffCommand staff;

        @Mixin
        SignIn signIn;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--role", required = true, description = "COUNTER, SUPERVISOR or ADMIN.")
        Role role;

        @Override
        public Integer call() throws IOException {
            LoketCommand root = staff.root;
            return staff.asAdmin(signIn, (app, session) -> {
                app.auth().changeRole(session, username, role);
                root.out().println(root.messages().get("staff.roleChanged", username, root.messages().get("role." + role.name())));
                return 0;
            });
        }
    }

    /** {@code loket staff deactivate}. */
    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate an account: it can no longer sign in.")
    static final class Deactivate implements Callable<Integer> {
        @ParentCommand
        StaffCommand staff;

        @Mixin
        SignIn signIn;

        @Option(names = "--username", required = true)
        String username;

        @Override
        public Integer call() throws IOException {
            LoketCommand root = staff.root;
            return staff.asAdmin(signIn, (app, session) -> {
                app.auth().deactivate(session, username);
                root.out().println(root.messages().get("staff.deactivated", username));
                return 0;
            });
        }
    }

    /** {@code loket staff unlock}. */
    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Unlock an account locked after wrong passwords.")
    static final class Unlock implements Callable<Integer> {
        @ParentCommand
        StaffCommand staff;

        @Mixin
        SignIn signIn;

        @Option(names = "--username", required = true)
        String username;

        @Override
        public Integer call() throws IOException {
            LoketCommand root = staff.root;
            return staff.asAdmin(signIn, (app, session) -> {
                app.auth().unlockAccount(session, username);
                root.out().println(root.messages().get("staff.unlocked", username));
                return 0;
            });
        }
    }
}
