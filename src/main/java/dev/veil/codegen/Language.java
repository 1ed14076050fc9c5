package dev.veil.codegen;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** What an export can generate: sanitizers per language, and IAM policies ({@code iam}). */
public enum Language {
    JAVA("java", JavaSanitizerGenerator::new),
    PYTHON("python", PythonSanitizerGenerator::new),
    TYPESCRIPT("typescript", TypeScriptSanitizerGenerator::new),
    /** IAM policies for the table's infrastructure repository, not code for the service. */
    IAM("iam", IamExport::new);

    private final String label;
    private final Supplier<SanitizerGenerator> generator;

    Language(String label, Supplier<SanitizerGenerator> generator) {
        this.label = label;
        this.generator = generator;
    }

    public String label() {
        return label;
    }

    public SanitizerGenerator generator() {
        return generator.get();
    }

    /** The sanitizer languages, without {@link #IAM}. */
    public static List<Language> sanitizers() {
        return List.of(JAVA, PYTHON, TYPESCRIPT);
    }

    /** True for a language whose output is code for the service. */
    public boolean isSanitizer() {
        return this != IAM;
    }

    /** Parses "java", "python", "typescript" or "iam", ignoring case. */
    public static Optional<Language> fromLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.label.equals(l)).findFirst();
    }
}
