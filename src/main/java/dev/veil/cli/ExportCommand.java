package dev.veil.cli;

import dev.veil.app.ExportOptions;
import dev.veil.app.ExportedFile;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.codegen.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil export}: the latest policy plus generated sanitizers into a service repository. */
@Command(name = "export", description = {
    "Write the latest policy and generated sanitizers into a service repository.",
    "Files already up to date are left untouched; nothing else in the folder is changed."})
final class ExportCommand extends BaseCommand {

    @Parameters(paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder in the service repository.")
    Path outDir;

    @Option(names = "--lang", paramLabel = "LANGS", split = ",", defaultValue = "java,python,typescript",
            description = {"Comma-separated: java, python, typescript, iam (default: ${DEFAULT-VALUE}).",
                "iam: IAM policies and a CloudFormation template for the infrastructure repository."})
    List<String> languages = new ArrayList<>();

    @Option(names = "--java-package", paramLabel = "P", description = "Package of the generated Java class.")
    String javaPackage;

    @Option(names = "--table-arn", paramLabel = "ARN",
            description = "The table's ARN in the IAM policies (default: arn:aws:dynamodb:*:*:table/TABLE).")
    String tableArn;

    @Option(names = "--iam-principal", paramLabel = "VAR",
            description = "IAM policy variable holding the requester id of an owner-role session "
                    + "(default: $${aws:PrincipalTag/veil_user_id}).")
    String iamPrincipal;

    @Option(names = "--version", paramLabel = "N", description = "Policy version to export (default: latest).")
    Integer version;

    @Override
    protected int doCall() {
        List<Language> langs = new ArrayList<>();
        for (String l : languages) {
            langs.add(Language.fromLabel(l.strip()).orElseThrow(() -> VeilException.badInput(
                    "unknown language '" + l + "' in --lang; use java, python, typescript, iam")));
        }
        if ((tableArn != null || iamPrincipal != null) && !langs.contains(Language.IAM)) {
            throw VeilException.badInput("--table-arn and --iam-principal shape the IAM policies; add iam to --lang");
        }
        ExportOptions options = new ExportOptions(langs.stream().distinct().toList(), Optional.ofNullable(javaPackage),
                Optional.ofNullable(version), ExportOptions.iamOptions(Optional.ofNullable(tableArn),
                Optional.ofNullable(iamPrincipal)));
        try (Veil veil = openVeil()) {
            veil.exporting().mixedSet(table, outDir).ifPresent(m -> progress("Note: " + m + "; rewriting the whole set."));
            List<ExportedFile> files = veil.exporting().export(table, outDir, options);
            for (ExportedFile f : files) {
                out().printf("%-9s %s%n", f.status().label(), f.path());
            }
            long changed = files.stream().filter(f -> f.status() != ExportedFile.Status.UNCHANGED).count();
            progress(changed == 0 ? "Everything was already up to date." : changed + " file" + (changed == 1 ? "" : "s") + " written.");
            return ExitCodes.OK;
        }
    }
}
