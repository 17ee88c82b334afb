package id.loket.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code loket} in a separate JVM (the test's own class path), as a second process would. */
public final class ChildJvm {

    /** What a finished child printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
    }

    private ChildJvm() {
    }

    public static Process start(Path workDir, String... args) throws IOException {
        return start(workDir, List.of(), args);
    }

    /** The same with options for the JVM itself (system properties). */
    public static Process start(Path workDir, List<String> jvmOptions, String... args) throws IOException {
        return start(workDir, jvmOptions, java.util.Map.of(), args);
    }

    /** The same with variables set in the child's environment (a {@code DISPLAY} of its own). */
    public static Process start(Path workDir, List<String> jvmOptions, java.util.Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("id.loket.app.Main");
        command.addAll(List.of(args));
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder
                .redirectOutput(workDir.resolve("out.txt").toFile())
                .redirectError(workDir.resolve("err.txt").toFile())
                .start();
    }

    public static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Process p = start(workDir, args);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish: " + String.join(" ", args));
        }
        return new Result(p.exitValue(), read(workDir.resolve("out.txt").toFile()), read(workDir.resolve("err.txt").toFile()));
    }

    private static String read(File f) throws IOException {
        return Files.readString(f.toPath(), StandardCharsets.UTF_8);
    }
}
