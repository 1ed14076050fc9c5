package dev.veil.workspace;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link WorkspaceChild} running in its own JVM on the test classpath, its stdout read line by line. */
final class ChildJvm implements AutoCloseable {
    // A safety net against a hung child, not a measurement: children normally answer in seconds.
    private static final long PATIENCE_SECONDS = 120;
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::pump, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path scratch, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), WorkspaceChild.class.getName()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(scratch, "child", ".err");
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(p, stderr);
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("read error: " + e);
        } finally {
            lines.add(EOF);
        }
    }

    /** Waits for the next line of output and returns it. */
    String nextLine() throws InterruptedException {
        String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (line == null || line.equals(EOF)) {
            return fail("child %s printed %s and then %s; its stderr:%n%s", process.pid(), seen,
                    line == null ? "nothing for " + PATIENCE_SECONDS + " s" : "exited", stderr());
        }
        seen.add(line);
        return line;
    }

    /** Waits for a line starting with {@code prefix}, returning it. */
    String awaitLine(String prefix) throws InterruptedException {
        for (String line = nextLine(); ; line = nextLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Every line printed so far, then the exit code once the child ends by itself. */
    List<String> finish() throws InterruptedException {
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            fail("child %s did not exit; it printed %s", process.pid(), seen);
        }
        for (String line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS); line != null && !line.equals(EOF);
             line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            seen.add(line);
        }
        if (process.exitValue() != 0) {
            fail("child %s exited with %d after %s; its stderr:%n%s", process.pid(), process.exitValue(), seen, stderr());
        }
        return List.copyOf(seen);
    }

    /** Closes the child's stdin, which ends a {@code hold}. */
    void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Kills the child the way a crash or {@code kill -9} would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
