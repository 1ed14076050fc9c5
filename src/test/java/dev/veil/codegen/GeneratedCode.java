package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.dynamo.ItemConverter;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Generates sanitizers for several policies at once and runs them with the real toolchains: the
 * Java ones compiled in-process ({@code -Xlint:all -Werror}) and loaded, the Python ones under
 * python3, the TypeScript ones type-checked by {@code tsc --strict} and run by Node.js. One process
 * per language handles every policy, so thousands of items cost a few seconds.
 */
final class GeneratedCode {

    /** One item to sanitize with the sanitizer of policy number {@code policy}. */
    record Case(int policy, Optional<String> requester, Map<String, DynamoValue> item) {
    }

    /**
     * Attribute names may be 64 KB, more than Jackson's default limit on a name, and may hold lone
     * surrogates, which only survive the pipe to another process as ASCII escapes.
     */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(1 << 20).build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build());

    private final List<Policy> policies;
    private final Path dir;

    GeneratedCode(List<Policy> policies, Path dir) {
        this.policies = List.copyOf(policies);
        this.dir = dir;
    }

    static List<GeneratedFile> generate(Language language, Policy policy, String javaPackage) {
        return generate(language, policy, javaPackage, CodegenFixtures.shapeOf(policy));
    }

    /** Generates as an export does over a table of {@code shape}: a view that keeps nothing projects its keys. */
    static List<GeneratedFile> generate(Language language, Policy policy, String javaPackage, TableShape shape) {
        ProjectionPlan plan = ProjectionPlan.of(policy);
        if (plan.needsKeys()) {
            plan = ProjectionPlan.of(policy, shape.keySchema().names());
        }
        return language.generator().generate(policy, plan, GeneratorOptions.withJavaPackage(javaPackage)
                .withIam(IamOptions.defaults(), java.util.Optional.of(shape)));
    }

    /** Compiles the Java sanitizers and runs every case; a sanitizer never drops an item of a policy of one kind. */
    List<Map<String, DynamoValue>> runJava(List<Case> cases) throws Exception {
        return kept(sanitizeWithJava(cases));
    }

    /** Runs every case through the generated Python modules. */
    List<Map<String, DynamoValue>> runPython(List<Case> cases) throws IOException {
        return kept(sanitizeWithPython(cases));
    }

    /** Type-checks the generated TypeScript with the pinned tsc --strict, then runs every case with Node.js. */
    List<Map<String, DynamoValue>> runTypeScript(List<Case> cases) throws IOException {
        return kept(sanitizeWithTypeScript(cases));
    }

    private static List<Map<String, DynamoValue>> kept(List<Optional<Map<String, DynamoValue>>> results) {
        List<Map<String, DynamoValue>> out = new ArrayList<>();
        for (Optional<Map<String, DynamoValue>> r : results) {
            out.add(r.orElseThrow(() -> new AssertionError("a sanitizer of a policy of one kind dropped an item whole")));
        }
        return out;
    }

    /** Compiles the Java sanitizers and runs every case; empty where the sanitizer returned null (dropped). */
    List<Optional<Map<String, DynamoValue>>> sanitizeWithJava(List<Case> cases) throws Exception {
        Path src = Files.createDirectories(dir.resolve("java-src"));
        Path classes = Files.createDirectories(dir.resolve("java-classes"));
        List<Path> files = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            GeneratedFile f = generate(Language.JAVA, policies.get(i), "gen.p" + i).get(0);
            Path file = src.resolve(f.relativePath());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.content());
            files.add(file);
            classNames.add(f.relativePath().replace(".java", "").replace('/', '.'));
        }
        compileJava(files, classes);
        List<Optional<Map<String, DynamoValue>>> out = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            List<Method> sanitizers = new ArrayList<>();
            for (String name : classNames) {
                sanitizers.add(loader.loadClass(name).getMethod("sanitize", Map.class, String.class));
            }
            for (Case c : cases) {
                @SuppressWarnings("unchecked")
                Map<String, AttributeValue> result = (Map<String, AttributeValue>) sanitizers.get(c.policy())
                        .invoke(null, ItemConverter.toSdk(c.item()), c.requester().orElse(null));
                out.add(Optional.ofNullable(result).map(ItemConverter::toModel));
            }
        }
        return out;
    }

    static void compileJava(List<Path> files, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            boolean ok = javac.getTask(diagnostics, fm, null, List.of("-Xlint:all", "-Werror", "-proc:none",
                    "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null, units).call();
            assertThat(ok).as("javac -Xlint:all -Werror on generated Java:\n" + diagnostics).isTrue();
        }
    }

    /** Runs every case through the generated Python modules; empty where sanitize returned None. */
    List<Optional<Map<String, DynamoValue>>> sanitizeWithPython(List<Case> cases) throws IOException {
        String python = Toolchains.python();
        Path pyDir = Files.createDirectories(dir.resolve("python"));
        List<String> command = new ArrayList<>(List.of(python, harness(pyDir, "python_harness.py").toString()));
        for (int i = 0; i < policies.size(); i++) {
            GeneratedFile f = generate(Language.PYTHON, policies.get(i), "gen").get(0);
            Path file = pyDir.resolve("p" + i + "_" + f.relativePath());
            Files.writeString(file, f.content());
            command.add(file.toString());
        }
        return parse(Toolchains.run(pyDir, command, input(cases)).expectSuccess("python3 harness").out(), cases.size());
    }

    /** Type-checks and runs every case with Node.js; empty where sanitize returned null. */
    List<Optional<Map<String, DynamoValue>>> sanitizeWithTypeScript(List<Case> cases) throws IOException {
        Path tsDir = compileTypeScript();
        List<String> command = new ArrayList<>(List.of(Toolchains.node(), tsDir.resolve("out/harness.js").toString()));
        for (int i = 0; i < policies.size(); i++) {
            String base = generate(Language.TYPESCRIPT, policies.get(i), "gen").get(0).relativePath().replace(".ts", ".js");
            command.add(tsDir.resolve("out/p" + i + "/" + base).toString());
        }
        return parse(Toolchains.run(tsDir, command, input(cases)).expectSuccess("node harness").out(), cases.size());
    }

    /** Writes every policy's TypeScript files and the harness, and runs tsc --strict over them. */
    Path compileTypeScript() throws IOException {
        Path tsc = Toolchains.tsc();
        Path tsDir = Files.createDirectories(dir.resolve("typescript"));
        Path link = tsDir.resolve("node_modules");
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, Toolchains.nodeModules());
        }
        harness(tsDir, "harness.ts");
        for (int i = 0; i < policies.size(); i++) {
            Path sub = Files.createDirectories(tsDir.resolve("p" + i));
            for (GeneratedFile f : generate(Language.TYPESCRIPT, policies.get(i), "gen")) {
                Files.writeString(sub.resolve(f.relativePath()), f.content());
            }
        }
        Files.writeString(tsDir.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "target": "ES2020", "module": "commonjs", "outDir": "out", "rootDir": ".",
                    "types": ["node"], "noEmitOnError": true, "skipLibCheck": true,
                    "noUnusedLocals": true, "noUnusedParameters": true, "noImplicitReturns": true
                  },
                  "include": ["*.ts", "p*/*.ts"]
                }
                """);
        Toolchains.run(tsDir, List.of(Toolchains.node(), tsc.toString(), "-p", "tsconfig.json"), "")
                .expectSuccess("tsc --strict on generated TypeScript");
        return tsDir;
    }

    private static Path harness(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (var in = GeneratedCode.class.getResourceAsStream(name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private static String input(List<Case> cases) {
        StringBuilder sb = new StringBuilder();
        for (Case c : cases) {
            ObjectNode line = JSON.createObjectNode();
            line.put("module", c.policy());
            line.put("requester", c.requester().orElse(null));
            line.set("item", DynamoJsonCodec.item(c.item()));
            try {
                sb.append(JSON.writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** One result per line: an item as DynamoDB JSON, or {@code null} for an item dropped whole. */
    private static List<Optional<Map<String, DynamoValue>>> parse(String out, int expected) {
        List<Optional<Map<String, DynamoValue>>> results = new ArrayList<>();
        try {
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    results.add(node.isNull() ? Optional.empty() : Optional.of(DynamoJsonCodec.readItem(node)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(results).as("one result per case").hasSize(expected);
        return results;
    }
}
