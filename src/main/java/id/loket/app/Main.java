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

    /**
     * Whether the line holds nothing but the shared options and their values (the desk: the
     * most common start). Then the subcommands are not built at all: reading their seventeen
     * classes' annotations costs a sixth of a second of the desk's start. Anything else (a
     * command, help, a typo) gets all of them, so usage errors and {@code --help} are as ever.
     */
    static boolean onlySharedOptions(CommandLine cl, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            picocli.CommandLine.Model.OptionSpec option = arg.startsWith("--")
                    ? cl.getCommandSpec().findOption(eq > 0 ? arg.substring(0, eq) : arg) : null;
            if (option == null || option.usageHelp() || option.versionHelp()) {
                return false;
            }
            if (eq < 0 && option.arity().max() > 0) {
                i++;
            }
        }
        return true;
    }

    private static int execute(LoketCommand root, String[] args) {
        CommandLine cl = new CommandLine(root);
        if (!onlySharedOptions(cl, args)) {
            LoketCommand.SUBCOMMANDS.forEach(cl::addSubcommand);
        }
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
