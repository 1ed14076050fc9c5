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

    /**
     * National forms (digits only) of the trunk-zero regions' example numbers, a bare 0, and the
     * starts of their international and national prefix rules (00, 0011, 0161, 010, 009, 003768,
     * 0005, 01831, 08...).
     */
    private static List<String> nationalStarts() {
        List<String> out = new ArrayList<>(List.of("0", "00", "01", "0180020", "0011", "0014", "00144", "0161",
                "010", "009", "003768", "0037680", "0005", "0002", "01831", "081", "0855", "014", "0012", "0090",
                "00441", "0049", "00181"));
        for (String region : PhoneDetector.TRUNK_ZERO_REGIONS) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = PHONES.getExampleNumberForType(region, type);
                if (example != null) {
                    String national = PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                            .replaceAll("[^0-9]", "");
                    if (national.startsWith("0")) {
                        out.add(national);
                    }
                }
            }
        }
        return out;
    }

    private static final List<String> NATIONAL_STARTS = nationalStarts();

    /** A trunk-zero region and digits starting with 0: the start of a national example number, then random digits. */
    @Provide
    Arbitrary<List<String>> trunkZeroDigits() {
        return Combinators.combine(Arbitraries.of(PhoneDetector.TRUNK_ZERO_REGIONS), Arbitraries.of(NATIONAL_STARTS),
                Arbitraries.doubles().between(0, 1), Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14),
                Arbitraries.integers().between(3, 17))
                .as((region, start, kept, tail, length) -> {
                    String head = start.substring(0, Math.max(1, (int) Math.round(start.length() * kept)));
                    String digits = head + tail;
                    return List.of(region, digits.substring(0, Math.min(digits.length(), length)));
                });
    }

    @Property(tries = 10_000)
    void nationalVerdictEqualsLibphonenumbersWhenItGivesOne(@ForAll("trunkZeroDigits") List<String> regionAndDigits) {
        String region = regionAndDigits.get(0);
        String digits = regionAndDigits.get(1);
        InternationalNumbers.Verdict verdict = InternationalNumbers.nationalVerdict(region, digits, 0, digits.length());
        boolean expected = valid(digits, region);
        Statistics.label("verdict").collect(verdict == InternationalNumbers.Verdict.ASK ? "ask" : expected ? "valid" : "invalid");
        if (verdict != InternationalNumbers.Verdict.ASK) {
            assertThat(verdict == InternationalNumbers.Verdict.VALID).as(region + " " + digits).isEqualTo(expected);
        }
    }

    @Property(tries = 5_000)
    void phoneDetectorAgreesWithLibphonenumberOnTrunkZeroNumbers(
            @ForAll("trunkZeroDigits") List<String> regionAndDigits, @ForAll("separators") List<Character> separators) {
        String digits = regionAndDigits.get(1);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            value.append(digits.charAt(i));
            char sep = separators.get(i % separators.size());
            if (sep != 'x' && i < digits.length() - 1) {
                value.append(sep);
            }
        }
        if (value.indexOf(" ") < 0 && value.indexOf("-") < 0 && value.indexOf(".") < 0 && value.indexOf(")") < 0) {
            value.insert(Math.min(3, value.length() - 1), ' ');
        }
        String v = value.toString();
        boolean date = v.length() == 10 && (v.charAt(4) == '-' || v.charAt(2) == '.' || v.charAt(2) == '-'
                || v.charAt(4) == '.');
        boolean plausible = digits.length() >= 7 && digits.length() <= 15 && v.length() <= 24 && !date;
        boolean expected = plausible && PhoneDetector.TRUNK_ZERO_REGIONS.stream().anyMatch(r -> valid(v, r));
        assertThat(DETECTOR.matches(v)).as(v).isEqualTo(expected);
    }

    @Example
    void decidesMostTrunkZeroNumbersWithoutAskingLibphonenumber() {
        Random random = new Random(7);
        int asked = 0;
        int total = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder digits = new StringBuilder("0");
            while (digits.length() < 9 + random.nextInt(3)) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            for (String region : PhoneDetector.TRUNK_ZERO_REGIONS) {
                total++;
                asked += InternationalNumbers.nationalVerdict(region, digits.toString(), 0, digits.length())
                        == InternationalNumbers.Verdict.ASK ? 1 : 0;
            }
        }
        assertThat(asked).as("region tries left to libphonenumber").isLessThan(total / 5);
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
