package dev.veil.app;

import dev.veil.codegen.IamOptions;
import dev.veil.codegen.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate for a service repository (sanitizers) or an infrastructure repository (IAM
 * policies).
 *
 * @param languages   what to generate: sanitizer languages and/or {@link Language#IAM}
 * @param javaPackage the package of the generated Java class; empty for the default
 * @param version     the policy version to export; empty for the latest
 * @param iam         the table ARN and principal variable of the IAM policies
 */
public record ExportOptions(List<Language> languages, Optional<String> javaPackage, Optional<Integer> version,
                            IamOptions iam) {
    public ExportOptions {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw VeilException.badInput("choose at least one language: java, python, typescript, iam");
        }
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(iam, "iam");
    }

    /** Sanitizers (or IAM policies) with the default IAM settings. */
    public ExportOptions(List<Language> languages, Optional<String> javaPackage, Optional<Integer> version) {
        this(languages, javaPackage, version, IamOptions.defaults());
    }

    /** Every sanitizer language, default package, latest version. */
    public static ExportOptions all() {
        return new ExportOptions(Language.sanitizers(), Optional.empty(), Optional.empty());
    }

    /**
     * IAM settings as a user typed them, checked: a table ARN (empty for any region and account)
     * and a policy variable (empty for the default); bad input says what and how to write it.
     */
    public static IamOptions iamOptions(Optional<String> tableArn, Optional<String> principal) {
        try {
            return new IamOptions(tableArn.map(String::strip), principal.map(String::strip).orElse(IamOptions.DEFAULT_PRINCIPAL));
        } catch (IllegalArgumentException e) {
            throw VeilException.badInput(e.getMessage());
        }
    }
}
