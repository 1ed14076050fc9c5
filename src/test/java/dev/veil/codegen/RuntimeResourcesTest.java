package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime resource files, checked as files of their language: the Python runtime with
 * pycodestyle (no rule ignored) and python3, the TypeScript runtime and reads with the pinned tsc
 * under every strict flag as CommonJS and as Node ESM, and the entity sections in the places the
 * writer puts them.
 */
class RuntimeResourcesTest {

    private static final Path RUNTIME = Toolchains.projectDir().resolve("src/main/resources/dev/veil/codegen/runtime");

    @TempDir
    Path dir;

    @Test
    void thePythonRuntimePassesPycodestyleWithNoRuleIgnored() {
        String python = Toolchains.pycodestylePython();
        Toolchains.run(dir, List.of(python, "-m", "pycodestyle", RUNTIME.resolve("veil_runtime.py").toString()), "")
                .expectSuccess("pycodestyle veil_runtime.py");
    }

    @Test
    void thePythonRuntimeCompiles() throws Exception {
        Path copy = Files.copy(RUNTIME.resolve("veil_runtime.py"), dir.resolve("veil_runtime.py"));
        Toolchains.run(dir, List.of(Toolchains.python(), "-c",
                "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')", copy.toString()), "")
                .expectSuccess("python3 compile veil_runtime.py");
    }

    @ParameterizedTest
    @ValueSource(strings = {"commonjs", "esm"})
    void theTypeScriptRuntimeAndReadsTypeCheckAsTheyStand(String modules) throws Exception {
        Files.copy(RUNTIME.resolve("veil_runtime.ts"), dir.resolve("veil_runtime.ts"));
        Files.copy(RUNTIME.resolve("veil_reads.ts"), dir.resolve("veil_reads.ts"));
        typeCheck(modules);
    }

    @ParameterizedTest
    @ValueSource(strings = {"commonjs", "esm"})
    void theEntitySectionsTypeCheckInTheirPlaces(String modules) throws Exception {
        String runtime = Files.readString(RUNTIME.resolve("veil_runtime.ts"));
        String entities = Files.readString(RUNTIME.resolve("veil_entities.ts"));
        var base = RuntimeText.split(runtime, "// veil: ");
        var entity = RuntimeText.split(entities, "// veil: ");
        String sanitizer = String.join("\n", base.get("sample-constants"), base.get("types"), base.get("sample-rules"),
                entity.get("entity-types"), entity.get("sample-entities"), base.get("compile"), entity.get("sanitize-entities"),
                base.get("filter"));
        Files.writeString(dir.resolve("veil_runtime.ts"), sanitizer);
        Files.writeString(dir.resolve("veil_reads.ts"), new TypeScriptWriter().reads(true, "veil_runtime").toString());
        typeCheck(modules);
    }

    @Test
    void aMissingSectionIsAVeilBugNamingTheResource() {
        RuntimeText text = RuntimeText.load("veil_runtime.py", "# veil: ");
        assertThat(text.section("compile")).startsWith("_DROP = object()\n").endsWith("compiled_items\n");
        assertThatThrownBy(() -> text.section("no-such-section"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("veil_runtime.py").hasMessageContaining("no-such-section");
    }

    private void typeCheck(String modules) throws Exception {
        Path tsc = Toolchains.tsc();
        Files.createSymbolicLink(dir.resolve("node_modules"), Toolchains.nodeModules());
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
                  "include": ["*.ts"]
                }
                """.formatted(esm ? "nodenext" : "commonjs", esm ? "nodenext" : "node10"));
        Toolchains.run(dir, List.of(Toolchains.node(), tsc.toString(), "-p", "tsconfig.json"), "")
                .expectSuccess("tsc --strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes (" + modules + ")");
    }
}
