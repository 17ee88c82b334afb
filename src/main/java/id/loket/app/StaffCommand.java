package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket staff add}: creates a staff account. The password is read, never given on the command line. */
@Command(name = "staff", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
        subcommands = StaffCommand.Add.class)
final class StaffCommand {

    @ParentCommand
    LoketCommand root;

    /** {@code loket staff add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account. The password is asked for (or read from the first line of standard input).")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        StaffCommand staff;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--name", required = true, description = "Full name as it appears on documents.")
        String fullName;

        @Option(names = "--role", required = true, description = "COUNTER, SUPERVISOR or ADMIN.")
        Role role;

        @Override
        public Integer call() throws IOException {
            LoketCommand root = staff.root;
            char[] password = readPassword(root);
            Logging.toFolder(root.dataDir());
            try (AppContext app = root.open(Clock.systemDefaultZone(), root.messages())) {
                app.auth().createAccount(username, fullName, role, password);
                root.out().println(root.messages().get("staff.created", username, root.messages().get("role." + role.name())));
                return 0;
            }
        }

        static char[] readPassword(LoketCommand root) throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] p = console.readPassword("%s", root.messages().get("staff.passwordPrompt"));
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
}
