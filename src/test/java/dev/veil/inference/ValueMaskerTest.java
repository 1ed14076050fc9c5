package dev.veil.inference;

import static dev.veil.inference.ProfileTestValues.b;
import static dev.veil.inference.ProfileTestValues.bool;
import static dev.veil.inference.ProfileTestValues.l;
import static dev.veil.inference.ProfileTestValues.m;
import static dev.veil.inference.ProfileTestValues.n;
import static dev.veil.inference.ProfileTestValues.ns;
import static dev.veil.inference.ProfileTestValues.nul;
import static dev.veil.inference.ProfileTestValues.s;
import static dev.veil.inference.ProfileTestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.DynamoValue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ValueMaskerTest {

    private static final Pattern LENGTH_NOTE = Pattern.compile("…\\((\\d+) chars\\)$");

    @Test
    void lettersAndDigitsBecomeTheirClassAndPunctuationStays() {
        assertThat(ValueMasker.mask(s("Jane.Doe+1@mail.com"))).isEqualTo("Aaaa.Aaa+9@aaaa.aaa");
        assertThat(ValueMasker.mask(s("+1 (555) 010-9999"))).isEqualTo("+9 (999) 999-9999");
    }

    @Test
    void nonLatinLettersAndDigitsAreMaskedToo() {
        assertThat(ValueMasker.maskText("Ünïcödé 日本 ٣٤")).isEqualTo("Aaaaaaa aa 99");
    }

    @Test
    void controlCharactersBecomeQuestionMarksAndLineBreaksSpaces() {
        assertThat(ValueMasker.maskText("a\u0000b\nc\u200Bd")).isEqualTo("a?a a?a");
    }

    @Test
    void emptyStringsAreNamed() {
        assertThat(ValueMasker.mask(s(""))).isEqualTo("<empty>");
    }

    @Test
    void longValuesAreCutAndTheirLengthTold() {
        String token = "x".repeat(30) + "😀".repeat(10);

        assertThat(ValueMasker.maskText(token)).isEqualTo("a".repeat(24) + "…(40 chars)");
    }

    @Test
    void valuesOfExactlyTheShownLengthAreNotCut() {
        assertThat(ValueMasker.maskText("z".repeat(24))).isEqualTo("a".repeat(24));
    }

    @Test
    void numbersKeepSignPointAndExponent() {
        assertThat(ValueMasker.mask(n("-12.5E+3"))).isEqualTo("-99.9E+9");
        assertThat(ValueMasker.mask(n("7e-2"))).isEqualTo("9E-9");
    }

    @Test
    void binaryShowsOnlyItsLength() {
        assertThat(ValueMasker.mask(b(123))).isEqualTo("<binary 123 bytes>");
        assertThat(ValueMasker.mask(b(1))).isEqualTo("<binary 1 byte>");
    }

    @Test
    void booleansAndNullShowAsThemselves() {
        assertThat(ValueMasker.mask(bool(true))).isEqualTo("true");
        assertThat(ValueMasker.mask(bool(false))).isEqualTo("false");
        assertThat(ValueMasker.mask(nul())).isEqualTo("null");
    }

    @Test
    void mapsAndListsShowOnlyTheirSize() {
        assertThat(ValueMasker.mask(m("password", s("hunter2")))).isEqualTo("{1 key}");
        assertThat(ValueMasker.mask(l(s("secret"), s("x")))).isEqualTo("[2 elements]");
    }

    @Test
    void setsShowThreeMaskedElementsAndHowManyMore() {
        assertThat(ValueMasker.mask(ss("red", "Blue", "g1", "x", "y"))).isEqualTo("{aaa, Aaaa, a9, …+2}");
        assertThat(ValueMasker.mask(ns("10", "-2"))).isEqualTo("{99, -9}");
        assertThat(ValueMasker.mask(new DynamoValue.BS(List.of(DynamoValue.Bytes.of(new byte[2])))))
                .isEqualTo("{<binary 2 bytes>}");
    }

    @Property(tries = 2000)
    void aMaskHoldsNoLetterOrDigitOfTheText(@ForAll("texts") String text) {
        String mask = ValueMasker.maskText(text);
        if (text.isEmpty()) {
            assertThat(mask).isEqualTo("<empty>");
            return;
        }
        String body = body(mask);

        body.codePoints().forEach(cp -> assertThat(isShapeCharacter(cp) || !Character.isLetterOrDigit(cp))
                .as("code point U+%04X in mask %s", cp, body).isTrue());
    }

    @Property(tries = 1000)
    void aNumberMaskHoldsNoDigitOtherThanNine(@ForAll("numbers") String number) {
        String body = body(ValueMasker.maskNumber(number));

        assertThat(body).matches("[-+.E9]+");
    }

    @Property(tries = 1000)
    void aMaskKeepsTheLengthOrTellsIt(@ForAll("texts") String text) {
        String mask = ValueMasker.maskText(text);
        long length = text.codePoints().count();
        Matcher note = LENGTH_NOTE.matcher(mask);

        if (length > ValueMasker.MAX_SHOWN) {
            assertThat(note.find()).isTrue();
            assertThat(Long.parseLong(note.group(1))).isEqualTo(length);
            assertThat(body(mask).codePoints().count()).isEqualTo(ValueMasker.MAX_SHOWN);
        } else if (length > 0) {
            assertThat(mask.codePoints().count()).isEqualTo(length);
        }
    }

    @Property(tries = 2000)
    void theStreamedMaskHashEqualsTheHashOfTheMask(@ForAll("texts") String text) {
        assertThat(ValueMasker.maskHash(text, false)).isEqualTo(ValueMasker.maskText(text).hashCode());
        assertThat(ValueMasker.maskHash(text, true)).isEqualTo(ValueMasker.maskNumber(text).hashCode());
    }

    @Property(tries = 3000)
    void theMaskEqualsTheCodePointByCodePointMask(@ForAll("texts") String text) {
        assertThat(ValueMasker.maskText(text)).isEqualTo(referenceMask(text, false));
        assertThat(ValueMasker.maskNumber(text)).isEqualTo(referenceMask(text, true));
    }

    @Property(tries = 3000)
    void isMaskOfAgreesWithComparingTheBuiltMasks(@ForAll("texts") String text, @ForAll("texts") String other) {
        String sameShape = sameShape(text);
        for (boolean number : new boolean[] {false, true}) {
            String mask = number ? ValueMasker.maskNumber(text) : ValueMasker.maskText(text);
            assertThat(ValueMasker.isMaskOf(mask, text, number)).isTrue();
            assertThat(ValueMasker.isMaskOf(mask, sameShape, number))
                    .isEqualTo(mask.equals(number ? ValueMasker.maskNumber(sameShape) : ValueMasker.maskText(sameShape)));
            assertThat(ValueMasker.isMaskOf(mask, other, number))
                    .isEqualTo(mask.equals(number ? ValueMasker.maskNumber(other) : ValueMasker.maskText(other)));
        }
    }

    /** The text with each ASCII letter and digit replaced by another of its kind, and a few lengths changed. */
    private static String sameShape(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c >= 'a' && c < 'z' ? (char) (c + 1) : c >= '0' && c < '9' ? (char) (c + 1) : c);
        }
        if (text.length() % 3 == 1) {
            sb.append('x');
        }
        return sb.toString();
    }

    /** The masking rule of the class description, one code point at a time through Character.getType. */
    private static String referenceMask(String text, boolean number) {
        if (text.isEmpty()) {
            return "<empty>";
        }
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (total < ValueMasker.MAX_SHOWN) {
                int masked = number && (cp == 'e' || cp == 'E') ? 'E' : switch (Character.getType(cp)) {
                    case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> 'A';
                    case Character.LOWERCASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                            Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK,
                            Character.ENCLOSING_MARK -> 'a';
                    case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> '9';
                    case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> ' ';
                    case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                            Character.UNASSIGNED -> Character.isWhitespace(cp) ? ' ' : '?';
                    default -> cp;
                };
                sb.appendCodePoint(masked);
            }
            total++;
        }
        if (total > ValueMasker.MAX_SHOWN) {
            sb.append("…(").append(total).append(" chars)");
        }
        return sb.toString();
    }

    private static String body(String mask) {
        return LENGTH_NOTE.matcher(mask).replaceFirst("");
    }

    private static boolean isShapeCharacter(int cp) {
        return cp == 'a' || cp == 'A' || cp == '9';
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withCharRange('\ud83d', '\ud83e').withCharRange('\ude00', '\ude4f')
                        .withChars("eE+-.0123456789").ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().withChars("@.-_ ").ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0600', '\u06ff').withCharRange('\u4e00', '\u4fff').ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> numbers() {
        return ProfileMergePropertyTest.numbers();
    }
}
