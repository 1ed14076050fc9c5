package dev.veil.codegen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The languages Veil generates sanitizers for. */
public enum Language {
    JAVA("java", JavaSanitizerGenerator::new),
    PYTHON("python", PythonSanitizerGenerator::new),
    TYPESCRIPT("typescript", TypeScriptSanitizerGenerator::new);

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

    /** Parses "java", "python" or "typescript", ignoring case. */
    public static Optional<Language> fromLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.label.equals(l)).findFirst();
    }
}
