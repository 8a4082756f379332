package io.freecast.catalog.examples.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.cli.CatalogCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code catalog serve --port 0 …} in a child JVM with this test's class path, for what only a real server
 * process shows (signals, scheduled tasks, secrets on its command line): started in {@code dir}, with no
 * {@code CATALOG_*} variable of the test's own environment, its standard output and error read as one, and
 * its address taken from the line where it says where it listens.
 */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("catalog API on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final StringBuffer output;
    private final Thread reader;
    private final URI base;

    private ServeProcess(Process process, StringBuffer output, Thread reader, URI base) {
        this.process = process;
        this.output = output;
        this.reader = reader;
        this.base = base;
    }

    /**
     * Starts {@code serve --port 0} with {@code arguments} and waits (up to 90 s: a loaded machine) until it listens.
     *
     * @param environment the child's {@code CATALOG_*} variables (the test's own are left out)
     */
    public static ServeProcess start(Path dir, Map<String, String> environment, String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), CatalogCli.class.getName(),
                "serve", "--port", "0"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CATALOG_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, listening));
        reader.setDaemon(true);
        reader.start();
        URI base = listening.get(90, TimeUnit.SECONDS);
        if (base == null) {
            process.destroyForcibly();
            throw new AssertionError("serve did not say where it listens: " + output);
        }
        return new ServeProcess(process, output, reader, base);
    }

    /** Keeps every line; completes {@code listening} with the address, or with null when the output ends first. */
    private static void readOutput(Process process, StringBuffer output, CompletableFuture<URI> listening) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            output.append(e);
        }
        listening.complete(null);
    }

    /** {@code http://127.0.0.1:port}, where it listens. */
    public URI base() {
        return base;
    }

    public Process process() {
        return process;
    }

    /** Everything it has written so far, standard output and error together. */
    public String output() {
        return output.toString();
    }

    /** Sends SIGTERM (through the process handle, which leaves the output open to the reader). */
    public void signalTerm() {
        assertThat(process.toHandle().destroy()).as("SIGTERM sent").isTrue();
    }

    /** SIGTERM, then waits until it has stopped (at most a minute) and its last lines have been read. */
    public void terminate() throws InterruptedException {
        signalTerm();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s: %s", output).isTrue();
        reader.join(10_000);
    }

    /** Kills it if it is still running (a test that failed half-way). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
