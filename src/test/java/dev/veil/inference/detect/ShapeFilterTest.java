package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A shape filter may only rule out values its detector would not match: on every labelled value,
 * values built from every token format, one-character edits of them and arbitrary text, each
 * shipped detector's matches are all admitted by its filter, so skipping a detector never
 * changes a verdict.
 */
class ShapeFilterTest {

    private static final String EDITS = "0aZ$@.:-_/+= ~%#\u00e9\u0660";

    @Test
    void everyShippedDetectorAdmitsEveryValueItMatches() {
        Map<String, Integer> matches = new LinkedHashMap<>();
        for (String value : values()) {
            for (ValueDetector d : ValueDetectors.standard()) {
                if (d.matches(value)) {
                    matches.merge(d.id(), 1, Integer::sum);
                    assertThat(d.shape().admits(value)).as("%s matches %s", d.id(), value).isTrue();
                }
            }
        }
        // every detector met values it matches, or the check above proved nothing for it
        assertThat(matches.keySet()).containsExactlyInAnyOrderElementsOf(
                ValueDetectors.standard().stream().map(ValueDetector::id).toList());
    }

    @Property(tries = 3000)
    void arbitraryTextThatMatchesIsAdmitted(@ForAll("formatish") String value) {
        for (ValueDetector d : ValueDetectors.standard()) {
            if (d.matches(value)) {
                assertThat(d.shape().admits(value)).as("%s matches %s", d.id(), value).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<String> formatish() {
        return Arbitraries.strings().withChars("$@.:-/+=, ;()0123456789abcdefxyzAFKIZeyJ_~\u00e9").ofMaxLength(70);
    }

    @Test
    void theSetFindsExactlyTheDetectorsThatMatch() {
        List<ValueDetector> detectors = ValueDetectors.standard();
        DetectorSet set = DetectorSet.of(detectors);
        int[] found = new int[set.size()];
        for (String value : values()) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < detectors.size(); i++) {
                if (detectors.get(i).matches(value)) {
                    expected.add(i);
                }
            }
            int count = set.scan(value, found);
            List<Integer> actual = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                actual.add(found[i]);
            }
            assertThat(actual).as(value).isEqualTo(expected);
        }
    }

    @Test
    void aFilterRulesOutLengthsOpeningsAndClasses() {
        ShapeFilter f = ShapeFilter.lengths(3, 5).opening("+0").requiring(TextShape.DIGIT)
                .requiringOneOf(TextShape.ofEach("-.")).madeOf(TextShape.DIGIT | TextShape.ofEach("+-."));
        assertThat(f.admits("+1-2")).isTrue();
        assertThat(f.admits("0.12")).isTrue();
        assertThat(f.admits("+1-")).isTrue();
        assertThat(f.admits("1-23")).as("opening").isFalse();
        assertThat(f.admits("+1")).as("too short").isFalse();
        assertThat(f.admits("+1-234")).as("too long").isFalse();
        assertThat(f.admits("+-.-")).as("no digit").isFalse();
        assertThat(f.admits("+123")).as("neither - nor .").isFalse();
        assertThat(f.admits("+1-a")).as("a letter").isFalse();
        assertThat(ShapeFilter.ANY.admits("")).isTrue();
        assertThat(ShapeFilter.ANY.admits("\u00e9\u0000")).isTrue();
    }

    @Test
    void classesTellLettersDigitsPunctuationAndTheRestApart() {
        assertThat(TextShape.classes("aF")).isEqualTo(TextShape.LOWER_HEX | TextShape.UPPER_HEX);
        assertThat(TextShape.classes("gZ9")).isEqualTo(TextShape.LOWER_OTHER | TextShape.UPPER_OTHER | TextShape.DIGIT);
        assertThat(TextShape.classes("@ ")).isEqualTo(TextShape.of('@') | TextShape.of(' '));
        assertThat(TextShape.classes("\t\u00e9")).isEqualTo(TextShape.CONTROL | TextShape.NON_ASCII);
        assertThat(TextShape.classes("")).isZero();
    }

    /** The labelled corpus, five values of every token format, and one-character edits of each. */
    private static List<String> values() {
        List<String> base = new ArrayList<>();
        for (String[] row : ValueCorpus.read()) {
            base.add(row[2]);
        }
        Random random = new Random(11);
        for (TokenFormat f : TokenFormats.all()) {
            for (int i = 0; i < 5; i++) {
                base.add(TokenFormatsTest.valueOf(f, random));
            }
        }
        base.addAll(List.of("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E",
                "pbkdf2_sha256$260000$Lp0Ibjjwmr2JavY1y2PL0p$Ndw2EN5LJ3wSFIhDtJzIJlOuVGvnWfI1ObkbnWP3nIQ=",
                "$6$rounds=5000$usesomesillystri$D4IrlXatmP7rx3P3InaxBeoomnAihCKRVQP22JZ6EY47Wc6BkroIuUUBOov1i.S5KPgErtP/EN5mcO.ChWQW21",
                "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "DEUTDEFF500", "NEDSZAJJ",
                "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==", "00:1A:2b:3C:4d:5E", "0a1b.2c3d.4e5f", "fe80::1%eth0",
                "52.520008, 13.404954", "1990-05-17", "17.05.1990"));
        List<String> out = new ArrayList<>(base);
        for (String v : base) {
            for (int k = 0; k < 3; k++) {
                out.add(edited(v, random));
            }
        }
        return out;
    }

    private static String edited(String v, Random random) {
        char c = EDITS.charAt(random.nextInt(EDITS.length()));
        int at = v.isEmpty() ? 0 : random.nextInt(v.length());
        return switch (random.nextInt(3)) {
            case 0 -> v.substring(0, at) + c + v.substring(at);
            case 1 -> v.isEmpty() ? v : v.substring(0, at) + c + v.substring(at + 1);
            default -> v.isEmpty() ? v : v.substring(0, at) + v.substring(at + 1);
        };
    }
}
