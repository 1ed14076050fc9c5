package dev.veil.codegen;

import java.util.Objects;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/** Settings of the generators; today only the package of the generated Java class. */
public record GeneratorOptions(String javaPackage) {

    /** The Java package used when none is given. */
    public static final String DEFAULT_JAVA_PACKAGE = "veil.generated";

    private static final Pattern DOTTED = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    public GeneratorOptions {
        Objects.requireNonNull(javaPackage, "javaPackage");
        if (!DOTTED.matcher(javaPackage).matches() || !SourceVersion.isName(javaPackage)) {
            throw new IllegalArgumentException("'" + javaPackage + "' is not a Java package name; "
                    + "write one like com.example.users (letters, digits and _, no keywords)");
        }
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_JAVA_PACKAGE);
    }

    public static GeneratorOptions withJavaPackage(String javaPackage) {
        return new GeneratorOptions(javaPackage);
    }
}
