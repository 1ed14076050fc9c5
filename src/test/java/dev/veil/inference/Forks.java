package dev.veil.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a bench's main in fresh JVMs, one after the other, and prints each of its result lines
 * once with the median and range of its figures over the JVMs, as JMH's forks do: the JIT makes
 * other choices in each JVM, so one JVM's figure is one draw. A result line is one holding
 * "M values/s"; the number before that is its figure, the words before it its name, and a
 * "(median round N)" after it a second figure.
 */
final class Forks {

    private static final Pattern RESULT =
            Pattern.compile("^(.*?)\\s+(\\d+\\.\\d+) M values/s(?: \\(median round\\s+(\\d+\\.\\d+)\\))?");

    private Forks() {
    }

    static void run(Class<?> bench, String[] args, int forks) {
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (int f = 0; f < forks; f++) {
            for (String line : runOnce(bench, args)) {
                Matcher m = RESULT.matcher(line);
                if (m.find()) {
                    String name = m.group(1).trim().replaceAll("\\s+", " ");
                    figures.computeIfAbsent(name, k -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
                    if (m.group(3) != null) {
                        figures.computeIfAbsent(name + " (median round)", k -> new ArrayList<>())
                                .add(Double.parseDouble(m.group(3)));
                    }
                } else if (f == 0) {
                    System.out.println(line);
                }
            }
            System.out.printf("(fork %d of %d done, load average %s)%n", f + 1, forks, loadAverage());
        }
        System.out.printf("median over %d JVMs [lowest, highest], M values/s:%n", forks);
        figures.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-28s %6.2f  [%.2f, %.2f]%n", name, median(sorted), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        });
    }

    private static List<String> runOnce(Class<?> bench, String[] args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), bench.getName()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("a forked bench failed:\n" + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a forked bench ran", e);
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
