package dev.veil.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.veil.dynamo.ConnectionSettings;
import dev.veil.dynamo.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A local, in-memory DynamoDB for the demo and the tests: dynalite (pinned in
 * {@code packaging/local-dynamodb}) run by Node.js on a free loopback port.
 *
 * <pre>{@code
 * try (LocalDynamo local = LocalDynamo.start(); DynamoDbClient client = local.newClient()) {
 *     DemoData.seed(client, DemoData.DEFAULT_SEED);
 * }
 * }</pre>
 *
 * <p>{@link #start()} uses the checkout's package folder when Veil runs from one, else
 * {@code ~/.veil/local-dynamodb}; it runs {@code npm ci} there the first time. The server's
 * output goes to {@link #logFile()}, never to Veil's stdout. {@link #close()} stops it, and so
 * does JVM exit.
 */
public final class LocalDynamo implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final String LAUNCHER = "veil-dynalite.cjs";

    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalDynamo(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "veil-local-dynamodb-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a local DynamoDB from the checkout's package folder, or from {@code ~/.veil/local-dynamodb}.
     *
     * @throws LocalDynamoException when Node.js is missing, the install fails or the server does not answer
     */
    public static LocalDynamo start() {
        Path log = newLogFile();
        return launch(LocalDynamoPackage::locate, log);
    }

    /**
     * Starts a local DynamoDB installed in {@code installDir}, writing the bundled package files there
     * (and running {@code npm ci}) when needed.
     */
    public static LocalDynamo start(Path installDir) {
        Path log = newLogFile();
        return launch(() -> LocalDynamoPackage.extract(installDir), log);
    }

    /** The endpoint URL, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Where the server's (and npm's) output goes. */
    public Path logFile() {
        return logFile;
    }

    /** Connection settings pointing at this server. */
    public ConnectionSettings settings() {
        return ConnectionSettings.forEndpoint(endpoint);
    }

    /** A new client for this server; the caller closes it. */
    public DynamoDbClient newClient() {
        return DynamoClients.create(settings());
    }

    /** True while the server process runs. */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Stops the server; its data is gone. The log file is deleted, unless the server had died,
     * so its last words stay readable. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook stops the process.
        }
        boolean healthy = process.isAlive();
        stopProcess();
        try {
            Files.deleteIfExists(launcherFor(logFile));
        } catch (IOException e) {
            // Also marked delete-on-exit.
        }
        if (healthy) {
            try {
                Files.deleteIfExists(logFile);
            } catch (IOException e) {
                // A leftover log in the temp folder is harmless.
            }
        }
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static LocalDynamo launch(Supplier<Path> folder, Path log) {
        try {
            return launch(LocalDynamoPackage.ensureInstalled(folder.get(), log), log);
        } catch (RuntimeException e) {
            deleteIfEmpty(log);
            throw e;
        }
    }

    private static void deleteIfEmpty(Path log) {
        try {
            if (Files.size(log) == 0) {
                Files.delete(log);
            }
        } catch (IOException e) {
            // Leave it: a stray empty file in the temp folder is harmless.
        }
    }

    private static LocalDynamo launch(Path cli, Path log) {
        LocalDynamoException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            Process process = spawn(cli, port, log);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            try {
                awaitReady(process, endpoint, log);
                return new LocalDynamo(process, endpoint, log);
            } catch (LocalDynamoException e) {
                process.destroyForcibly();
                last = e;
                if (process.isAlive()) {
                    break;
                }
                // The process died, most likely because another program took the port: try another one.
            }
        }
        throw last;
    }

    private static Process spawn(Path cli, int port, Path log) {
        Path launcher = writeLauncher(log);
        List<String> command = List.of("node", launcher.toString(), cli.getParent().toString(),
                Integer.toString(port));
        try {
            return new ProcessBuilder(command).directory(cli.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new LocalDynamoException("Cannot start the local DynamoDB: `node` could not be run ("
                    + e.getMessage() + "). Install Node.js 20+ (https://nodejs.org) and make sure it is on PATH.", e);
        }
    }

    /** Polls ListTables over plain HTTP until the server answers, the process dies, or time runs out. */
    private static void awaitReady(Process process, URI endpoint, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest listTables = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=veil/20240101/us-east-1/dynamodb/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalDynamoException("The local DynamoDB exited with code " + process.exitValue()
                        + " while starting; see " + log + ":\n" + tail(log));
            }
            try {
                if (http.send(listTables, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalDynamoException("Interrupted while waiting for the local DynamoDB to start.", e);
            }
            sleep(50);
        }
        throw new LocalDynamoException("The local DynamoDB did not answer at " + endpoint + " within "
                + READY_TIMEOUT.toSeconds() + " s; see " + log + ":\n" + tail(log));
    }

    /** Writes the launcher script next to the log (the temp folder), where node can run it. */
    private static Path writeLauncher(Path log) {
        Path launcher = launcherFor(log);
        try {
            try (InputStream in = LocalDynamo.class.getResourceAsStream(LAUNCHER)) {
                if (in == null) {
                    throw new IOException("resource " + LAUNCHER + " is missing from Veil's jar");
                }
                Files.write(launcher, in.readAllBytes());
            }
            launcher.toFile().deleteOnExit();
            return launcher;
        } catch (IOException e) {
            throw new LocalDynamoException("Cannot write the local DynamoDB launcher to " + launcher + " ("
                    + e.getMessage() + "). Make the temp folder writable.", e);
        }
    }

    private static Path launcherFor(Path log) {
        return log.resolveSibling(log.getFileName().toString().replace(".log", ".cjs"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalDynamoException("No free loopback port for the local DynamoDB (" + e.getMessage() + ").", e);
        }
    }

    private static Path newLogFile() {
        try {
            return Files.createTempFile("veil-local-dynamodb-", ".log");
        } catch (IOException e) {
            throw new LocalDynamoException("Cannot create a log file in " + System.getProperty("java.io.tmpdir")
                    + " (" + e.getMessage() + "). Make the temp folder writable.", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalDynamoException("Interrupted while waiting for the local DynamoDB to start.", e);
        }
    }
}
