package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.FindingKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaiverFileTest {

    private static final Path FILE = Path.of("policies", "waivers.json");

    private static Waiver waiver(String table, String path, FindingKind kind) {
        return new Waiver(table, AttributePath.parse(path), kind, Optional.empty(), "known", "ana", LocalDate.of(2027, 1, 31));
    }

    @Test
    void theFileIsCanonicalWhateverOrderTheWaiversCameIn() {
        String a = WaiverFile.write(List.of(waiver("users", "ssn", FindingKind.NEW_ATTRIBUTE),
                waiver("orders", "\"x y\"", FindingKind.TYPE_CHANGE)));
        String b = WaiverFile.write(List.of(waiver("orders", "\"x y\"", FindingKind.TYPE_CHANGE),
                waiver("users", "ssn", FindingKind.NEW_ATTRIBUTE)));

        assertThat(a).isEqualTo(b).endsWith("}\n").doesNotContain("\r").startsWith("{\n  \"format\": \"veil-waivers/1\",")
                .containsSubsequence("\"by\"", "\"kind\"", "\"path\": \"\\\"x y\\\"\"", "\"reason\"", "\"table\": \"orders\"",
                        "\"until\": \"2027-01-31\"", "\"table\": \"users\"");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        List<Waiver> waivers = List.of(waiver("orders", "items[].sku", FindingKind.INCONSISTENT_CLASS),
                new Waiver("app", AttributePath.parse("total"), FindingKind.TYPE_CHANGE, Optional.of("ORDER"), "r", "b",
                        LocalDate.of(2026, 12, 1)));

        assertThat(WaiverFile.parse(FILE, WaiverFile.write(waivers))).extracting(WaiverFile.Located::waiver)
                .containsExactlyElementsOf(waivers.stream().sorted(Waiver.ORDER).toList());
    }

    @Test
    void anEmptyListIsAValidFile() {
        assertThat(WaiverFile.parse(FILE, WaiverFile.write(List.of()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad date|\"until\": \"2027-02-30\"|4|\"until\" is \"2027-02-30\", not a date; write YYYY-MM-DD",
            "unknown kind|\"kind\": \"leak\"|4|unknown kind \"leak\"",
            "table-wide kind|\"kind\": \"no-policy\"|4|unknown kind \"no-policy\"",
            "bad path|\"path\": \"a..b\"|4|\"path\" is not an attribute path",
            "unknown key|\"colour\": \"red\"|4|unknown key \"colour\"",
            "empty reason|\"reason\": \" \"|4|\"reason\" must not be empty"})
    void aBadValueNamesTheFileLineAndColumn(String name, String replacement, int line, String problem) {
        String good = "{\n  \"format\": \"veil-waivers/1\",\n  \"waivers\": [\n    {\n"
                + "      \"by\": \"ana\", \"kind\": \"new-attribute\", \"path\": \"ssn\", \"reason\": \"known\", \"table\": \"users\",\n"
                + "      \"until\": \"2027-01-31\"\n    }\n  ]\n}\n";
        String key = replacement.substring(0, replacement.indexOf(':'));
        String text = good.contains(key + ":") ? good.replaceFirst(java.util.regex.Pattern.quote(key) + ": \"[^\"]*\"",
                java.util.regex.Matcher.quoteReplacement(replacement)) : good.replace("\"by\": \"ana\"", replacement + ", \"by\": \"ana\"");

        assertThatThrownBy(() -> WaiverFile.parse(FILE, text)).isInstanceOf(WaiverFileException.class)
                .hasMessageStartingWith(FILE + ":")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((WaiverFileException) e).location().line()).isBetween(line, line + 2));
    }

    @Test
    void twoWaiversOfTheSameFindingAreRefused() {
        String text = WaiverFile.write(List.of(waiver("users", "ssn", FindingKind.NEW_ATTRIBUTE),
                waiver("users", "email", FindingKind.NEW_ATTRIBUTE))).replace("\"email\"", "\"ssn\"");

        assertThatThrownBy(() -> WaiverFile.parse(FILE, text)).isInstanceOf(WaiverFileException.class)
                .hasMessageContaining("a second waiver for the same finding");
    }

    @Test
    void textThatIsNotJsonIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> WaiverFile.parse(FILE, "{\n  \"format\": \"veil-waivers/1\",\n  \"waivers\": [\n}"))
                .isInstanceOf(WaiverFileException.class).hasMessageStartingWith(FILE + ":4:").hasMessageContaining("not valid JSON");
    }
}
