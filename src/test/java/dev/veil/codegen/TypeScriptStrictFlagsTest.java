package dev.veil.codegen;

import dev.veil.model.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated TypeScript (sanitizer and reads, safeQuery included) type-checks with the pinned
 * tsc under {@code --strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes}, both as
 * CommonJS and as Node ESM ({@code nodenext}, which needs explicit {@code .js} import paths), for
 * the users fixture and random policies with hostile names.
 */
class TypeScriptStrictFlagsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"commonjs", "esm"})
    void generatedTypeScriptTypeChecksUnderEveryStrictFlag(String modules) throws Exception {
        Path tsc = Toolchains.tsc();
        Files.createSymbolicLink(dir.resolve("node_modules"), Toolchains.nodeModules());
        List<Policy> policies = new ArrayList<>(List.of(CodegenFixtures.users()));
        RandomPolicies random = new RandomPolicies(11);
        for (int i = 0; i < 6; i++) {
            policies.add(random.policy(random.name() + "-t" + i));
        }
        policies.add(CodegenFixtures.appData());
        RandomEntityPolicies entities = new RandomEntityPolicies(12);
        for (int i = 0; i < 4; i++) {
            policies.add(entities.policy(entities.names().name() + "-e" + i));
        }
        for (int i = 0; i < policies.size(); i++) {
            Path sub = Files.createDirectories(dir.resolve("p" + i));
            for (GeneratedFile f : GeneratedCode.generate(Language.TYPESCRIPT, policies.get(i), "x")) {
                Files.writeString(sub.resolve(f.relativePath()), f.content());
            }
        }
        boolean esm = modules.equals("esm");
        if (esm) {
            Files.writeString(dir.resolve("package.json"), "{\"type\": \"module\"}\n");
        }
        Files.writeString(dir.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true,
                    "target": "ES2020", "module": "%s", "moduleResolution": "%s",
                    "types": ["node"], "noEmit": true, "skipLibCheck": true
                  },
                  "include": ["p*/*.ts"]
                }
                """.formatted(esm ? "nodenext" : "commonjs", esm ? "nodenext" : "node10"));
        Toolchains.run(dir, List.of(Toolchains.node(), tsc.toString(), "-p", "tsconfig.json"), "")
                .expectSuccess("tsc --strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes (" + modules + ")");
    }
}
