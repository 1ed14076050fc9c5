package dev.veil.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import dev.veil.model.AttributePath;
import dev.veil.model.PolicyRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the arrows of DESIGN.md pointing toward {@code model}. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importVeil() {
        classes = veilClasses();
    }

    /** Veil's own classes, tests left out. */
    static JavaClasses veilClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.veil");
    }

    @Test
    void packagesDependOnlyOnWhatTheDesignAllows() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("dev.veil.model..")
                .layer("work").definedBy("dev.veil.work..")
                .layer("dynamo").definedBy("dev.veil.dynamo..")
                .layer("inference").definedBy("dev.veil.inference..")
                .layer("policy").definedBy("dev.veil.policy..")
                .layer("codegen").definedBy("dev.veil.codegen..")
                .layer("drift").definedBy("dev.veil.drift..")
                .layer("workspace").definedBy("dev.veil.workspace..")
                .layer("app").definedBy("dev.veil.app..")
                .layer("cli").definedBy("dev.veil.cli..")
                .layer("ui").definedBy("dev.veil.ui..")
                .layer("demo").definedBy("dev.veil.demo..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("app").mayOnlyBeAccessedByLayers("cli", "ui")
                // The faces may read the value types these return (reports, changes, files), never I/O below.
                .whereLayer("drift").mayOnlyBeAccessedByLayers("app", "cli", "ui")
                .whereLayer("codegen").mayOnlyBeAccessedByLayers("app", "cli", "ui")
                .whereLayer("workspace").mayOnlyBeAccessedByLayers("app")
                .whereLayer("policy").mayOnlyBeAccessedByLayers("codegen", "drift", "app", "cli", "ui")
                .whereLayer("inference").mayOnlyBeAccessedByLayers("drift", "app")
                .whereLayer("dynamo").mayOnlyBeAccessedByLayers("demo", "app")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("app")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingElseOfVeil() {
        noClasses().that().resideInAPackage("dev.veil.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.veil.dynamo..", "dev.veil.inference..", "dev.veil.policy..", "dev.veil.codegen..",
                        "dev.veil.drift..", "dev.veil.workspace..", "dev.veil.app..", "dev.veil.cli..",
                        "dev.veil.ui..", "dev.veil.demo..")
                .check(classes);
    }

    @Test
    void workDependsOnNothingElseOfVeil() {
        noClasses().that().resideInAPackage("dev.veil.work..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.veil.work..", "java..")
                .check(classes);
    }

    @Test
    void progressAndCancellationTypesLiveOnlyInWork() {
        classes().that().haveSimpleNameEndingWith("Progress").or().haveSimpleNameEndingWith("ProgressListener")
                .or().haveSimpleNameEndingWith("Cancellation")
                .should().resideInAPackage("dev.veil.work")
                .check(classes);
    }

    /** One way to stop work: a {@code work.Cancellation}, never a flag or a supplier of its own. */
    @Test
    void workIsStoppedByACancellationNotABooleanSupplier() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.function.BooleanSupplier")
                .check(classes);
    }

    @Test
    void theFacesNeverTalkToTheAwsSdk() {
        noClasses().that().resideInAnyPackage("dev.veil.cli..", "dev.veil.ui..", "dev.veil.model..",
                        "dev.veil.inference..", "dev.veil.policy..", "dev.veil.drift..", "dev.veil.workspace..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
                .check(classes);
    }

    @Test
    void onlyTheWorkspaceUsesJdbc() {
        noClasses().that().resideOutsideOfPackage("dev.veil.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void viewModelsAndLogicNeverTouchTheSceneGraph() {
        noClasses().that().resideOutsideOfPackage("dev.veil.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToStandardOutput() {
        noClasses().that().resideOutsideOfPackages("dev.veil.cli..")
                .and().doNotHaveFullyQualifiedName("dev.veil.Main")
                .should().accessField(System.class, "out")
                .check(classes);
    }

    @Test
    void slf4jIsTheOneLoggingApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                        "org.apache.logging.log4j..", "org.apache.commons.logging..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class)
                .check(classes);
    }

    /**
     * {@code model.PathRule} ({@code Policy.rules()}) is the one walk of a policy tree into paths:
     * code that steps into a rule's fields or items and builds the paths as it goes is another
     * flattener. Walks along one given path (look-ups) and the generators that turn the tree into
     * nested code build no paths; the Java generator's {@code RuleTable} numbers each rule after
     * its parent's, so it needs the tree's shape and is the one exception.
     */
    @Test
    void onlyTheModelFlattensAPolicyTreeIntoPaths() {
        classes().that().resideOutsideOfPackage("dev.veil.model..")
                .and().doNotHaveFullyQualifiedName("dev.veil.codegen.RuleTable")
                .should(notStepIntoRulesWhileBuildingPaths())
                .check(classes);
    }

    private static ArchCondition<JavaClass> notStepIntoRulesWhileBuildingPaths() {
        return new ArchCondition<>("not step into PolicyRule.fields()/items() while building child paths") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean steps = calls(type.getMethodCallsFromSelf(), PolicyRule.class, Set.of("fields", "items"));
                boolean builds = calls(type.getMethodCallsFromSelf(), AttributePath.class, Set.of("child", "elements"));
                if (steps && builds) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " flattens a policy by hand: walk Policy.rules() (model.PathRule) instead"));
                }
            }
        };
    }

    /** True when one of {@code calls} is to a method of {@code owner} named one of {@code names}. */
    static boolean calls(Set<JavaMethodCall> calls, Class<?> owner, Set<String> names) {
        for (JavaMethodCall call : calls) {
            if (call.getTargetOwner().isEquivalentTo(owner) && names.contains(call.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A line of generated code inside a Java string: a Python {@code def}, {@code class} or import, a
     * TypeScript function, declaration or import, or a Java method declaration (Java is built with
     * JavaPoet, never as text).
     */
    private static final Pattern CODE_TEXT = Pattern.compile("^\\s*(?:"
            + "(?:async\\s+)?def\\s+\\w+\\s*\\(|class\\s+\\w+\\s*[(:]|from\\s+[\\w.]+\\s+import\\s|import\\s+[\\w.{*]"
            + "|(?:export\\s+)?(?:async\\s+)?function\\s*\\*?\\s*\\w+\\s*[(<]"
            + "|export\\s+(?:const|let|var|interface|type|default|async|\\{)|(?:const|let)\\s+\\w+\\s*(?::[^=]*)?="
            + "|(?:public|private|protected)\\s+(?:static\\s+)?(?:final\\s+)?[\\w<>\\[\\], ]+\\s+\\w+\\s*\\()");

    /** The classes that own a generated language's text; the runtimes themselves are resource files. */
    private static final Set<String> WRITERS = Set.of("PythonWriter.java", "TypeScriptWriter.java");

    /**
     * Generated code is written by its language's writer: the fixed runtimes are resource files
     * ({@code src/main/resources/dev/veil/codegen/runtime}, linted and type-checked as such),
     * Java goes through JavaPoet, and no other class holds a line of Python, TypeScript or Java
     * code in a string, so a runtime inlined back into a generator fails here.
     */
    @Test
    void onlyTheLanguageWritersHoldCodeText() throws IOException {
        Path main = Path.of(System.getProperty("veil.projectDir", ".")).resolve("src/main/java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (WRITERS.contains(file.getFileName().toString())) {
                    continue;
                }
                for (String line : StringLiterals.lines(Files.readString(file))) {
                    if (CODE_TEXT.matcher(line).find()) {
                        found.add(main.relativize(file) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).as("code text outside the language writers (move it to a runtime resource or a writer)").isEmpty();
    }
}
