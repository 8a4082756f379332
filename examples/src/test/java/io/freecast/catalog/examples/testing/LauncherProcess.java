package io.freecast.catalog.examples.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's {@code main} in a child JVM with this test's class path: for what only a real process
 * shows (being killed, environment variables). Output goes to files in {@code dir}.
 */
public final class LauncherProcess {

    private final Process process;
    private final Path out;
    private final Path err;

    private LauncherProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    public static LauncherProcess start(Path dir, Map<String, String> environment, String... args) throws IOException {
        return start(dir, environment, List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "io.freecast.catalog.examples.cli.CatalogCli"), args);
    }

    /**
     * {@code java -jar target/catalog.jar …}, the packaged launcher as an operator runs it (Failsafe runs
     * after {@code package}, from the module's directory).
     */
    public static LauncherProcess startJar(Path dir, Map<String, String> environment, String... args) throws IOException {
        Path jar = Path.of("target", "catalog.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new AssertionError("the packaged launcher " + jar + " is missing (run after `package`)");
        }
        return start(dir, environment, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()), args);
    }

    private static LauncherProcess start(Path dir, Map<String, String> environment, List<String> launcher,
                                         String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "launcher", ".out");
        Path err = Files.createTempFile(dir, "launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CATALOG_"));
        builder.environment().putAll(environment);
        return new LauncherProcess(builder.start(), out, err);
    }

    public Process process() {
        return process;
    }

    /** Waits for the exit code (at most two minutes). */
    public int waitFor() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish in two minutes");
        }
        return process.exitValue();
    }

    public String out() throws IOException {
        return Files.readString(out);
    }

    public String err() throws IOException {
        return Files.readString(err);
    }
}
