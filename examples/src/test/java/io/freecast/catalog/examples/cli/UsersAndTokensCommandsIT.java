package io.freecast.catalog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freecast.catalog.Catalog;
import io.freecast.catalog.domain.Actor;
import io.freecast.catalog.domain.Caller;
import io.freecast.catalog.domain.Channel;
import io.freecast.catalog.domain.Scope;
import io.freecast.catalog.examples.testing.LauncherProcess;
import io.freecast.catalog.jdbc.JdbcCatalogStore;
import io.freecast.catalog.port.in.AuthenticationFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code users} and {@code tokens} commands as real processes: a password goes in on standard input and
 * comes out nowhere — not in the process list while the command runs, not on stdout or stderr (logging at
 * DEBUG), not in a {@code --json} report, not in the database file's bytes. A token is printed once, never
 * listed, and refused by the authentication port at once when revoked or expired.
 */
class UsersAndTokensCommandsIT {

    private static final String PASSWORD = "Horse-Battery-Staple-" + Long.toHexString(System.nanoTime());
    private static final Map<String, String> DEBUG_LOGS = Map.of("CATALOG_LOG_LEVEL", "DEBUG");

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @Test
    void aPipedPasswordIsNeverInTheProcessListTheOutputTheJsonOrTheDatabase() throws Exception {
        LauncherProcess add = LauncherProcess.start(dir, DEBUG_LOGS, "users", "add", "alice", "--role", "admin",
                "--db", db(), "--json");
        ProcessListWatch watch = new ProcessListWatch(add.process(), PASSWORD);
        Thread watcher = Thread.ofPlatform().start(watch);
        try (OutputStream stdin = add.process().getOutputStream()) {
            stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        }
        int code = add.waitFor();
        watcher.join();

        assertThat(code).as(add.err()).isZero();
        assertThat(watch.sawTheCommand).as("the process list was read while the command ran").isTrue();
        assertThat(watch.found).as("processes showing the password").isEmpty();
        JsonNode account = new ObjectMapper().readTree(add.out());
        assertThat(account.get("name").asText()).isEqualTo("alice");
        assertThat(account.get("role").asText()).isEqualTo("admin");
        assertThat(add.out() + add.err()).doesNotContain(PASSWORD);

        Run list = run(List.of("users", "list", "--db", db(), "--json"), "");
        Run table = run(List.of("users", "list", "--db", db()), "");
        Run passwd = run(List.of("users", "passwd", "alice", "--db", db(), "--json"), PASSWORD + "-2\n");
        assertThat(list.exitCode()).isZero();
        assertThat(table.out()).containsPattern("alice +admin +yes");
        assertThat(passwd.exitCode()).as(passwd.err()).isZero();
        for (Run run : List.of(list, table, passwd)) {
            assertThat(run.all()).doesNotContain(PASSWORD);
        }
        assertNotInTheDatabaseFile(PASSWORD);
        try (Catalog catalog = catalog(Clock.systemUTC())) {
            assertThat(catalog.authentication().signIn("alice", PASSWORD + "-2", "192.0.2.1", Channel.WEB).scope())
                    .isEqualTo(Scope.ADMIN);
        }
        try (JdbcCatalogStore store = JdbcCatalogStore.open(db())) {
            List<io.freecast.catalog.domain.AuditEntry> entries = store.ports().auditTrail()
                    .list(io.freecast.catalog.domain.AuditQuery.all(null)).items();
            assertThat(entries).extracting(entry -> entry.actor().label() + " " + entry.entity() + "." + entry.field())
                    .contains("operator:" + System.getProperty("user.name") + " account.*",
                            "operator:" + System.getProperty("user.name") + " account.password",
                            "account:alice login.sign_in");
            assertThat(entries.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void tokensCreatePrintsTheTokenOnceAndListNeverShowsIt() throws Exception {
        addAccount("deployer", "editor");

        Run created = run(List.of("tokens", "create", "--user", "deployer", "--name", "ci pipeline", "--scope", "edit",
                "--db", db()), "");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out().lines()).hasSize(1);
        String token = created.out().strip();
        assertThat(token).matches("cat_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown this once").doesNotContain(token);

        Run list = run(List.of("tokens", "list", "--db", db()), "");
        Run listJson = run(List.of("tokens", "list", "--db", db(), "--json"), "");
        assertThat(list.out()).containsPattern("1 +deployer +ci pipeline +edit +active");
        JsonNode listed = new ObjectMapper().readTree(listJson.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("ci pipeline");
        assertThat(listed.get(0).has("token")).isFalse();
        for (Run run : List.of(list, listJson)) {
            assertThat(run.all()).doesNotContain(token).doesNotContain(token.substring(4));
        }
        assertNotInTheDatabaseFile(token);
        assertNotInTheDatabaseFile(token.substring(4));

        Run json = run(List.of("tokens", "create", "--user", "deployer", "--name", "json", "--scope", "read",
                "--expires", "2030-01-01", "--db", db(), "--json"), "");
        JsonNode body = new ObjectMapper().readTree(json.out());
        assertThat(body.get("token").asText()).matches("cat_[A-Za-z0-9_-]{43}");
        assertThat(body.get("expires_at").asText()).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void aRevokedTokenIsRefusedByTheAuthenticationPortAtOnce() throws Exception {
        addAccount("deployer", "editor");
        String token = run(List.of("tokens", "create", "--user", "deployer", "--name", "t", "--scope", "edit",
                "--db", db()), "").out().strip();
        try (Catalog catalog = catalog(Clock.systemUTC())) {
            Caller caller = catalog.authentication().authenticateToken(token, "192.0.2.1", Channel.API);
            assertThat(caller.scope()).isEqualTo(Scope.EDIT);
            long id = caller.actor().id();

            Run revoke = run(List.of("tokens", "revoke", String.valueOf(id), "--db", db()), "");

            assertThat(revoke.exitCode()).as(revoke.err()).isZero();
            assertThat(revoke.out()).isEqualTo("token " + id + " (deployer, t) revoked\n");
            assertThatThrownBy(() -> catalog.authentication().authenticateToken(token, "192.0.2.1", Channel.API))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
            assertThat(run(List.of("tokens", "list", "--db", db()), "").out()).containsPattern("deployer +t +edit +revoked");
        }
    }

    @Test
    void anExpiredTokenOrOneOfADisabledAccountIsRefusedAtOnce() throws Exception {
        addAccount("deployer", "editor");
        String expiring = run(List.of("tokens", "create", "--user", "deployer", "--name", "e", "--scope", "read",
                "--expires", "1h", "--db", db()), "").out().strip();
        String other = run(List.of("tokens", "create", "--user", "deployer", "--name", "o", "--scope", "read",
                "--db", db()), "").out().strip();
        Instant inTwoHours = Instant.now().plus(Duration.ofHours(2));

        try (Catalog later = catalog(Clock.fixed(inTwoHours, ZoneOffset.UTC))) {
            assertThatThrownBy(() -> later.authentication().authenticateToken(expiring, "192.0.2.1", Channel.API))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
            assertThat(later.authentication().authenticateToken(other, "192.0.2.1", Channel.API).scope()).isEqualTo(Scope.READ);

            assertThat(run(List.of("users", "disable", "deployer", "--db", db()), "").exitCode()).isZero();

            assertThatThrownBy(() -> later.authentication().authenticateToken(other, "192.0.2.1", Channel.API))
                    .isExactlyInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void hostileOrMissingPasswordsOnStandardInputAreRefusedInOneLineWithExit2AndChangeNothing() throws Exception {
        addAccount("root", "admin");
        List<Run> refused = new ArrayList<>();
        List<String> addBob = List.of("users", "add", "bob", "--role", "editor", "--db", db());
        refused.add(run(addBob, ""));
        refused.add(run(addBob, "\n"));
        refused.add(run(addBob, "short-pw\n"));
        refused.add(run(addBob, "p".repeat(10_000_000) + "\n"));
        refused.add(runBytes(addBob, new byte[]{'a', 'b', (byte) 0xC3, (byte) 0x28, 'c', 'd', 'e', 'f', 'g', 'h', 'i',
                'j', 'k', '\n'}));
        refused.add(run(addBob, "has\u0007bell-character\n"));
        refused.add(run(List.of("users", "add", "ROOT", "--role", "editor", "--db", db()), PASSWORD + "\n"));
        refused.add(run(List.of("users", "passwd", "ghost", "--db", db()), PASSWORD + "\n"));

        for (Run run : refused) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().filter(line -> line.startsWith("catalog: "))).as(run.err()).hasSize(1);
            assertThat(run.err()).doesNotContain(PASSWORD).doesNotContain("short-pw").doesNotContain("ppppp")
                    .doesNotContain("bell-character");
        }
        assertThat(new ObjectMapper().readTree(run(List.of("users", "list", "--db", db(), "--json"), "").out()))
                .extracting(account -> account.get("name").asText()).containsExactly("root");
    }

    @Test
    void hostileArgumentsAreRefusedInOneLineWithExit2AndChangeNothing() throws Exception {
        addAccount("root", "admin");
        String hugeName = "n".repeat(100_000);
        String[][] commands = {
                {"users", "add", hugeName, "--role", "editor"},
                {"users", "add", "bob\u001b[31m", "--role", "editor"},
                {"users", "add", "bob", "--role", "superuser"},
                {"users", "disable", hugeName},
                {"users", "disable", "root"},
                {"users", "role", "root", "viewer"},
                {"tokens", "create", "--user", "ghost", "--name", "x", "--scope", "read"},
                {"tokens", "create", "--user", "root", "--name", "x\ny", "--scope", "read"},
                {"tokens", "create", "--user", "root", "--name", "x".repeat(101), "--scope", "read"},
                {"tokens", "create", "--user", "root", "--name", "x", "--scope", "all"},
                {"tokens", "create", "--user", "root", "--name", "x", "--scope", "read", "--expires", "2001-01-01"},
                {"tokens", "create", "--user", "root", "--name", "x", "--scope", "read", "--expires", "soon"},
                {"tokens", "create", "--user", "root", "--name", "x", "--scope", "read", "--expires", "-5m"},
                {"tokens", "revoke", "abc"},
                {"tokens", "revoke", "999"},
        };
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--db", db()));
            InProcess run = InProcess.run(args);

            assertThat(run.exitCode()).as(String.join(" ", command).substring(0, Math.min(80, String.join(" ", command)
                    .length())) + "\n" + run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().findFirst().orElseThrow()).isNotBlank();
            assertThat(run.err()).doesNotContain("n".repeat(200)).doesNotContain("\u001b");
        }
        assertThat(new ObjectMapper().readTree(run(List.of("users", "list", "--db", db(), "--json"), "").out()))
                .extracting(account -> account.get("role").asText() + "/" + account.get("enabled").asText())
                .containsExactly("admin/true");
        assertThat(new ObjectMapper().readTree(run(List.of("tokens", "list", "--db", db(), "--json"), "").out())).isEmpty();
    }

    @Test
    void serveRefusesABootstrapTokenUnder16CharactersBeforeStartingAnything() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("CATALOG_ADMIN_TOKEN", "tooShort-123"));
        LauncherProcess serve = LauncherProcess.start(dir, env, "serve", "--db", db(), "--port", "0", "--no-scheduler");

        assertThat(serve.waitFor()).isEqualTo(2);
        assertThat(serve.err().lines().filter(line -> line.startsWith("catalog: ")).toList()).containsExactly(
                "catalog: CATALOG_ADMIN_TOKEN is shorter than 16 characters, too short to be a secret: set a long"
                        + " random value (e.g. openssl rand -hex 32) or unset it; nothing was started");
        assertThat(serve.out() + serve.err()).doesNotContain("tooShort-123");
        assertThat(Files.exists(dir.resolve("catalog.db"))).as("nothing was started, not even the database").isFalse();
    }

    // ---------------------------------------------------------------- helpers

    /** A command run in this JVM: for arguments only, where no password is read. */
    private record InProcess(int exitCode, String out, String err) {
        static InProcess run(List<String> args) {
            picocli.CommandLine cli = CatalogCli.commandLine();
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            cli.setOut(new java.io.PrintWriter(out));
            cli.setErr(new java.io.PrintWriter(err));
            int code = cli.execute(args.toArray(String[]::new));
            return new InProcess(code, out.toString(), err.toString());
        }
    }

    private String db() {
        return dir.resolve("catalog.db").toString();
    }

    private void addAccount(String name, String role) throws Exception {
        Run added = run(List.of("users", "add", name, "--role", role, "--db", db()), PASSWORD + "\n");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    private Run run(List<String> args, String stdin) throws Exception {
        return runBytes(args, stdin.getBytes(StandardCharsets.UTF_8));
    }

    private Run runBytes(List<String> args, byte[] stdin) throws Exception {
        LauncherProcess process = LauncherProcess.start(dir, DEBUG_LOGS, args.toArray(String[]::new));
        try (OutputStream in = process.process().getOutputStream()) {
            in.write(stdin);
        } catch (IOException closedEarly) {
            // The command refused its input before reading all of it (a 10 MB line): that is its answer.
        }
        return new Run(process.waitFor(), process.out(), process.err());
    }

    /** Greps the SQLite file's bytes (and its write-ahead log's) for the secret, as UTF-8 and as UTF-16. */
    private void assertNotInTheDatabaseFile(String secret) throws IOException {
        String bytes = new String(databaseBytes(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("pbkdf2-sha256$600000$");
        for (java.nio.charset.Charset encoding : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE)) {
            assertThat(bytes.contains(new String(secret.getBytes(encoding), StandardCharsets.ISO_8859_1)))
                    .as("the database file holds the secret in " + encoding).isFalse();
        }
    }

    /** The SQLite file and its write-ahead log, as bytes on disk. */
    private byte[] databaseBytes() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("catalog.db")).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    private Catalog catalog(Clock clock) {
        return Catalog.builder().storage(JdbcCatalogStore.open(db())).clock(clock).build();
    }

    /**
     * Reads every process's command line in /proc, over and over, until {@code process} ends: what {@code ps}
     * shows anyone on the machine.
     */
    private static final class ProcessListWatch implements Runnable {
        private final Process process;
        private final String secret;
        volatile boolean sawTheCommand;
        final List<String> found = new java.util.concurrent.CopyOnWriteArrayList<>();

        ProcessListWatch(Process process, String secret) {
            this.process = process;
            this.secret = secret;
        }

        @Override
        public void run() {
            String pid = String.valueOf(process.pid());
            while (process.isAlive()) {
                try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                    for (Path entry : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                        String commandLine;
                        try {
                            commandLine = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
                        } catch (IOException gone) {
                            continue;
                        }
                        if (entry.getFileName().toString().equals(pid) && commandLine.contains("users")) {
                            sawTheCommand = true;
                        }
                        if (commandLine.contains(secret)) {
                            found.add(entry.getFileName() + ": " + commandLine.replace('\0', ' '));
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
