package dev.veil.policy;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class PolicyJsonTest {

    @Test
    void writesTheCanonicalFormOfTheGoldenFile() {
        assertThat(PolicyJson.write(Fixtures.users())).isEqualTo(Fixtures.resource("golden/users-v1.json"));
    }

    @Test
    void canonicalTextUsesLfTwoSpaceIndentAndATrailingNewline() {
        String text = PolicyJson.write(Fixtures.users());
        assertThat(text).doesNotContain("\r").doesNotContain("\t").endsWith("}\n").doesNotEndWith("\n\n");
        assertThat(text.lines().filter(l -> !l.isEmpty()))
                .allSatisfy(l -> assertThat((l.length() - l.stripLeading().length()) % 2).isZero());
    }

    @Test
    void readingTheGoldenFileGivesBackThePolicyWithItsDigest() {
        Policy read = PolicyJson.parse(Fixtures.resource("golden/users-v1.json"), "users-v1.json");
        assertThat(read).isEqualTo(Fixtures.sealed(Fixtures.users()));
    }

    @Test
    void readingAFileFromDiskChecksItLikeParsing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("v1.json");
        Files.writeString(f, PolicyJson.write(Fixtures.users()));
        assertThat(PolicyJson.read(f)).isEqualTo(Fixtures.sealed(Fixtures.users()));
    }

    @Test
    void readingAMissingFileIsAStoreError(@TempDir Path dir) {
        assertThatThrownBy(() -> PolicyJson.read(dir.resolve("nope.json")))
                .isInstanceOf(PolicyStoreException.class).hasMessageContaining("nope.json");
    }

    @Test
    void theTextWithoutDigestIsTheFileMinusItsDigestLine() {
        String full = PolicyJson.write(Fixtures.users());
        String without = PolicyJson.canonicalWithoutDigest(Fixtures.users());
        assertThat(full.lines().filter(l -> !l.startsWith("  \"digest\": ")).toList()).isEqualTo(without.lines().toList());
    }

    @Test
    void writingAPolicyWhoseDigestNoLongerFitsItsContentIsRefused() {
        Policy stale = Fixtures.sealed(Fixtures.users());
        Policy changed = new Policy(stale.table(), stale.version(), stale.previous(), Optional.of("email"),
                stale.attributes(), stale.digest());
        assertThatThrownBy(() -> PolicyJson.write(changed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("content hashes to");
    }

    @Test
    void emptyAttributesAndNoOwnerAreWrittenAsEmptyObjectAndNull() {
        String text = PolicyJson.write(Policy.draft("users", 1, Optional.empty(), Optional.empty(), java.util.Map.of()));
        assertThat(text).contains("\"attributes\": {},\n").contains("\"owner\": null,\n").contains("\"previous\": null,\n");
    }

    @Test
    void keysAreSortedByCodePointNotByUtf16Unit() {
        // U+FF21 sorts after U+1F600 in UTF-16 units (0xFF21 > 0xD83D) but before it by code point.
        Policy p = Fixtures.withRule(Fixtures.withRule(Fixtures.users(), "\uFF21", Fixtures.rule(Classification.PUBLIC)),
                "\uD83D\uDE00", Fixtures.rule(Classification.PUBLIC));
        String text = PolicyJson.write(p);
        assertThat(text.indexOf("\"\uFF21\"")).isLessThan(text.indexOf("\"\uD83D\uDE00\""));
    }

    @Test
    void typesAreWrittenAsSortedCodes() {
        Policy p = Fixtures.withRule(Fixtures.users(), "mixed", Fixtures.rule(Classification.PUBLIC, DynamoType.S, DynamoType.NULL,
                DynamoType.BOOL, DynamoType.N));
        assertThat(PolicyJson.write(p)).contains("\"types\": [\n        \"BOOL\",\n        \"N\",\n        \"NULL\",\n        \"S\"\n      ]");
    }

    @Test
    void parsingAcceptsCorrectButReformattedTextSinceTheDigestCoversContentOnly() {
        String compact = PolicyJson.write(Fixtures.users()).replace("\n", "").replace("  ", "");
        assertThat(PolicyJson.parse(compact, "compact.json")).isEqualTo(Fixtures.sealed(Fixtures.users()));
    }

    @Test
    void parsingReportsSourceLineAndColumnOfTheFirstProblem() {
        String text = PolicyJson.write(Fixtures.users()).replace("\"class\": \"secret\"", "\"class\": \"hidden\"");
        assertThatThrownBy(() -> PolicyJson.parse(text, "users/v1.json"))
                .isInstanceOfSatisfying(PolicyFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("users/v1.json");
                    assertThat(e.line()).isEqualTo(lineOf(text, "\"hidden\""));
                    assertThat(e.column()).isEqualTo(16);
                    assertThat(e.problem()).contains("unknown class \"hidden\" for `password_hash`");
                    assertThat(e.hint()).contains("public, owner-only, secret");
                    assertThat(e.getMessage()).startsWith("users/v1.json:" + e.line() + ":16: ");
                });
    }

    @Test
    void pythonComputesTheSameDigestFromTheFile(@TempDir Path dir) throws Exception {
        assumeThat(python()).as("python3 on PATH").isTrue();
        Policy p = Fixtures.withRule(Fixtures.users(), "we\"ird.\n name \uD83D\uDE00 \u0001 \\",
                Fixtures.rule(Classification.PUBLIC, "zoë", "note with \"quotes\"\tand tab", DynamoType.S));
        Path f = dir.resolve("v1.json");
        Files.writeString(f, PolicyJson.write(p), StandardCharsets.UTF_8);
        String script = "import json,hashlib,sys\n"
                + "t=open(sys.argv[1],encoding='utf-8').read()\n"
                + "d=json.loads(t)\n"
                + "dig=d.pop('digest')\n"
                + "c=json.dumps(d,indent=2,sort_keys=True,ensure_ascii=False)+'\\n'\n"
                + "d['digest']=dig\n"
                + "print('sha256:'+hashlib.sha256(c.encode('utf-8')).hexdigest())\n"
                + "print(json.dumps(d,indent=2,sort_keys=True,ensure_ascii=False)+'\\n'==t)\n";
        Process proc = new ProcessBuilder("python3", "-c", script, f.toString()).redirectErrorStream(true).start();
        List<String> out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsExactly(PolicyDigest.compute(p), "True");
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
