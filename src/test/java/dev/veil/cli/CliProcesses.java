package dev.veil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link CliChild} processes started together, each its own JVM on the test classpath. */
final class CliProcesses {
    // A safety net against a hung child, not a measurement.
    private static final long PATIENCE_SECONDS = 600;

    private CliProcesses() {
    }

    /** What one child printed, and how it ended. */
    record Finished(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Starts one child per argument list, all at once, and waits for every one. */
    static List<Finished> runTogether(Path scratch, Map<String, String> env, List<List<String>> children) {
        try {
            List<Process> started = new ArrayList<>();
            List<Path[]> files = new ArrayList<>();
            for (List<String> args : children) {
                Path out = Files.createTempFile(scratch, "child", ".out");
                Path err = Files.createTempFile(scratch, "child", ".err");
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        CliChild.class.getName()));
                command.addAll(args);
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(env);
                files.add(new Path[] {out, err});
                started.add(pb.start());
            }
            List<Finished> finished = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                Process p = started.get(i);
                if (!p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    started.forEach(Process::destroyForcibly);
                    throw new IllegalStateException("child " + i + " did not finish in " + PATIENCE_SECONDS + " s");
                }
                finished.add(new Finished(p.exitValue(), Files.readString(files.get(i)[0], StandardCharsets.UTF_8),
                        Files.readString(files.get(i)[1], StandardCharsets.UTF_8)));
            }
            return finished;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
