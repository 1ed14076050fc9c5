package dev.veil.policy;

import dev.veil.model.EntityPolicy;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy store: a folder holding one folder per table with every published version
 * ({@code users/v1.json}, {@code users/v2.json}…) and a generated {@code CHANGELOG.md}.
 *
 * <p>Versions are numbered 1, 2, 3… without gaps, chained by digest, and never rewritten.
 * Every read validates the versions it depends on first ({@link PolicyValidationException} when
 * they fail); every write is atomic, so a crash leaves the store as it was or with the new
 * version complete. Concurrent publishers of one table take turns. I/O failures are
 * {@link PolicyStoreException}s.
 */
public final class PolicyStore {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private final Path root;

    public PolicyStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The store folder. */
    public Path root() {
        return root;
    }

    /** Tables with at least one published version, sorted by name. */
    public List<String> tables() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return PolicyValidator.subdirectories(root).stream()
                .filter(d -> !PolicyValidator.versionFiles(d).isEmpty())
                .map(d -> d.getFileName().toString())
                .filter(n -> TABLE_NAME.matcher(n).matches())
                .sorted().toList();
    }

    /** The version numbers present for {@code table}, ascending; empty when none was published. */
    public List<Integer> versions(String table) {
        Path dir = dir(table);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (Path f : PolicyValidator.versionFiles(dir)) {
            Matcher m = PolicyValidator.VERSION_FILE.matcher(f.getFileName().toString());
            if (m.matches()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        out.sort(null);
        return out;
    }

    /** The newest version, validated together with every version before it. */
    public Optional<Policy> latest(String table) {
        List<Policy> all = history(table);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every version, oldest first, validated. */
    public List<Policy> history(String table) {
        return List.copyOf(checked(table, Integer.MAX_VALUE).values());
    }

    /**
     * One version, validated together with the versions it chains to.
     *
     * @throws PolicyValidationException when there is no such version or the versions up to it are invalid
     */
    public Policy read(String table, int version) {
        Map<Integer, Policy> policies = checked(table, version);
        Policy p = policies.get(version);
        if (p == null) {
            List<Integer> present = versions(table);
            throw new PolicyValidationException("table " + table + " has no policy version " + version + " in " + root
                    + (present.isEmpty() ? "; nothing was published for it yet (veil publish " + table + ")"
                    : "; its versions are 1 to " + present.get(present.size() - 1)));
        }
        return p;
    }

    /** The changes from version {@code from} to version {@code to} of {@code table}. */
    public List<PolicyChange> diff(String table, int from, int to) {
        return PolicyDiff.between(read(table, from), read(table, to));
    }

    /** Where version {@code version} of {@code table} lives (whether or not it exists). */
    public Path file(String table, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("policy versions start at 1, was " + version);
        }
        return dir(table).resolve("v" + version + ".json");
    }

    /** The table's generated changelog. */
    public Path changelog(String table) {
        return dir(table).resolve(Changelog.FILE_NAME);
    }

    /**
     * Publishes {@code draft} as the table's next version: version latest+1, {@code previous}
     * the latest digest, its own digest computed; the draft's version, previous and digest are
     * ignored. Nothing is written when the rules and owner equal the latest version's, where a
     * rule decided again by the same reviewer with the same note and source counts as equal
     * whatever its time; a new note, reviewer or source is a change. Regenerates CHANGELOG.md.
     * The draft's {@code published} record is written as given.
     *
     * @throws PolicyValidationException when the stored versions are invalid, or the draft would make an invalid file
     * @throws PolicyStoreException      when the store cannot be read or written
     */
    public PublishResult publish(Policy draft) {
        return publish(draft, true);
    }

    /**
     * {@link #publish(Policy)}, refusing ({@link PublishResult.Refused}) a version that widens
     * exposure against the latest one unless {@code allowWidening}. The comparison happens under
     * the table's lock, against the version the new one will follow, so a version another
     * publisher wrote meanwhile is never widened unseen.
     */
    public PublishResult publish(Policy draft, boolean allowWidening) {
        Path dir = dir(draft.table());
        try {
            Files.createDirectories(dir);
            StoreLock lock = StoreLock.acquire(dir);
            try {
                AtomicFiles.removeLeftovers(dir);
                List<Policy> all = List.copyOf(checked(draft.table(), Integer.MAX_VALUE).values());
                Optional<Policy> latest = all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
                if (latest.isPresent() && sameContent(latest.get(), draft)) {
                    refreshChangelog(draft.table(), all);
                    return new PublishResult.Unchanged(latest.get().version());
                }
                Policy next = nextVersion(draft, latest);
                if (latest.isPresent() && !allowWidening) {
                    List<PolicyChange> widening = PolicyDiff.between(latest.get(), next).stream()
                            .filter(PolicyChange::widening).toList();
                    if (!widening.isEmpty()) {
                        return new PublishResult.Refused(latest.get().version(), widening);
                    }
                }
                Path target = file(draft.table(), next.version());
                if (Files.exists(target)) {
                    throw new PolicyStoreException(target, "exists although it is not a valid version; move it out of the store", null);
                }
                AtomicFiles.write(target, text(next, target));
                List<Policy> updated = new ArrayList<>(all);
                updated.add(next);
                refreshChangelog(draft.table(), updated);
                return new PublishResult.Written(next, target);
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw PolicyStoreException.writing(dir, e);
        }
    }

    /**
     * Rewrites the table's CHANGELOG.md from its versions when it is missing or stale (after a
     * crash, say), and removes the temporary files a killed publisher left.
     */
    public void refreshChangelog(String table) {
        if (!Files.isDirectory(dir(table))) {
            return;
        }
        try {
            StoreLock lock = StoreLock.acquire(dir(table));
            try {
                AtomicFiles.removeLeftovers(dir(table));
                refreshChangelog(table, history(table));
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw PolicyStoreException.writing(dir(table), e);
        }
    }

    private void refreshChangelog(String table, List<Policy> versions) throws IOException {
        if (versions.isEmpty()) {
            return;
        }
        Path file = changelog(table);
        String text = Changelog.render(table, versions);
        if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            AtomicFiles.write(file, text);
        }
    }

    private static Policy nextVersion(Policy draft, Optional<Policy> latest) {
        Policy next = new Policy(draft.table(), latest.map(p -> p.version() + 1).orElse(1), latest.flatMap(Policy::digest),
                draft.owner(), draft.attributes(), Optional.empty(), draft.published(), draft.entities());
        return next.withDigest(PolicyDigest.compute(next));
    }

    /** The file text, refusing a policy that the validator would reject once written. */
    private static String text(Policy p, Path target) {
        String text = PolicyJson.write(p);
        PolicyDocument.Checked c = PolicyDocument.check(text, true);
        if (!c.ok()) {
            throw new PolicyValidationException(c.issues().stream().map(i -> i.in(target)).toList());
        }
        return text;
    }

    static boolean sameContent(Policy a, Policy b) {
        return a.table().equals(b.table()) && a.owner().equals(b.owner())
                && withoutTimes(a.attributes()).equals(withoutTimes(b.attributes()))
                && a.entities().keySet().equals(b.entities().keySet())
                && a.entities().entrySet().stream().allMatch(e -> sameEntity(e.getValue(), b.entities().get(e.getKey())));
    }

    private static boolean sameEntity(EntityPolicy a, EntityPolicy b) {
        return a.match().equals(b.match()) && a.owner().equals(b.owner())
                && withoutTimes(a.attributes()).equals(withoutTimes(b.attributes()));
    }

    private static Map<String, PolicyRule> withoutTimes(Map<String, PolicyRule> rules) {
        Map<String, PolicyRule> out = new TreeMap<>();
        rules.forEach((name, r) -> out.put(name, withoutTime(r)));
        return out;
    }

    private static PolicyRule withoutTime(PolicyRule r) {
        return new PolicyRule(r.classification(), r.types(), new TreeMap<>(withoutTimes(r.fields())),
                r.items().map(PolicyStore::withoutTime),
                r.review().map(v -> new Review(v.reviewer(), Instant.EPOCH, v.note(), v.source())));
    }

    private Map<Integer, Policy> checked(String table, int upTo) {
        Path dir = dir(table);
        if (!Files.isDirectory(dir)) {
            return new TreeMap<>();
        }
        PolicyValidator.TableCheck check = PolicyValidator.checkTable(dir, upTo, false);
        if (!check.problems().isEmpty()) {
            throw new PolicyValidationException(check.problems());
        }
        return check.policies();
    }

    /** Whether a policy of {@code table} could be stored: its name is a DynamoDB table name. */
    public static boolean canHold(String table) {
        return TABLE_NAME.matcher(table).matches();
    }

    private Path dir(String table) {
        Objects.requireNonNull(table, "table");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new PolicyValidationException("\"" + PolicyDiffText.plain(table) + "\" is not a DynamoDB table name: "
                    + "use 3 to 255 characters of A-Z a-z 0-9 _ - .");
        }
        return root.resolve(table);
    }
}
