package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The desk's start builds no subcommand (it saves a sixth of a second): only a line of shared
 * options and their values counts as the desk; anything that may name a command gets them all.
 */
class SharedOptionsOnlyTest {

    private static boolean deskOnly(String line) {
        CommandLine cl = new CommandLine(new LoketCommand(System.out, System.err));
        return Main.onlySharedOptions(cl, line.isEmpty() ? new String[0] : line.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--data /tmp/x", "--data=/tmp/x --lang en", "--lang en --db jdbc:postgresql://s/loket --db-user loket",
        "--data demo", "--office sync --data holidays"})
    void aLineOfSharedOptionsIsTheDesk(String line) {
        assertThat(deskOnly(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "--data /tmp/x demo", "--help", "-h", "--version", "sycn", "--data /tmp/x sync --date 2026-12-07",
        "--nonsense", "-x"})
    void anythingElseGetsEveryCommand(String line) {
        assertThat(deskOnly(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "--data /tmp/x --help"})
    void theHelpStillListsEveryCommand(String line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(line.split(" "), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (Class<?> c : LoketCommand.SUBCOMMANDS) {
            assertThat(help).contains(c.getAnnotation(CommandLine.Command.class).name());
        }
    }
}
