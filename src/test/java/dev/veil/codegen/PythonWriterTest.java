package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python literals and assignments: exact values under python3, lines within PEP 8's 79 columns. */
class PythonWriterTest {

    @TempDir
    Path dir;

    @Property(tries = 300)
    void piecesOfALongValueJoinBackToItAndEachFitsTheWidth(@ForAll long seed) {
        RandomPolicies random = new RandomPolicies(seed);
        StringBuilder value = new StringBuilder();
        for (int i = random.random().nextInt(40); i > 0; i--) {
            value.append(random.name()).append(random.random().nextBoolean() ? ", " : "");
        }
        List<String> pieces = PythonWriter.pieces(value.toString(), 60);
        assertThat(String.join("", pieces)).isEqualTo(value.toString());
        for (String piece : pieces) {
            int codePoints = piece.codePointCount(0, piece.length());
            assertThat(PythonWriter.literal(piece).length() - 2 <= 60 || codePoints == 1).as(piece).isTrue();
        }
    }

    @Test
    void assignmentsKeepTheirExactValueInPythonAndStayWithin79Columns() throws Exception {
        String python = Toolchains.python();
        List<String> values = new ArrayList<>(List.of("", "users", "sha256:" + "ab".repeat(32),
                "#veil0, #veil1, #veil2, ".repeat(20) + "#veil3", "😀\u2028\"\"\"\\${x}*/\ud800 ".repeat(12),
                "x".repeat(200)));
        PythonWriter w = new PythonWriter();
        w.line("import json");
        for (int i = 0; i < values.size(); i++) {
            w.assign("V" + i, values.get(i));
        }
        w.line("print(json.dumps([" + String.join(", ", values.stream().map(v -> "V" + values.indexOf(v)).toList()) + "]))");
        String source = w.toString();
        assertThat(source.lines()).allMatch(line -> line.length() <= PythonWriter.MAX_LINE);
        Files.writeString(dir.resolve("values.py"), source);
        JsonNode out = new ObjectMapper().readTree(Toolchains.run(dir, List.of(python, "values.py"), "")
                .expectSuccess("python3 values.py").out());
        for (int i = 0; i < values.size(); i++) {
            assertThat(out.get(i).asText()).isEqualTo(values.get(i));
        }
    }

    @Test
    void theGeneratedEntityModuleStaysWithin79Columns() {
        String module = GeneratedCode.generate(Language.PYTHON, CodegenFixtures.appData(), "x").get(0).content();
        assertThat(module.lines()).allMatch(line -> line.length() <= PythonWriter.MAX_LINE);
    }

    @Test
    void theGeneratedUsersModuleStaysWithin79Columns() {
        String module = GeneratedCode.generate(Language.PYTHON, CodegenFixtures.users(), "x").get(0).content();
        assertThat(module.lines()).allMatch(line -> line.length() <= PythonWriter.MAX_LINE);
    }

    @Test
    void generatedModulesPassPycodestyleWithNoRuleIgnored() throws Exception {
        String python = Toolchains.pycodestylePython();
        RandomPolicies random = new RandomPolicies(5);
        List<String> command = new ArrayList<>(List.of(python, "-m", "pycodestyle"));
        for (int i = 0; i < 20; i++) {
            var policy = random.policy(random.name() + "-t" + i);
            Path file = dir.resolve("p" + i + ".py");
            Files.writeString(file, GeneratedCode.generate(Language.PYTHON, policy, "x").get(0).content());
            command.add(file.toString());
        }
        RandomEntityPolicies entities = new RandomEntityPolicies(6);
        for (int i = 0; i < 10; i++) {
            Path file = dir.resolve("e" + i + ".py");
            Files.writeString(file, GeneratedCode.generate(Language.PYTHON, entities.policy("e" + i), "x").get(0).content());
            command.add(file.toString());
        }
        for (var policy : List.of(CodegenFixtures.appData(), CodegenFixtures.users())) {
            Path file = dir.resolve(policy.table() + ".py");
            Files.writeString(file, GeneratedCode.generate(Language.PYTHON, policy, "x").get(0).content());
            command.add(file.toString());
        }
        Toolchains.run(dir, command, "").expectSuccess("pycodestyle");
    }

    @Test
    void modulesOfLongNamesPassPycodestyleWithNoRuleIgnoredAndCompile() throws Exception {
        String python = Toolchains.pycodestylePython();
        List<String> command = new ArrayList<>(List.of(python, "-m", "pycodestyle"));
        List<Path> files = new ArrayList<>();
        for (var policy : CodegenFixtures.longNames()) {
            Path file = dir.resolve("long_v" + policy.version() + ".py");
            Files.writeString(file, GeneratedCode.generate(Language.PYTHON, policy, "x").get(0).content());
            command.add(file.toString());
            files.add(file);
        }

        Toolchains.run(dir, command, "").expectSuccess("pycodestyle");
        for (Path file : files) {
            Toolchains.run(dir, List.of(python, "-m", "py_compile", file.toString()), "").expectSuccess("py_compile");
        }
    }

    @Test
    void onlyTheLinesALongNameKeepsLongAreExemptFrom79Columns() {
        String module = GeneratedCode.generate(Language.PYTHON, CodegenFixtures.longNames().get(1), "x").get(0).content();

        assertThat(module.lines().filter(line -> line.length() > PythonWriter.MAX_LINE))
                .isNotEmpty()
                .allMatch(line -> line.endsWith(PythonWriter.UNBREAKABLE) || !line.contains(" "));
    }

    @Test
    void aRuleTupleTooLongForOneLineTakesOneElementPerLine() {
        PythonWriter.Value leaf = new PythonWriter.Tuple(List.of(new PythonWriter.Atom("\"secret\""),
                new PythonWriter.Atom("None"), new PythonWriter.Atom("None")));
        PythonWriter.Value chain = leaf;
        for (int i = 0; i < 8; i++) {
            chain = new PythonWriter.Tuple(List.of(new PythonWriter.Atom("\"owner-only\""), new PythonWriter.Atom("None"), chain));
        }
        String source = new PythonWriter().value("RULES = ", new PythonWriter.Dict(List.of(Map.entry("a", chain))), "").toString();
        assertThat(source.lines()).allMatch(line -> line.length() <= PythonWriter.MAX_LINE);
        assertThat(source).contains("    \"a\": (\n        \"owner-only\",\n        None,\n");
    }
}
