package dev.veil.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The application's words name no control of any face: a message of {@code app} (or of the
 * policy rules it passes on) says what is wrong, and each face adds where to change it (the CLI
 * its option, the console its control). Scans the string literals of the sources.
 */
class MessageWordingTest {

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** A command of another tool quoted in a message (`aws s3 cp --recursive ...`): its flags are not Veil's. */
    private static final Pattern OTHER_TOOL = Pattern.compile("`aws [^`]*`");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

    @Test
    void noMessageOfTheApplicationThePolicyRulesOrTheModelNamesACommandLineFlag() throws IOException {
        List<String> found = new ArrayList<>();
        // dynamo and workspace failures name the setting to change as a model.Setting, which each
        // face turns into its option or field. drift stays out: the `action` of each finding is a
        // whole `veil ...` command to run, a contract of the reports (JSON, SARIF, Markdown, HTML)
        // that CI pipelines read, so those texts keep their flags on purpose.
        for (String pkg : List.of("app", "policy", "model", "work", "inference", "dynamo", "workspace")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/veil", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    found.addAll(flagsIn(f));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScanFindsAFlagInAStringLiteral() {
        assertThat(flags("throw VeilException.badInput(\"--items must be at least 1\");")).containsExactly("--items");
        assertThat(flags("// a comment about --items is not a message")).isEmpty();
        assertThat(flags("\"download it with `aws s3 cp --recursive s3://B/P DIR`\"")).isEmpty();
    }

    private static List<String> flagsIn(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            for (String flag : flags(lines.get(i))) {
                found.add(file + ":" + (i + 1) + ": " + flag);
            }
        }
        return found;
    }

    private static List<String> flags(String line) {
        String code = line.strip().startsWith("//") || line.strip().startsWith("*") ? "" : line;
        List<String> found = new ArrayList<>();
        Matcher s = STRING.matcher(code);
        while (s.find()) {
            Matcher f = FLAG.matcher(OTHER_TOOL.matcher(s.group(1)).replaceAll("`aws`"));
            while (f.find()) {
                found.add(f.group());
            }
        }
        return found;
    }
}
