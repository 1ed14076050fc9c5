package dev.veil.policy;

import dev.veil.model.Policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates policy files, a table folder or a whole policy store: JSON syntax, the shipped schema
 * ({@code veil-policy-1.schema.json}), names, digests, canonical form, the chain of
 * {@code previous} digests, contiguous versions {@code v1.json … vN.json} whose names match
 * their {@code version}, and tables that match their folders. Every problem comes back located
 * ({@code file:line:column}) with what to do; an empty list means valid.
 */
public final class PolicyValidator {
    static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]{0,8})\\.json");
    private static final String RESTORE = "restore it from version control; published versions are never edited, renamed or deleted";

    private PolicyValidator() {
    }

    /**
     * Every problem in a policy file, a table folder ({@code users/} holding {@code v1.json…}) or
     * a store root (a folder of table folders).
     *
     * @throws PolicyStoreException when the path does not exist or cannot be read
     */
    public static List<PolicyProblem> validate(Path fileOrDir) {
        if (Files.isRegularFile(fileOrDir)) {
            return validateFile(fileOrDir);
        }
        if (!Files.isDirectory(fileOrDir)) {
            throw new PolicyStoreException(fileOrDir, "no such file or directory; pass a policy file, a table folder or the policy store", null);
        }
        if (!versionFiles(fileOrDir).isEmpty()) {
            return checkTable(fileOrDir, Integer.MAX_VALUE, true).problems();
        }
        List<PolicyProblem> out = new ArrayList<>();
        List<Path> tables = subdirectories(fileOrDir).stream().filter(d -> !jsonFiles(d).isEmpty()).toList();
        for (Path table : tables) {
            out.addAll(checkTable(table, Integer.MAX_VALUE, true).problems());
        }
        if (tables.isEmpty()) {
            out.add(new PolicyProblem(fileOrDir, 1, 1, "no policy files found",
                    "pass a policy file, a table folder (users/ holding v1.json, v2.json…) or the policy store root"));
        }
        return out;
    }

    private static List<PolicyProblem> validateFile(Path file) {
        PolicyDocument.Checked c = PolicyDocument.check(readBytes(file), true);
        List<PolicyProblem> out = new ArrayList<>(problems(file, c));
        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
        if (m.matches() && c.policy().isPresent()) {
            out.addAll(placement(file, c, Integer.parseInt(m.group(1))));
            int version = c.policy().get().version();
            Path before = file.resolveSibling("v" + (version - 1) + ".json");
            if (version > 1 && Files.isRegularFile(before)) {
                PolicyDocument.Checked prev = PolicyDocument.check(readBytes(before), false);
                prev.policy().ifPresent(p -> chainLink(file, c, p).ifPresent(out::add));
            }
        }
        return out;
    }

    /** What checking one table folder found: the policies by version, and the problems. */
    record TableCheck(SortedMap<Integer, Policy> policies, List<PolicyProblem> problems) {
    }

    /**
     * Checks versions 1..{@code upTo} of a table folder and reports JSON files that are not
     * versions (a stray {@code v02.json}): every command reads the store through this one check,
     * so none ignores what another refuses. With {@code housekeeping} (validation), also reports
     * what a crash may leave: temporary files no writer holds and a changelog that lags.
     */
    static TableCheck checkTable(Path dir, int upTo, boolean housekeeping) {
        List<PolicyProblem> out = new ArrayList<>();
        SortedMap<Integer, Path> files = new TreeMap<>();
        for (Path f : jsonFiles(dir)) {
            Matcher m = VERSION_FILE.matcher(f.getFileName().toString());
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n <= upTo) {
                    files.put(n, f);
                }
            } else {
                out.add(new PolicyProblem(f, 1, 1, "unexpected file in table folder " + dir.getFileName()
                        + ": policy versions are named v1.json, v2.json, …", "move the file out of the policy store, or " + RESTORE));
            }
        }
        SortedMap<Integer, PolicyDocument.Checked> checked = new TreeMap<>();
        files.forEach((n, f) -> {
            PolicyDocument.Checked c = PolicyDocument.check(readBytes(f), true);
            checked.put(n, c);
            out.addAll(problems(f, c));
            if (c.policy().isPresent()) {
                out.addAll(placement(f, c, n));
            }
        });
        out.addAll(gaps(files));
        SortedMap<Integer, Policy> policies = new TreeMap<>();
        checked.forEach((n, c) -> c.policy().ifPresent(p -> policies.put(n, p)));
        checked.forEach((n, c) -> {
            Policy before = policies.get(n - 1);
            if (n > 1 && before != null) {
                chainLink(files.get(n), c, before).ifPresent(out::add);
            }
        });
        if (housekeeping) {
            out.addAll(leftovers(dir));
            if (out.isEmpty()) {
                changelogLag(dir, List.copyOf(policies.values())).ifPresent(out::add);
            }
        }
        out.sort(Comparator.comparing((PolicyProblem p) -> p.file().toString())
                .thenComparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column));
        return new TableCheck(policies, List.copyOf(out));
    }

    /** Temporary files a killed writer left behind; none while a publisher holds the folder. */
    private static List<PolicyProblem> leftovers(Path dir) {
        List<PolicyProblem> out = new ArrayList<>();
        for (Path f : AtomicFiles.leftovers(dir)) {
            out.add(new PolicyProblem(f, 1, 1, "stray temporary file left by an interrupted publish",
                    "delete it, or publish any table of this folder again: publishing removes it"));
        }
        return out;
    }

    /**
     * A CHANGELOG.md that does not say what the versions say (a publish killed between the version
     * and the changelog). A folder without one is fine: the changelog is a convenience.
     */
    private static Optional<PolicyProblem> changelogLag(Path dir, List<Policy> versions) {
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.resolve(Changelog.FILE_NAME);
        String expected = Changelog.render(versions.get(0).table(), versions);
        try {
            if (!Files.isRegularFile(file) || Files.readString(file, StandardCharsets.UTF_8).equals(expected)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw PolicyStoreException.reading(file, e);
        }
        return Optional.of(new PolicyProblem(file, 1, 1, "CHANGELOG.md does not match the versions: it lags behind v"
                + versions.get(versions.size() - 1).version() + ".json or was edited",
                "run `veil publish " + versions.get(0).table() + "` (it rewrites the changelog from the versions, "
                        + "and publishes nothing new unless decisions changed), or restore it from version control"));
    }

    private static List<PolicyProblem> gaps(SortedMap<Integer, Path> files) {
        List<PolicyProblem> out = new ArrayList<>();
        if (files.isEmpty()) {
            return out;
        }
        int last = files.lastKey();
        for (int k = 1; k < last; k++) {
            if (!files.containsKey(k)) {
                Path next = files.tailMap(k).values().iterator().next();
                out.add(new PolicyProblem(next, 1, 1, "version " + k + " is missing: versions must run v1.json … v" + last
                        + ".json without gaps", "restore v" + k + ".json from version control; published versions are never deleted"));
            }
        }
        return out;
    }

    /** File name against {@code version}, folder name against {@code table}. */
    private static List<PolicyProblem> placement(Path file, PolicyDocument.Checked c, int numberInName) {
        List<PolicyProblem> out = new ArrayList<>();
        Policy p = c.policy().orElseThrow();
        LocatedJson json = c.json().orElseThrow();
        if (p.version() != numberInName) {
            out.add(Issue.at(json.valueAt("/" + PolicyTree.VERSION), "the file is named v" + numberInName
                    + ".json but holds version " + p.version(), "each version lives in v<version>.json; " + RESTORE).in(file));
        }
        Path folder = file.toAbsolutePath().getParent();
        String folderName = folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
        if (!p.table().equals(folderName)) {
            out.add(Issue.at(json.valueAt("/" + PolicyTree.TABLE), "the policy is for table \"" + p.table()
                    + "\" but lies in folder \"" + folderName + "\"", "each table's versions live in a folder named after the table; "
                    + "move the file to " + p.table() + "/ or " + RESTORE).in(file));
        }
        return out;
    }

    private static Optional<PolicyProblem> chainLink(Path file, PolicyDocument.Checked c, Policy before) {
        Optional<Policy> p = c.policy();
        if (p.isEmpty() || p.get().previous().isEmpty() || before.digest().isEmpty()) {
            return Optional.empty(); // reported already: unreadable file or missing previous
        }
        String expected = before.digest().get();
        if (p.get().previous().get().equals(expected)) {
            return Optional.empty();
        }
        Issue.Spot at = c.json().orElseThrow().valueAt("/" + PolicyTree.PREVIOUS);
        return Optional.of(Issue.at(at, "broken chain: `previous` is " + p.get().previous().get() + " but v" + before.version()
                        + ".json has digest " + expected,
                "one of the two files was replaced or edited after publishing; restore both from version control").in(file));
    }

    private static List<PolicyProblem> problems(Path file, PolicyDocument.Checked c) {
        return c.issues().stream().map(i -> i.in(file)).toList();
    }

    static List<Path> versionFiles(Path dir) {
        return jsonFiles(dir).stream().filter(f -> VERSION_FILE.matcher(f.getFileName().toString()).matches()).toList();
    }

    /** The visible {@code *.json} files of a folder, except a copy of the schema. */
    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.endsWith(".json") && !name.startsWith(".") && !name.equals(PolicySchema.FILE_NAME)
                                && !name.equals(PolicySchema.FILE_NAME_ENTITIES);
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw PolicyStoreException.reading(dir, e);
        }
    }

    static List<Path> subdirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw PolicyStoreException.reading(dir, e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw PolicyStoreException.reading(file, e);
        }
    }
}
