package id.loket.testing;

import id.loket.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM as a user would, catching what it prints and how it ends. */
public final class Cli {

    /** What one command printed and how it ended. */
    public record Run(int code, String out, String err) {
    }

    private Cli() {
    }

    /** The options that sign {@code user} in (an account with {@link TestSessions#PASSWORD}), through a password file. */
    public static java.util.List<String> signIn(String user) {
        return java.util.List.of("--user", user, "--password-file", passwordFile().toString());
    }

    private static java.nio.file.Path passwordFile;

    private static synchronized java.nio.file.Path passwordFile() {
        if (passwordFile == null) {
            try {
                passwordFile = java.nio.file.Files.createTempFile("loket-test-password-", ".txt");
                java.nio.file.Files.writeString(passwordFile, TestSessions.PASSWORD + "\n");
                passwordFile.toFile().deleteOnExit();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return passwordFile;
    }

    public static Run loket(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
