package dev.veil.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an export folder holds for one table: the policy digest each of Veil's files in it names.
 * Every generated file names the digest of the policy it was generated from in its header, and
 * the policy file its own, so a set that an interrupted export left half old, half new shows as
 * more than one digest, and is reported instead of being committed as is.
 */
final class ExportFolder {
    private static final Pattern POLICY_DIGEST = Pattern.compile("\n  \"digest\": \"(sha256:[0-9a-f]{64})\"");
    private static final Pattern HEADER_DIGEST = Pattern.compile("digest (sha256:[0-9a-f]{64})");
    private static final int HEADER_BYTES = 4096;
    private static final int MAX_DEPTH = 12;

    private ExportFolder() {
    }

    /**
     * The digest each existing file of the set names, by path; files that name none are left out.
     *
     * @param policyFile the policy file's name at the root of the folder
     * @param generated  the names of the generated files, found anywhere under the folder
     */
    static Map<Path, String> digests(Path root, String policyFile, Set<String> generated) throws IOException {
        Map<Path, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        Path policy = root.resolve(policyFile);
        if (Files.isRegularFile(policy)) {
            first(POLICY_DIGEST, Files.readString(policy, StandardCharsets.UTF_8)).ifPresent(d -> out.put(policy, d));
        }
        try (Stream<Path> files = Files.walk(root, MAX_DEPTH)) {
            for (Path f : files.filter(p -> generated.contains(p.getFileName().toString()))
                    .filter(Files::isRegularFile).toList()) {
                first(HEADER_DIGEST, header(f)).ifPresent(d -> out.put(f, d));
            }
        }
        return out;
    }

    /**
     * A message naming every file and the version it belongs to, when the files name more than one
     * digest; empty when they agree (or there are none).
     */
    static Optional<String> mixed(Path root, String table, Map<Path, String> digests,
                                  Function<String, String> versionOfDigest) {
        if (digests.values().stream().distinct().count() <= 1) {
            return Optional.empty();
        }
        String files = digests.entrySet().stream()
                .map(e -> root.relativize(e.getKey()) + " is from " + versionOfDigest.apply(e.getValue()))
                .collect(Collectors.joining("; "));
        return Optional.of("the export folder " + root + " holds a mixed set for table " + table
                + " (an export was interrupted): " + files);
    }

    private static String header(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(HEADER_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The generated file names of a list of relative paths. */
    static Set<String> names(List<String> relativePaths) {
        return relativePaths.stream().map(p -> Path.of(p).getFileName().toString()).collect(Collectors.toSet());
    }
}
