package dev.veil.app;

import dev.veil.codegen.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to generate for a service repository.
 *
 * @param languages   the languages to generate sanitizers for
 * @param javaPackage the package of the generated Java class; empty for the default
 * @param version     the policy version to export; empty for the latest
 */
public record ExportOptions(List<Language> languages, Optional<String> javaPackage, Optional<Integer> version) {
    public ExportOptions {
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw VeilException.badInput("choose at least one language: java, python, typescript");
        }
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(version, "version");
    }

    /** Every language, default package, latest version. */
    public static ExportOptions all() {
        return new ExportOptions(List.of(Language.values()), Optional.empty(), Optional.empty());
    }
}
