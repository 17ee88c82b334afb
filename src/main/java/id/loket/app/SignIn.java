package id.loket.app;

import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.service.AuthService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a command signs in, as the desk does: {@code --user NAME}, the password from the console
 * or from the first line of {@code --password-file FILE} (for scripts). A data folder being set
 * up (no account yet) needs no login, nor does a training folder; everywhere else a command
 * that changes data or shows personal data is refused without it (exit code 2).
 */
final class SignIn {

    @Option(names = "--user", paramLabel = "NAME", description = "Sign in as this staff member (the password is asked for, or read from --password-file).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE (for scripts; keep it mode 600).")
    Path passwordFile;

    /**
     * A session for {@code needed}: the signed-in person's; on a folder being set up, the setup
     * session; on a training folder, a training session with a role that may do it.
     */
    Session session(AppContext app, Permission needed) {
        AuthService auth = app.auth();
        if (auth.isTraining() && user == null) {
            Role role = needed.roles().isEmpty() ? Role.ADMIN : needed.roles().iterator().next();
            return auth.trainingSession("latihan", role, null);
        }
        if (!auth.hasAccounts() && user == null) {
            return auth.setupSession();
        }
        if (user == null || user.isBlank()) {
            throw new AccessRefused("cli.needUser");
        }
        return auth.login(user, password(app), null);
    }

    private char[] password(AppContext app) {
        if (passwordFile != null) {
            try (BufferedReader r = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                String line = r.readLine();
                if (line == null || line.isEmpty()) {
                    throw new AccessRefused("cli.emptyPasswordFile", passwordFile);
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UserFacingException(e, "cli.cannotReadPasswordFile", passwordFile, e.getClass().getSimpleName());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new AccessRefused("cli.noConsole");
        }
        char[] p = console.readPassword("%s", app.messages().get("staff.passwordPrompt"));
        if (p == null) {
            throw new AccessRefused("staff.noPassword");
        }
        return p;
    }
}
