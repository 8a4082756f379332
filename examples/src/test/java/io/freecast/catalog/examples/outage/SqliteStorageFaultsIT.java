package io.freecast.catalog.examples.outage;

import static org.assertj.core.api.Assertions.assertThat;

import io.freecast.catalog.examples.outage.ServeUnderLoad.Sample;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog serve} on SQLite while its storage changes under it, under loopback load. The disk filling
 * up (a small tmpfs; needs root, skipped with the reason otherwise): reads go on, a write that cannot be
 * done is answered 503 with {@code Retry-After}, at once, without a trace in the log, and writes work again
 * by themselves once there is room. The database's directory moved away: SQLite keeps the files it opened,
 * so nothing changes for the running server (reads and writes go on, into the moved file).
 *
 * <p>A file made unreadable ({@code chmod 000}) is not among them: it changes nothing for connections
 * already open (and nothing at all for root, as tests run in CI), only for a server starting on it, which
 * refuses to start with one line naming {@code --db}.
 */
class SqliteStorageFaultsIT {

    /** "At once" rather than after the pool's 10 s, with room for a shared two-core machine under load. */
    private static final Duration ANSWERED = Duration.ofSeconds(3);
    private static final List<String> READS = List.of("/metrics", "/movies/", "/docs", "/movies/1", "/openapi.json",
            "/shows/", "/health");

    @TempDir
    Path dir;

    @Test
    void aFullDiskRefusesWritesWith503WhileReadsGoOnAndWritesWorkAgainOnceThereIsRoom() throws Exception {
        Path mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        mountSmallTmpfs(mount);
        try {
            try (ServeUnderLoad serve = ServeUnderLoad.start(dir, mount.resolve("catalog.db").toString())) {
                assertThat(serve.postJson("/movies/", "{\"title\":\"Before the disk filled\"}").status()).isEqualTo(201);
                serve.warmUp(READS);
                Path filler = mount.resolve("filler");

                serve.startLoad(16, READS);
                fill(filler);
                List<Sample> writes = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    writes.add(serve.postJson("/movies/", "{\"title\":\"On a full disk " + i + "\"}"));
                }
                Thread.sleep(1_000);
                Files.delete(filler);
                Sample afterwards = serve.await("/movies/", s -> true, Duration.ofSeconds(1));
                Sample written = awaitWrite(serve, "{\"title\":\"After the disk had room again\"}");
                serve.stopLoad();
                String log = serve.log();
                System.out.println("serve's log:\n" + log);

                assertThat(writes).as("writes on a full disk: 503 with Retry-After, at once").allSatisfy(s -> {
                    assertThat(s.status()).as(s.toString()).isEqualTo(503);
                    assertThat(s.retryAfter()).as(s.toString()).matches("[1-9][0-9]*");
                    assertThat(s.contentType()).startsWith("application/problem+json");
                    assertThat(s.body()).contains("disk full");
                    assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
                });
                assertThat(serve.samples(s -> READS.contains(s.path()) && s.method().equals("GET")))
                        .as("reads and no-database routes answer all along").hasSizeGreaterThan(50)
                        .allSatisfy(s -> {
                            assertThat(s.status()).as(s.toString()).isIn(200, 404);
                            assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
                        });
                assertThat(afterwards.status()).isEqualTo(200);
                assertThat(written).as("a write works again by itself once there is room").isNotNull();
                OutageLog.assertNoStackTrace(log);
                assertThat(log).as("a full disk is no outage: reads go on").doesNotContain("database unavailable:");
            }
        } finally {
            unmount(mount);
        }
    }

    @Test
    void aDatabaseDirectoryMovedAwayChangesNothingForTheRunningServer() throws Exception {
        Path home = dir.resolve("data");
        Path elsewhere = dir.resolve("moved-away");
        Files.createDirectories(home);
        try (ServeUnderLoad serve = ServeUnderLoad.start(dir, home.resolve("catalog.db").toString())) {
            assertThat(serve.postJson("/movies/", "{\"title\":\"Before the move\"}").status()).isEqualTo(201);
            serve.warmUp(READS);

            serve.startLoad(16, READS);
            Files.move(home, elsewhere);
            List<Sample> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                writes.add(serve.postJson("/movies/", "{\"title\":\"While it was away " + i + "\"}"));
            }
            Thread.sleep(1_000);
            serve.stopLoad();
            Files.move(elsewhere, home);
            String log = serve.log();

            // SQLite keeps the files it opened: reads and writes go on, into the file where it now is.
            assertThat(writes).allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(201));
            assertThat(serve.samples(s -> READS.contains(s.path()) && s.method().equals("GET")))
                    .hasSizeGreaterThan(50)
                    .allSatisfy(s -> {
                        assertThat(s.status()).as(s.toString()).isIn(200, 404);
                        assertThat(s.took()).as(s.toString()).isLessThan(ANSWERED);
                    });
            OutageLog.assertNoStackTrace(log);
        }
    }

    private static Sample awaitWrite(ServeUnderLoad serve, String json) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() - deadline < 0) {
            Sample sample = serve.postJson("/movies/", json);
            if (sample.status() == 201) {
                return sample;
            }
            Thread.sleep(200);
        }
        return null;
    }

    /** Writes {@code file} until the disk is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("space")) {
                throw full;
            }
        }
    }

    private static void mountSmallTmpfs(Path mount) throws Exception {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Assumptions.assumeTrue(Integer.valueOf(0).equals(uid), "the disk-full test is skipped: it mounts a small tmpfs, "
                + "which needs root (running as uid " + uid + ")");
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String said = new String(mounting.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeTrue(mounting.waitFor(30, TimeUnit.SECONDS) && mounting.exitValue() == 0,
                "the disk-full test is skipped: mounting a 16 MB tmpfs on " + mount + " failed (" + said + ")");
    }

    private static void unmount(Path mount) throws Exception {
        Process unmounting = new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start();
        if (!unmounting.waitFor(30, TimeUnit.SECONDS) || unmounting.exitValue() != 0) {
            // Still busy (a process that did not exit yet): detach it now, it goes when the last user does.
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
