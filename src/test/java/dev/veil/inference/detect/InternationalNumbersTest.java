package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Example;
import java.util.Random;

/**
 * The metadata shortcut gives libphonenumber's own verdict: numbers of every calling code,
 * built from the start of each region's example numbers (so that valid ones are common) and
 * random digits, are checked against {@code isValidNumber(parse(...))}.
 */
class InternationalNumbersTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final List<String> STARTS = starts();
    private static final PhoneDetector DETECTOR = new PhoneDetector();

    /** Calling code followed by the first digits of an example number of one of its regions' types. */
    private static List<String> starts() {
        List<String> out = new ArrayList<>();
        for (int code : new TreeSet<>(PHONES.getSupportedCallingCodes())) {
            out.add(Integer.toString(code));
            for (String region : PHONES.getRegionCodesForCountryCode(code)) {
                for (PhoneNumberType type : PhoneNumberType.values()) {
                    PhoneNumber example = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                            ? PHONES.getExampleNumberForNonGeoEntity(code) : PHONES.getExampleNumberForType(region, type);
                    if (example != null) {
                        out.add(code + PHONES.getNationalSignificantNumber(example));
                    }
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> internationalDigits() {
        return Combinators.combine(Arbitraries.of(STARTS), Arbitraries.doubles().between(0, 1),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14), Arbitraries.integers().between(3, 18))
                .as((start, kept, tail, length) -> {
                    String head = start.substring(0, Math.max(1, (int) Math.round(start.length() * kept)));
                    String digits = head + tail;
                    return digits.substring(0, Math.min(digits.length(), length));
                });
    }

    @Property(tries = 10_000)
    void verdictEqualsLibphonenumbersWhenItGivesOne(@ForAll("internationalDigits") String digits) {
        InternationalNumbers.Verdict verdict = InternationalNumbers.verdict(digits, 0, digits.length());
        boolean expected = validInternational("+" + digits);
        Statistics.label("verdict").collect(verdict == InternationalNumbers.Verdict.ASK ? "ask" : expected ? "valid" : "invalid");
        if (verdict != InternationalNumbers.Verdict.ASK) {
            assertThat(verdict == InternationalNumbers.Verdict.VALID).as("+" + digits).isEqualTo(expected);
        }
    }

    @Example
    void decidesMostNumbersWithoutAskingLibphonenumber() {
        Random random = new Random(5);
        int asked = 0;
        int total = 20_000;
        for (int i = 0; i < total; i++) {
            String start = STARTS.get(random.nextInt(STARTS.size()));
            StringBuilder digits = new StringBuilder(start.substring(0, 1 + random.nextInt(start.length())));
            while (digits.length() < 11) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            asked += InternationalNumbers.verdict(digits, 0, digits.length()) == InternationalNumbers.Verdict.ASK ? 1 : 0;
        }
        assertThat(asked).as("numbers left to libphonenumber").isLessThan(total / 10);
    }

    @Property(tries = 5_000)
    void phoneDetectorAgreesWithLibphonenumberOnFormattedInternationalNumbers(
            @ForAll("internationalDigits") String digits, @ForAll("separators") List<Character> separators) {
        StringBuilder value = new StringBuilder("+");
        for (int i = 0; i < digits.length(); i++) {
            value.append(digits.charAt(i));
            char sep = separators.get(i % separators.size());
            if (sep != 'x' && i < digits.length() - 1) {
                value.append(sep);
            }
        }
        String v = value.toString();
        boolean plausible = digits.length() >= 7 && digits.length() <= 15 && v.length() <= 24;
        assertThat(DETECTOR.matches(v)).as(v).isEqualTo(plausible && validInternational(v));
    }

    @Provide
    Arbitrary<List<Character>> separators() {
        return Arbitraries.of('x', 'x', 'x', ' ', '-', '.', '(', ')').list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 10_000)
    void northAmericanShortcutAgreesWithLibphonenumber(@ForAll("northAmerican") String value) {
        assertThat(DETECTOR.matches(value)).as(value).isEqualTo(valid(value, "US") || valid(value, "CA"));
    }

    /** Ten or eleven digits starting 1..9 with separators, as dotted quads and North American numbers are written. */
    @Provide
    Arbitrary<String> northAmerican() {
        Arbitrary<String> digits = Combinators.combine(Arbitraries.integers().between(1, 9),
                Arbitraries.strings().numeric().ofLength(10), Arbitraries.integers().between(10, 11))
                .as((lead, rest, length) -> (lead + rest).substring(0, length));
        return Combinators.combine(digits, separators(), Arbitraries.of("", "("))
                .as((d, seps, open) -> {
                    StringBuilder sb = new StringBuilder(open);
                    for (int i = 0; i < d.length(); i++) {
                        sb.append(d.charAt(i));
                        char sep = seps.get(i % seps.size());
                        if (sep != 'x' && i < d.length() - 1) {
                            sb.append(sep);
                        }
                    }
                    return sb.indexOf(" ") < 0 && sb.indexOf("-") < 0 && sb.indexOf(".") < 0 && sb.indexOf(")") < 0
                            ? sb.insert(Math.min(3, sb.length() - 1), ' ').toString() : sb.toString();
                });
    }

    private static boolean validInternational(String value) {
        return valid(value, "ZZ");
    }

    private static boolean valid(String value, String region) {
        try {
            return PHONES.isValidNumber(PHONES.parse(value, region));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
