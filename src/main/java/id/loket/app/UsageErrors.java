package id.loket.app;

import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Wrong usage, said in one line: an unknown option, a missing one, a value of the wrong form
 * (picocli finds these) or out of range (the commands' {@link CheckedOptions} find these) is
 * printed as one sentence in the user's language, with exit code 2, instead of picocli's usage
 * block; where the sentence cannot say what is accepted, it names the {@code --help} to read.
 * Values typed are echoed cut short, never a whole line of pasted text.
 */
final class UsageErrors {

    /** Echoed values are cut here. */
    private static final int ECHO_MAX = 60;

    private UsageErrors() {
    }

    static void install(CommandLine cl, LoketCommand root) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parseResult -> {
            checkOptions(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            Messages m = ex instanceof Refused ? root.messages() : Messages.forLanguage(language(args));
            root.err().println(describe(ex, m));
            root.err().flush();
            return 2;
        });
    }

    /** A value a command refused in {@link CheckedOptions#checkOptions()}. */
    static final class Refused extends ParameterException {
        private static final long serialVersionUID = 1L;
        private final transient UserFacingException refusal;

        Refused(CommandLine commandLine, UserFacingException refusal) {
            super(commandLine, refusal.getMessage(), refusal);
            this.refusal = refusal;
        }
    }

    /** Runs the checks of every command on the line, outermost first, unless help was asked for. */
    static void checkOptions(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) {
                return;
            }
        }
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            CommandSpec spec = pr.commandSpec();
            List<Object> checked = new ArrayList<>();
            checked.add(spec.userObject());
            spec.mixins().values().forEach(mixin -> checked.add(mixin.userObject()));
            for (Object o : checked) {
                if (o instanceof CheckedOptions c) {
                    try {
                        c.checkOptions();
                    } catch (UserFacingException e) {
                        throw new Refused(spec.commandLine(), e);
                    }
                }
            }
        }
    }

    /** The one line that says what is wrong. */
    static String describe(ParameterException ex, Messages m) {
        String command = ex.getCommandLine() == null ? "loket" : ex.getCommandLine().getCommandSpec().qualifiedName();
        if (ex instanceof Refused r) {
            return m.of(r.refusal);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            String first = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                int eq = first.indexOf('=');
                return m.get("cli.usage.unknownOption", echo(eq > 0 ? first.substring(0, eq) : first), command);
            }
            return m.get("cli.usage.unexpected", echo(first), command);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return m.get("cli.usage.twice", name(o.getOverwritten()));
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            String message = String.valueOf(ex.getMessage());
            if (message.contains("parameter for option") && !missing.getMissing().isEmpty()) {
                // "Missing required parameter for option" or "Expected parameter for option ... but found": the value is missing.
                ArgSpec option = missing.getMissing().get(0);
                return m.get("cli.usage.noValue", name(option), option.paramLabel());
            }
            String names = missing.getMissing().stream().map(UsageErrors::name).collect(Collectors.joining(", "));
            return m.get("cli.usage.missing", names, command);
        }
        if (String.valueOf(ex.getMessage()).startsWith("Missing required subcommand") && ex.getCommandLine() != null) {
            return m.get("cli.usage.subcommand", command, String.join(", ", ex.getCommandLine().getSubcommands().keySet()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return m.get("cli.usage.badValue", name(ex.getArgSpec()), echo(ex.getValue()), expected(ex.getArgSpec(), m));
        }
        return m.get("cli.usage.other", command, echo(String.valueOf(ex.getMessage()).lines().findFirst().orElse("")));
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }

    private static String expected(ArgSpec spec, Messages m) {
        Class<?> type = spec.type();
        if (type.isEnum()) {
            return m.get("cli.expect.oneOf", Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return m.get("cli.expect.wholeNumber");
        }
        if (type == double.class || type == Double.class) {
            return m.get("cli.expect.number");
        }
        if (type == LocalDate.class) {
            return m.get("cli.expect.date");
        }
        if (type == LocalTime.class) {
            return m.get("cli.expect.time");
        }
        if (type == Path.class) {
            return m.get("cli.expect.path");
        }
        if (Map.class.isAssignableFrom(type)) {
            return m.get("cli.expect.keyValue");
        }
        return m.get("cli.expect.label", spec.paramLabel());
    }

    /** The language asked for with --lang, read from the raw arguments (the line could not be parsed). */
    static String language(String[] args) {
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        return lang;
    }

    private static String echo(String value) {
        String s = value.replaceAll("\\p{Cntrl}", "?");
        return s.length() > ECHO_MAX ? s.substring(0, ECHO_MAX) + "…" : s;
    }
}
