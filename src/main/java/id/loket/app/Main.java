package id.loket.app;

import id.loket.common.i18n.Messages;
import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of {@code loket.jar}: the desk, the demo, and the headless commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LoketCommand root = new LoketCommand(System.out, System.err);
        int code = execute(root, args);
        if (code != 0 || !root.windowOpen()) {
            System.exit(code);
        }
    }

    /** Runs a command line with the given streams; answers the exit code (0 = done, 1 = failed, 2 = usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return execute(new LoketCommand(out, err), args);
    }

    private static int execute(LoketCommand root, String[] args) {
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(root.out(), true));
        cl.setErr(new PrintWriter(root.err(), true));
        UsageErrors.install(cl, root);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Messages messages = root.messages();
            if (e instanceof AccessRefused refused) {
                root.err().println(messages.of(refused));
                return 2;
            }
            if (e instanceof UserFacingException u) {
                root.err().println(messages.of(u));
            } else {
                root.err().println(messages.get("cli.unexpected", e.getClass().getSimpleName()));
                LoggerFactory.getLogger(Main.class).error("Unexpected failure", e);
            }
            return 1;
        });
        return cl.execute(args);
    }
}
