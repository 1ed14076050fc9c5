package dev.veil.app;

import dev.veil.codegen.GeneratedFile;
import dev.veil.codegen.GeneratorOptions;
import dev.veil.codegen.Language;
import dev.veil.codegen.ProjectionPlan;
import dev.veil.codegen.TableShape;
import dev.veil.dynamo.TableCatalog;
import dev.veil.model.Policy;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.policy.AtomicFiles;
import dev.veil.policy.StoreLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts a published policy and the sanitizers generated from it into a service repository, or its
 * IAM policies into an infrastructure repository.
 * Paths are stable, files whose bytes are already right are not touched, and nothing else in the
 * folder is. The set is written all or nothing as far as a file system allows: under the folder's
 * lock, leftovers of killed exports are removed, every new file is written and flushed beside its
 * target first, then all are renamed into place, the policy file last. A kill during the renames
 * leaves files naming two policy digests, which {@link #mixedSet} detects and the next export
 * repairs.
 */
public final class Exporting {

    private final Veil veil;
    private Optional<Generated> lastGenerated = Optional.empty();

    Exporting(Veil veil) {
        this.veil = veil;
    }

    /** The files an export would write, relative to the output folder, without writing them. */
    public List<GeneratedFile> preview(String table, ExportOptions options) {
        Policy policy = veil.publishing().show(table, options.version());
        return Failures.translate(() -> generate(policy, options));
    }

    /** Writes the policy and the generated files under {@code outDir}. */
    public List<ExportedFile> export(String table, Path outDir, ExportOptions options) {
        List<GeneratedFile> files = preview(table, options);
        Path root = outDir.toAbsolutePath().normalize();
        List<Path> targets = new ArrayList<>();
        for (GeneratedFile f : files) {
            Path target = root.resolve(f.relativePath()).normalize();
            if (!target.startsWith(root)) {
                throw VeilException.badInput("refusing to write outside " + root + ": " + f.relativePath());
            }
            targets.add(target);
        }
        try {
            Files.createDirectories(root);
            try (StoreLock lock = StoreLock.acquire(StoreLock.OUTPUT, root)) {
                return writeSet(files, targets);
            }
        } catch (IOException e) {
            throw OutputFiles.cannotWrite(root, e);
        }
    }

    /**
     * Why the export folder must not be used as it is: the files Veil exported there for
     * {@code table} come from more than one policy version. Empty when they agree.
     */
    public Optional<String> mixedSet(String table, Path outDir) {
        Path root = outDir.toAbsolutePath().normalize();
        Policy latest = veil.publishing().show(table, Optional.empty());
        Set<String> generated = ExportFolder.names(preview(table, ExportOptions.all()).stream()
                .map(GeneratedFile::relativePath).toList());
        Map<String, String> versions = new HashMap<>();
        try {
            veil.policyStore().history(table).forEach(p -> p.digest().ifPresent(d -> versions.put(d, "v" + p.version())));
        } catch (RuntimeException e) {
            // The store is read for names only; its own problems are reported where it is read for real.
        }
        try {
            return ExportFolder.mixed(root, table, ExportFolder.digests(root, policyFileName(latest), generated),
                    d -> versions.getOrDefault(d, "an unknown version") + " (" + d.substring(0, 19) + "…)");
        } catch (IOException e) {
            throw VeilException.unavailable("cannot read the export folder " + root + ": " + e.getMessage()
                    + " — check that it exists and that you may read it", e);
        }
    }

    /**
     * Refuses (bad input) an export folder holding a mixed set for any of {@code tables} (every
     * table of the policy store when empty) that has a published policy.
     */
    public void requireWholeSets(List<String> tables, Path outDir) {
        List<String> names = tables.isEmpty() ? veil.policyStore().tables() : tables;
        for (String table : names) {
            if (veil.policyStore().versions(table).isEmpty()) {
                continue;
            }
            mixedSet(table, outDir).ifPresent(m -> {
                throw VeilException.badInput(withAdvice(m));
            });
        }
    }

    /**
     * What a face shows of the export folder before and after an export: a mixed set with what to
     * do about it; empty when the folder holds one whole set (or nothing of the table).
     */
    public Optional<String> mixedSetWarning(String table, Path outDir) {
        return mixedSet(table, outDir).map(Exporting::withAdvice);
    }

    /** What a face says after an export repaired a mixed folder. */
    public String repairedNote(String table, Path outDir) {
        Policy latest = veil.publishing().show(table, Optional.empty());
        return "The export folder " + outDir.toAbsolutePath().normalize() + " held a mixed set for table " + table
                + "; the export rewrote the whole set, and every file of it now comes from v" + latest.version() + ".";
    }

    private static String withAdvice(String mixed) {
        return mixed + ". Do not commit it as is: export the table again to rewrite the whole set";
    }

    /** Writes the changed files beside their targets, then renames them in, the policy file last. */
    private static List<ExportedFile> writeSet(List<GeneratedFile> files, List<Path> targets) throws IOException {
        List<ExportedFile> result = new ArrayList<>();
        Map<Path, Path> prepared = new LinkedHashMap<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Path target = targets.get(i);
                Files.createDirectories(target.getParent());
                AtomicFiles.removeLeftoversOf(target);
                byte[] bytes = files.get(i).content().getBytes(StandardCharsets.UTF_8);
                boolean exists = Files.exists(target);
                if (exists && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    result.add(new ExportedFile(target, ExportedFile.Status.UNCHANGED));
                    continue;
                }
                prepared.put(target, AtomicFiles.prepare(target, bytes));
                result.add(new ExportedFile(target, exists ? ExportedFile.Status.UPDATED : ExportedFile.Status.CREATED));
            }
            List<Path> order = new ArrayList<>(prepared.keySet());
            Path policy = targets.get(0);
            if (order.remove(policy)) {
                order.add(policy);
            }
            for (Path target : order) {
                AtomicFiles.commit(prepared.remove(target), target);
            }
            return result;
        } finally {
            for (Path tmp : prepared.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private List<GeneratedFile> generate(Policy policy, ExportOptions options) {
        GeneratorOptions generatorOptions = options.javaPackage().map(GeneratorOptions::withJavaPackage)
                .orElseGet(GeneratorOptions::defaults);
        Generated g = generatedFor(policy);
        ProjectionPlan plan = g.plan();
        Optional<TableShape> shape = Optional.empty();
        if (options.languages().contains(Language.IAM) || plan.needsKeys()) {
            // A view that keeps nothing still projects the keys, so IAM's SPECIFIC_ATTRIBUTES holds.
            String why = options.languages().contains(Language.IAM) ? "IAM policies need the keys and indexes of "
                    : "A view that keeps nothing projects the table's keys, so the export needs the keys of ";
            shape = Optional.of(shape(policy.table(), why));
            plan = ProjectionPlan.of(policy, shape.get().keySchema().names());
        }
        if (options.languages().contains(Language.IAM)) {
            generatorOptions = generatorOptions.withIam(options.iam(), shape);
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile(policyFileName(policy), g.policyText()));
        for (Language language : options.languages()) {
            GeneratorOptions o = generatorOptions;
            ProjectionPlan p = plan;
            files.addAll(g.files().computeIfAbsent(new Generation(language, o),
                    k -> language.generator().generate(policy, p, o)));
        }
        return files;
    }

    private synchronized Generated generatedFor(Policy policy) {
        Generated g = lastGenerated.filter(last -> last.policy().equals(policy)).orElseGet(() ->
                new Generated(policy, ProjectionPlan.of(policy), veil.publishing().text(policy), new ConcurrentHashMap<>()));
        lastGenerated = Optional.of(g);
        return g;
    }

    /** One generator run: the language and the options it was given. */
    private record Generation(Language language, GeneratorOptions options) {
    }

    /**
     * What was generated for the last policy exported or previewed, by generator run: an export
     * first checks the folder against the whole set, then writes it, and generating a wide
     * table's sanitizers is the costly part, so each is generated once. Generation depends on
     * nothing but the policy and the run, so a remembered set is the set generating again gives.
     */
    private record Generated(Policy policy, ProjectionPlan plan, String policyText,
                             Map<Generation, List<GeneratedFile>> files) {
    }

    /**
     * The table's keys and indexes for its IAM policies (and for the projections of a view that
     * keeps nothing): as its latest sample recorded them, so an infrastructure pipeline needs no
     * DynamoDB access; else as DynamoDB describes the table now.
     */
    private TableShape shape(String table, String why) {
        Optional<TableProfile> sampled = veil.workspace().latestProfile(table).filter(p -> p.keySchema().isPresent());
        if (sampled.isPresent()) {
            return new TableShape(sampled.get().keySchema().get(), sampled.get().indexes());
        }
        try {
            TableInfo info = Failures.translate(() -> new TableCatalog(veil.dynamo()).describe(table));
            return new TableShape(info.keySchema(), info.indexes());
        } catch (VeilException e) {
            throw new VeilException(e.kind(), why + table
                    + ", which no sample of it in the workspace records, so Veil asked DynamoDB: " + e.getMessage()
                    + " (sampling the table once records them)", e);
        }
    }

    /** The policy travels with the code, under a name that says which table and version it is. */
    static String policyFileName(Policy policy) {
        return policy.table() + ".policy.json";
    }

}
