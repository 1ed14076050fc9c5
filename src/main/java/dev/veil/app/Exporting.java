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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Puts a published policy and the sanitizers generated from it into a service repository, or its
 * IAM policies into an infrastructure repository.
 * Paths are stable, each file is written atomically, files whose bytes are already right are
 * not touched, and nothing else in the folder is.
 */
public final class Exporting {

    private final Veil veil;

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
        List<ExportedFile> written = new ArrayList<>();
        for (GeneratedFile f : files) {
            Path target = root.resolve(f.relativePath()).normalize();
            if (!target.startsWith(root)) {
                throw VeilException.badInput("refusing to write outside " + root + ": " + f.relativePath());
            }
            written.add(write(target, f.content()));
        }
        return written;
    }

    private List<GeneratedFile> generate(Policy policy, ExportOptions options) {
        ProjectionPlan plan = ProjectionPlan.of(policy);
        GeneratorOptions generatorOptions = options.javaPackage().map(GeneratorOptions::withJavaPackage)
                .orElseGet(GeneratorOptions::defaults);
        if (options.languages().contains(Language.IAM)) {
            generatorOptions = generatorOptions.withIam(options.iam(), Optional.of(shape(policy.table())));
        }
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile(policyFileName(policy), veil.publishing().text(policy)));
        for (Language language : options.languages()) {
            files.addAll(language.generator().generate(policy, plan, generatorOptions));
        }
        return files;
    }

    /**
     * The table's keys and indexes for its IAM policies: as its latest sample recorded them, so an
     * infrastructure pipeline needs no DynamoDB access; else as DynamoDB describes the table now.
     */
    private TableShape shape(String table) {
        Optional<TableProfile> sampled = veil.workspace().latestProfile(table).filter(p -> p.keySchema().isPresent());
        if (sampled.isPresent()) {
            return new TableShape(sampled.get().keySchema().get(), sampled.get().indexes());
        }
        try {
            TableInfo info = Failures.translate(() -> new TableCatalog(veil.dynamo()).describe(table));
            return new TableShape(info.keySchema(), info.indexes());
        } catch (VeilException e) {
            throw new VeilException(e.kind(), "IAM policies need the keys and indexes of " + table
                    + ", which no sample of it in the workspace records, so Veil asked DynamoDB: " + e.getMessage()
                    + " (sampling the table once records them)", e);
        }
    }

    /** The policy travels with the code, under a name that says which table and version it is. */
    static String policyFileName(Policy policy) {
        return policy.table() + ".policy.json";
    }

    private static ExportedFile write(Path target, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        boolean exists = Files.exists(target);
        try {
            if (exists && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return new ExportedFile(target, ExportedFile.Status.UNCHANGED);
            }
        } catch (IOException e) {
            throw VeilException.unavailable("cannot read " + target + ": " + e.getMessage()
                    + " — check that you may read and write the export folder", e);
        }
        AtomicWrite.write(target, bytes);
        return new ExportedFile(target, exists ? ExportedFile.Status.UPDATED : ExportedFile.Status.CREATED);
    }
}
