package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Publish and export time against the number of attributes of a table (plain {@code main}, not a
 * test): for each width, decisions for every attribute go into a fresh workspace, then
 * {@code publish} and {@code export} (the default languages) run as a user runs them, each in a
 * JVM of its own, best of {@code rounds}. Arguments: widths (comma-separated), rounds, and
 * {@code same-jvm} to run the commands in this JVM instead.
 */
public final class WideTableBenchmark {

    private WideTableBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String[] widths = (args.length > 0 ? args[0] : "2500,5000,10000,20000,40000").split(",");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean ownJvm = args.length <= 2 || !args[2].equals("same-jvm");
        System.out.println("attributes  publish ms  export ms  export ms per 1k attributes");
        for (String w : widths) {
            int n = Integer.parseInt(w.strip());
            long publish = Long.MAX_VALUE;
            long export = Long.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                Path scratch = Files.createTempDirectory("veil-wide");
                try (Workspace ws = Workspace.open(scratch.resolve("ws"))) {
                    ws.record(decisions("wide_table", n));
                }
                List<String> common = List.of("--workspace", scratch.resolve("ws").toString(),
                        "--policies", scratch.resolve("policies").toString());
                publish = Math.min(publish, time(ownJvm, common, "publish", "wide_table", "--owner", "id"));
                export = Math.min(export, time(ownJvm, common, "export", "wide_table", "--out",
                        scratch.resolve("out").toString()));
                deleteTree(scratch);
            }
            System.out.printf(Locale.ROOT, "%10d  %10d  %9d  %6.1f%n", n, publish, export, export * 1000.0 / n);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * One command: in a JVM of its own, as a user runs it, so nothing a previous command read is
     * warm; or, with {@code same-jvm}, in this one (no start-up, JIT warm, and the policy texts
     * the publish checked are known to the export).
     */
    private static long time(boolean ownJvm, List<String> common, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        long start = System.nanoTime();
        int code;
        if (ownJvm) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.veil.Main"));
            command.addAll(all);
            code = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } else {
            String[] line = all.toArray(String[]::new);
            code = dev.veil.cli.VeilCommandLine.forArguments(line).execute(line);
        }
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited " + code);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static List<Decision> decisions(String table, int n) {
        List<Decision> out = new ArrayList<>();
        Instant now = Instant.now();
        out.add(new Decision(table, AttributePath.of("id"), Classification.PUBLIC, "bench", now, "", DecisionSource.MANUAL));
        for (int a = 0; a < n; a++) {
            out.add(new Decision(table, AttributePath.of("attribute_" + a), a % 2 == 0 ? Classification.PUBLIC
                    : Classification.OWNER_ONLY, "bench", now, "", DecisionSource.MANUAL));
        }
        return out;
    }
}
