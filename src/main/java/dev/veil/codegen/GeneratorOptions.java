package dev.veil.codegen;

import dev.veil.model.VeilFailure;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Settings of the generators.
 *
 * @param javaPackage the package of the generated Java class
 * @param iam         the ARN and principal variable of the IAM policies
 * @param tableShape  the table's keys and indexes, which only the IAM policies need; empty when
 *                    nothing records them
 */
public record GeneratorOptions(String javaPackage, IamOptions iam, Optional<TableShape> tableShape) {

    /** The Java package used when none is given. */
    public static final String DEFAULT_JAVA_PACKAGE = "veil.generated";

    private static final Pattern DOTTED = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    public GeneratorOptions {
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(iam, "iam");
        Objects.requireNonNull(tableShape, "tableShape");
        if (!DOTTED.matcher(javaPackage).matches() || !SourceVersion.isName(javaPackage)) {
            throw VeilFailure.badInput("'" + javaPackage + "' is not a Java package name; "
                    + "write one like com.example.users (letters, digits and _, no keywords)");
        }
    }

    /** Options for sanitizers only: a Java package and no table shape. */
    public GeneratorOptions(String javaPackage) {
        this(javaPackage, IamOptions.defaults(), Optional.empty());
    }

    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_JAVA_PACKAGE);
    }

    public static GeneratorOptions withJavaPackage(String javaPackage) {
        return new GeneratorOptions(javaPackage);
    }

    /** A copy with IAM settings and the table's shape. */
    public GeneratorOptions withIam(IamOptions newIam, Optional<TableShape> shape) {
        return new GeneratorOptions(javaPackage, newIam, shape);
    }
}
