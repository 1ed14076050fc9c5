package dev.veil.inference.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labelled value corpus ({@code value-corpus.tsv}) and what the shipped detectors make of each
 * value on its own, without a name: secret, personal or nothing. Only detectors that may count on
 * their own are asked; shape-only heuristics (random-looking, digests) need a column's worth of
 * evidence and an unexplained name, so a single value cannot raise them.
 */
final class ValueCorpus {

    /** A labelled value and the class the detectors read from it. */
    record Row(String expected, String kind, String value, Optional<String> detected) {
        boolean hit() {
            return detected.filter(expected::equals).isPresent();
        }
    }

    private ValueCorpus() {
    }

    static List<Row> evaluate() {
        List<Row> out = new ArrayList<>();
        for (String[] r : read()) {
            out.add(new Row(r[0], r[1], r[2], detect(r[2])));
        }
        return out;
    }

    /** "secret" or "personal" when a detector that counts alone recognises the value. */
    static Optional<String> detect(String value) {
        Optional<String> found = Optional.empty();
        for (LeaningDetector d : ValueDetectors.catalog()) {
            if (d.shapeOnly() || d.leaning() == Leaning.EXAMPLE || !d.matches(value)) {
                continue;
            }
            if (d.leaning() == Leaning.SECRET) {
                return Optional.of("secret");
            }
            found = Optional.of("personal");
        }
        return found;
    }

    static List<String[]> read() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ValueCorpus.class.getResourceAsStream("value-corpus.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", 3);
                cells[2] = cells[2].replace("\\n", "\n").replace("\\\\", "\\");
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Per class: values, recall (or false-alarm rate for ordinary values) and precision. */
    static String report(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-10s %7s %9s %9s%n", "class", "values", "recall", "precision"));
        for (String c : List.of("secret", "personal")) {
            long n = rows.stream().filter(r -> r.expected().equals(c)).count();
            long hit = rows.stream().filter(r -> r.expected().equals(c) && r.hit()).count();
            long predicted = rows.stream().filter(r -> r.detected().filter(c::equals).isPresent()).count();
            sb.append(String.format("%-10s %7d %9.3f %9.3f%n", c, n, ratio(hit, n), ratio(hit, predicted)));
        }
        sb.append(String.format("%nfalse alarms on ordinary values, per kind%n"));
        Map<String, long[]> byKind = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.expected().equals("ordinary")) {
                long[] c = byKind.computeIfAbsent(r.kind(), k -> new long[2]);
                c[0]++;
                if (r.detected().isPresent()) {
                    c[1]++;
                }
            }
        }
        byKind.forEach((k, c) -> sb.append(String.format("%-12s %5d values %8.3f%n", k, c[0], ratio(c[1], c[0]))));
        sb.append(String.format("%nmisses and false alarms%n"));
        rows.stream().filter(r -> r.expected().equals("ordinary") ? r.detected().isPresent() : !r.hit())
                .forEach(r -> sb.append(String.format("  %s/%s read as %s: %s%n", r.expected(), r.kind(),
                        r.detected().orElse("nothing"), r.value().length() > 60 ? r.value().substring(0, 60) + "…" : r.value())));
        return sb.toString();
    }

    static double ratio(long a, long b) {
        return b == 0 ? 1 : (double) a / b;
    }
}
