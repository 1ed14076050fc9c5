package dev.veil.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a fresh cluster made by {@code initdb} in a temporary
 * folder and started by {@code pg_ctl} on a free loopback port, password authentication only.
 * Debian's {@code postgresql} package puts the binaries in {@code /usr/lib/postgresql/<ver>/bin};
 * elsewhere they are found on the PATH. PostgreSQL refuses to run as root, so as root (CI) the
 * server runs as the {@code postgres} system user (else {@code nobody}) through {@code setpriv}.
 * Where PostgreSQL is missing, tests are skipped, unless {@code VEIL_REQUIRE_ALL_TOOLS=1}.
 */
public final class PostgresServer implements AutoCloseable {
    /** The superuser the tests connect as, and its password. */
    public static final String USER = "veil";
    public static final String PASSWORD = "s3cret-Pg-pass";
    // A safety net against a hung tool, not a measurement.
    private static final long PATIENCE_SECONDS = 120;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path folder;
    private final List<String> asUser;
    private final int port;

    private PostgresServer(Path bin, Path folder, List<String> asUser, int port) {
        this.bin = bin;
        this.folder = folder;
        this.asUser = asUser;
        this.port = port;
    }

    /** Starts a server, or skips the calling test (fails it under VEIL_REQUIRE_ALL_TOOLS=1) without PostgreSQL. */
    public static PostgresServer start() {
        Optional<Path> bin = binaries();
        String problem = "PostgreSQL (initdb, pg_ctl) is not installed (Debian: apt-get install postgresql)";
        if ("1".equals(System.getenv("VEIL_REQUIRE_ALL_TOOLS"))) {
            assertThat(bin).as(problem + " (VEIL_REQUIRE_ALL_TOOLS=1 makes this a failure)").isPresent();
        }
        assumeTrue(bin.isPresent(), problem + "; skipping (install it to run this test)");
        try {
            Path folder = Files.createTempDirectory("veil-pg");
            List<String> asUser = runAs(folder);
            Path pwfile = folder.resolve("pw");
            Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
            own(folder, asUser);
            run(bin.get(), asUser, folder, "initdb", "-D", folder.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + pwfile, "--auth=scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C");
            Files.delete(pwfile);
            for (int attempt = 0; ; attempt++) {
                int port = freePort();
                PostgresServer server = new PostgresServer(bin.get(), folder, asUser, port);
                try {
                    server.pgCtl("start", "-w", "-t", "60", "-l", folder.resolve("log").toString(), "-o",
                            "-p " + port + " -c listen_addresses=127.0.0.1 -k " + folder + " -c fsync=off "
                                    + "-c max_connections=60");
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly));
                    return server;
                } catch (IllegalStateException e) {
                    if (attempt >= 2) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** A new empty database's workspace URL (no password in it: it is {@link #PASSWORD}, for PGPASSWORD). */
    public String newDatabase() {
        String name = "veil_test_" + DATABASES.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** The workspace URL of database {@code name}. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER;
    }

    /** A superuser connection to database {@code name}, as an administrator would open one. */
    public Connection connect(String name) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url(name), p);
    }

    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (!Files.isDirectory(folder.resolve("data"))) {
            return;
        }
        try {
            pgCtl("stop", "-m", "immediate", "-w");
        } catch (RuntimeException e) {
            // Already stopped.
        }
        deleteQuietly(folder);
    }

    private void pgCtl(String... args) {
        List<String> all = new ArrayList<>(List.of("-D", folder.resolve("data").toString()));
        all.addAll(List.of(args));
        run(bin, asUser, folder, "pg_ctl", all.toArray(String[]::new));
    }

    private static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> debian = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
            if (debian.isPresent()) {
                return debian;
            }
        } catch (IOException e) {
            // Not Debian's layout; try the PATH.
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(p -> !p.isEmpty()).map(Path::of)
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                .findFirst();
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // PostgreSQL will not run as root: then it runs as a system user that owns its folder.
    private static List<String> runAs(Path folder) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = userExists("postgres") ? "postgres" : "nobody";
        return List.of("setpriv", "--reuid=" + user, "--regid=" + groupOf(user), "--clear-groups", "--");
    }

    private static boolean userExists(String user) {
        try {
            folderLookup().lookupPrincipalByName(user);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String groupOf(String user) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(user)) {
                return f[3];
            }
        }
        throw new IOException("no user " + user + " in /etc/passwd");
    }

    private static java.nio.file.attribute.UserPrincipalLookupService folderLookup() {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService();
    }

    private static void own(Path folder, List<String> asUser) throws IOException {
        if (asUser.isEmpty()) {
            return;
        }
        String user = asUser.get(1).substring("--reuid=".length());
        UserPrincipal owner = folderLookup().lookupPrincipalByName(user);
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) {
                Files.setOwner(p, owner);
            }
        }
    }

    private static void run(Path bin, List<String> asUser, Path folder, String tool, String... args) {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("veil-pg-tool", ".out");
            try {
                Process p = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(tool + " did not finish in " + PATIENCE_SECONDS + " s");
                }
                if (p.exitValue() != 0) {
                    String log = Files.exists(folder.resolve("log")) ? Files.readString(folder.resolve("log")) : "";
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue()
                            + ":\n" + Files.readString(out) + log);
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Temporary folder; the system cleans it eventually.
        }
    }
}
