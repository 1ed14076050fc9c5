package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The printed forms {@link NationalIdDetector} reads by hand give the same answers as the
 * regular expressions they replace, on text made of the characters those forms use.
 */
class NationalIdShapesTest {

    private static final Pattern SSN = Pattern.compile("(\\d{3})([- ])(\\d{2})\\2(\\d{4})");
    private static final Pattern NINO = Pattern.compile("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");
    private static final Pattern SIN = Pattern.compile("[1-79]\\d{2}([- ])\\d{3}\\1\\d{3}");
    private static final Pattern DNI = Pattern.compile("([XYZ]|\\d)\\d{7}-?[A-Z]");
    private static final Pattern CPF = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}");

    @Property(tries = 20_000)
    void ssnIsReadAsItsPatternReadsIt(@ForAll("digitsAndSeparators") String v) {
        boolean pattern = v.length() == 11 && SSN.matcher(v).matches() && plausibleSsn(v);
        covered(pattern);
        assertThat(NationalIdDetector.ssn(v)).as(v).isEqualTo(pattern);
    }

    @Property(tries = 20_000)
    void sinShapeIsItsPattern(@ForAll("digitsAndSeparators") String v) {
        boolean matches = SIN.matcher(v).matches();
        covered(matches);
        assertThat(NationalIdDetector.sinShape(v)).as(v).isEqualTo(matches);
    }

    @Property(tries = 20_000)
    void cpfShapeIsItsPattern(@ForAll("digitsAndSeparators") String v) {
        boolean matches = CPF.matcher(v).matches();
        covered(matches);
        assertThat(NationalIdDetector.cpfShape(v)).as(v).isEqualTo(matches);
    }

    @Property(tries = 20_000)
    void dniShapeIsItsPattern(@ForAll("lettersDigitsAndSeparators") String v) {
        boolean matches = DNI.matcher(v).matches();
        covered(matches);
        assertThat(NationalIdDetector.dniShape(v)).as(v).isEqualTo(matches);
    }

    @Property(tries = 20_000)
    void ninoShapeIsItsPattern(@ForAll("lettersDigitsAndSeparators") String v) {
        boolean matches = NINO.matcher(v).matches();
        covered(matches);
        assertThat(NationalIdDetector.ninoShape(v)).as(v).isEqualTo(matches);
    }

    // the generators must make matching values often enough for the comparison to mean something
    private static void covered(boolean matches) {
        Statistics.collect(matches);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 0.5));
    }

    private static boolean plausibleSsn(String v) {
        var m = SSN.matcher(v);
        m.matches();
        int area = Integer.parseInt(m.group(1));
        return area != 0 && area != 666 && area < 900 && !m.group(3).equals("00") && !m.group(4).equals("0000");
    }

    @Provide
    Arbitrary<String> digitsAndSeparators() {
        // mostly the forms' own lengths, so that the patterns match often enough to be compared
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789- .").ofMinLength(9).ofMaxLength(15),
                Arbitraries.strings().numeric().ofLength(3).flatMap(a -> Arbitraries.of("-", " ", ".").flatMap(
                        s -> Arbitraries.strings().numeric().ofMinLength(2).ofMaxLength(3).flatMap(
                                b -> Arbitraries.of("-", " ", ".").flatMap(t -> Arbitraries.strings().numeric()
                                        .ofMinLength(2).ofMaxLength(4).map(c -> a + s + b + t + c))))),
                Arbitraries.strings().numeric().ofLength(9).map(d -> d.substring(0, 3) + "." + d.substring(3, 6) + "."
                        + d.substring(6) + "-" + d.substring(0, 2)));
    }

    @Provide
    Arbitrary<String> lettersDigitsAndSeparators() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -").ofMinLength(8).ofMaxLength(14),
                Arbitraries.strings().withChars("ABCEGHJKLMNPRSTWXYZDOQUFIV").ofLength(2).flatMap(l -> Arbitraries.strings()
                        .withChars("0123456789 ").ofMinLength(6).ofMaxLength(9).flatMap(d -> Arbitraries.strings()
                                .withChars("ABCDEZ").ofLength(1).map(e -> l + d + e))),
                Arbitraries.strings().withChars("XYZ0123456789").ofLength(1).flatMap(f -> Arbitraries.strings().numeric()
                        .ofLength(7).flatMap(d -> Arbitraries.of("", "-", "--").flatMap(s -> Arbitraries.strings()
                                .withChars("AZ09").ofLength(1).map(e -> f + d + s + e)))));
    }
}
