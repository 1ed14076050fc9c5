package dev.veil.inference.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * libphonenumber's verdict on a number written internationally ({@code +} and digits), worked
 * out from libphonenumber's own metadata without its parser: the calling code is read as
 * {@code PhoneNumberUtil.parse} reads it, and the national number is checked against each
 * region's patterns compiled into {@link DigitAutomaton}s, in the order and with the rules of
 * {@code isValidNumber} (the first region whose leading digits match, or whose patterns accept
 * the number, is the number's region; the number is valid when a type of that region accepts
 * it at one of the type's lengths). Where libphonenumber might rewrite the number first (the
 * national number starts with what the main region's national-prefix rule strips) or a pattern
 * uses syntax the automaton lacks, the answer is {@link Verdict#ASK}: the caller asks
 * libphonenumber. {@code PhoneDetectorTest} checks the verdicts against libphonenumber's on
 * numbers of every calling code.
 *
 * <p>A calling code's automata are built the first time a number of it is seen (a few
 * milliseconds), so a start-up that meets no phone number pays nothing. Thread-safe.
 */
final class InternationalNumbers {

    /** What is known about a number without asking libphonenumber. */
    enum Verdict { VALID, INVALID, ASK }

    // libphonenumber's PhoneNumberUtil.MIN_LENGTH_FOR_NSN and MAX_LENGTH_FOR_NSN
    private static final int MIN_NATIONAL = 2;
    private static final int MAX_NATIONAL = 17;
    private static final int MAX_CALLING_CODE = 999;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final boolean[] CALLING_CODES = callingCodes();
    private static final Object UNSUPPORTED = new Object();
    private static final AtomicReferenceArray<Object> PLANS = new AtomicReferenceArray<>(MAX_CALLING_CODE + 1);

    private InternationalNumbers() {
    }

    private static boolean[] callingCodes() {
        boolean[] known = new boolean[MAX_CALLING_CODE + 1];
        for (int code : PHONES.getSupportedCallingCodes()) {
            if (code > 0 && code <= MAX_CALLING_CODE) {
                known[code] = true;
            }
        }
        return known;
    }

    /**
     * libphonenumber's {@code isValidNumber(parse("+" + digits, "ZZ"))}, or {@link Verdict#ASK},
     * where {@code digits} is {@code text[from, to)} and holds ASCII digits only: what is left of
     * a value once its {@code +} and separators (space, {@code - . ( )}) are dropped, which is all
     * libphonenumber keeps of them.
     */
    static Verdict verdict(CharSequence text, int from, int to) {
        int n = to - from;
        if (n <= MIN_NATIONAL || text.charAt(from) == '0') {
            return Verdict.INVALID; // too short after the plus; no calling code starts with 0
        }
        int code = 0;
        int length = 0;
        for (int i = 0; i < 3 && i < n; i++) {
            code = code * 10 + text.charAt(from + i) - '0';
            if (CALLING_CODES[code]) {
                length = i + 1;
                break;
            }
        }
        if (length == 0 || n - length < MIN_NATIONAL) {
            return Verdict.INVALID; // no such calling code, or nothing after it
        }
        Object plan = plan(code);
        return plan == UNSUPPORTED ? Verdict.ASK : ((Plan) plan).verdict(text, from + length, to);
    }

    /**
     * libphonenumber's verdict on a number of calling code {@code code} whose national number
     * is {@code text[from, to)}, ASCII digits only, once parsing has settled both.
     */
    static Verdict verdictIn(int code, CharSequence text, int from, int to) {
        if (code <= 0 || code > MAX_CALLING_CODE || !CALLING_CODES[code] || to - from < MIN_NATIONAL) {
            return Verdict.INVALID;
        }
        Object plan = plan(code);
        return plan == UNSUPPORTED ? Verdict.ASK : ((Plan) plan).verdict(text, from, to);
    }

    /**
     * libphonenumber's {@code isValidNumber(parse(value, region))}, or {@link Verdict#ASK}, for a
     * value written without a {@code +} whose digits are {@code digits[from, to)} (ASCII digits
     * only, the separators space and {@code - . ( )} dropped, which is all libphonenumber keeps
     * of such a value). See {@link NationalRule} for how parsing is followed.
     */
    static Verdict nationalVerdict(String region, String digits, int from, int to) {
        return NationalRule.of(region).verdict(digits, from, to);
    }

    /**
     * True when {@code region}'s general description allows no national number of
     * {@code length} digits or more, not even a local-only one (libphonenumber's
     * {@code testNumberLength} then says TOO_LONG).
     */
    static boolean tooLongFrom(String region, int length) {
        PhoneMetadata m = METADATA.getMetadataForRegion(region);
        if (m == null) {
            return false;
        }
        PhoneNumberDesc general = m.getGeneralDesc();
        List<Integer> lengths = general.getPossibleLengthList();
        return !lengths.isEmpty() && lengths.get(0) >= 0 && lengths.stream().allMatch(l -> l < length)
                && general.getPossibleLengthLocalOnlyList().stream().allMatch(l -> l < length);
    }

    /**
     * True when every valid number of calling code {@code code} has one of {@code lengths} digits
     * and starts with none of {@code digits} (checked on the automata, over every region of the
     * code), so that a national number outside that shape is invalid whatever region
     * libphonenumber would assign it to.
     */
    static boolean onlyNumbersOf(int code, List<Integer> lengths, String digits) {
        Object plan = code > 0 && code <= MAX_CALLING_CODE && CALLING_CODES[code] ? plan(code) : UNSUPPORTED;
        if (plan == UNSUPPORTED) {
            return false;
        }
        int allowed = 0;
        for (int l : lengths) {
            allowed |= 1 << l;
        }
        for (Region r : ((Plan) plan).regions()) {
            if ((r.generalLengths() & ~allowed) != 0) {
                return false;
            }
            for (char d : digits.toCharArray()) {
                if (r.types().acceptsSomethingStartingWith(d - '0', -1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Object plan(int code) {
        Object plan = PLANS.get(code);
        if (plan == null) {
            plan = build(code);
            PLANS.compareAndSet(code, null, plan);
        }
        return plan;
    }

    private static Object build(int code) {
        List<String> regionCodes = PHONES.getRegionCodesForCountryCode(code);
        List<Region> regions = new ArrayList<>();
        try {
            String nationalPrefix = "";
            for (String regionCode : regionCodes) {
                PhoneMetadata m = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(regionCode)
                        ? METADATA.getMetadataForNonGeographicalRegion(code) : METADATA.getMetadataForRegion(regionCode);
                if (m == null) {
                    return UNSUPPORTED;
                }
                if (regions.isEmpty()) {
                    nationalPrefix = m.getNationalPrefixForParsing();
                }
                regions.add(Region.of(m, regionCodes.size() > 1));
            }
            if (regions.isEmpty()) {
                return UNSUPPORTED;
            }
            DigitAutomaton afterPlus = afterPlus(nationalPrefix);
            return new Plan(afterPlus, !nationalPrefix.isEmpty() && afterPlus == null, regions.toArray(new Region[0]));
        } catch (IllegalArgumentException e) {
            return UNSUPPORTED; // a pattern beyond the automaton: libphonenumber answers for this code
        }
    }

    /**
     * parse() strips the main region's national prefix, even after a +: the automaton of that
     * rule, for {@link Plan#verdict} to leave every number it might strip to libphonenumber, or
     * null when there is none or it uses syntax the automaton lacks. An end anchor (Japan's rule
     * has one) is dropped: the automaton then accepts more starts than the rule, so more numbers
     * are asked about, never fewer. National numbers follow the rule itself, exactly, in
     * {@link NationalRule}.
     */
    private static DigitAutomaton afterPlus(String nationalPrefixForParsing) {
        if (nationalPrefixForParsing.isEmpty()) {
            return null;
        }
        try {
            return DigitAutomaton.compile(List.of(nationalPrefixForParsing.replace("$", "")));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * One calling code: the national-prefix rule of its main region (or, when {@code asksAfterPlus},
     * the knowledge that the automaton cannot read it, so that every number after a + is left to
     * libphonenumber) and its regions in libphonenumber's order.
     */
    private record Plan(DigitAutomaton nationalPrefix, boolean asksAfterPlus, Region[] regions) {

        Verdict verdict(CharSequence digits, int from, int to) {
            if (asksAfterPlus || nationalPrefix != null && nationalPrefix.prefixMatches(digits, from, to)) {
                return Verdict.ASK; // parse() might strip or rewrite the start of the national number
            }
            return nationalVerdict(digits, from, to);
        }

        /** {@code isValidNumber} of this code and the national significant number {@code digits[from, to)}. */
        Verdict nationalVerdict(CharSequence digits, int from, int to) {
            if (to - from > MAX_NATIONAL) {
                return Verdict.INVALID;
            }
            if (regions.length == 1) {
                return regions[0].valid(digits, from, to) ? Verdict.VALID : Verdict.INVALID;
            }
            for (Region r : regions) {
                if (r.leadingDigits != null) {
                    if (r.leadingDigits.prefixMatches(digits, from, to)) {
                        return r.valid(digits, from, to) ? Verdict.VALID : Verdict.INVALID;
                    }
                } else if (r.valid(digits, from, to)) {
                    return Verdict.VALID;
                }
            }
            return Verdict.INVALID; // no region claims it
        }

        Region region(String id) {
            for (Region r : regions) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * How {@code parse(value, region)} reads a value without a {@code +}, followed step by step:
     * its digits {@code D} (no extension can be written with digits and {@code - . ( )} alone)
     * are first tried against the region's international prefix ({@code parsePrefixAsIdd}: a
     * match not followed by 0 is stripped, and the rest is read as after a {@code +}). Otherwise
     * the calling code is the region's ({@code D} never starts with it here: the callers' values
     * start with 0, and no calling code does) and {@code maybeStripNationalPrefixAndCarrierCode}
     * runs: the national prefix for parsing is matched at the start ({@code lookingAt}, with the
     * regular-expression engine unless it is a choice of literal digit strings such as {@code 0}
     * or {@code 0|180020}); a match whose last group captured, in a region with a transform rule,
     * is left to libphonenumber ({@link Verdict#ASK}); otherwise the match is stripped unless
     * {@code D} fit the general description and the rest does not. {@code testNumberLength} of
     * the rest then decides between the rest and {@code D}, and {@code isValidNumber} checks
     * the national significant number (leading zeros are kept by the "Italian leading zero"
     * fields) with the plan's automata.
     */
    private record NationalRule(Plan plan, Region own, Prefix internationalPrefix, Prefix nationalPrefix,
                                boolean transforms, boolean[] keepsStripped) {

        private static final NationalRule ASK_ALWAYS = new NationalRule(null, null, null, null, false, null);
        private static final java.util.concurrent.ConcurrentHashMap<String, NationalRule> RULES =
                new java.util.concurrent.ConcurrentHashMap<>();

        static NationalRule of(String region) {
            return RULES.computeIfAbsent(region, NationalRule::build);
        }

        private static NationalRule build(String region) {
            PhoneMetadata m = METADATA.getMetadataForRegion(region);
            if (m == null || m.getCountryCode() <= 0 || m.getCountryCode() > MAX_CALLING_CODE
                    || !CALLING_CODES[m.getCountryCode()]) {
                return ASK_ALWAYS;
            }
            Object plan = InternationalNumbers.plan(m.getCountryCode());
            if (plan == UNSUPPORTED || ((Plan) plan).region(region) == null) {
                return ASK_ALWAYS;
            }
            return new NationalRule((Plan) plan, ((Plan) plan).region(region), Prefix.of(m.getInternationalPrefix()),
                    Prefix.of(m.getNationalPrefixForParsing()), !m.getNationalPrefixTransformRule().isEmpty(),
                    keepsStripped(m));
        }

        /** By length: {@code testNumberLength} lets parse() keep the stripped number (possible or too long). */
        private static boolean[] keepsStripped(PhoneMetadata m) {
            List<Integer> possible = m.getGeneralDesc().getPossibleLengthList();
            List<Integer> localOnly = m.getGeneralDesc().getPossibleLengthLocalOnlyList();
            boolean[] keeps = new boolean[MAX_NATIONAL + 2];
            for (int l = 0; l < keeps.length; l++) {
                keeps[l] = !possible.isEmpty() && possible.get(0) != -1 && !localOnly.contains(l)
                        && (possible.contains(l) || possible.get(possible.size() - 1) < l);
            }
            return keeps;
        }

        Verdict verdict(String digits, int from, int to) {
            if (plan == null) {
                return Verdict.ASK;
            }
            int idd = internationalPrefix.matchEnd(digits, from, to, null);
            if (idd >= 0 && (idd == to || digits.charAt(idd) != '0')) {
                return to - idd <= MIN_NATIONAL ? Verdict.INVALID : InternationalNumbers.verdict(digits, idd, to);
            }
            int start = from;
            boolean[] captured = {false};
            int rest = nationalPrefix.matchEnd(digits, from, to, captured);
            if (rest >= 0) {
                if (transforms && captured[0]) {
                    return Verdict.ASK; // parse() would rewrite the number by the transform rule
                }
                if (!own.generalMatches(digits, from, to) || own.generalMatches(digits, rest, to)) {
                    start = rest;
                }
            }
            if (start != from && !keepsStripped[Math.min(to - start, keepsStripped.length - 1)]) {
                start = from;
            }
            int length = to - start;
            if (length < MIN_NATIONAL || length > MAX_NATIONAL) {
                return Verdict.INVALID;
            }
            return plan.nationalVerdict(digits, start, to);
        }
    }

    /**
     * A prefix rule of the metadata, matched as {@code Matcher.lookingAt} matches it: literal
     * alternatives directly, any other pattern with the regular-expression engine, after the
     * automaton (when it can compile the pattern) has ruled out most texts.
     */
    private record Prefix(String[] literals, java.util.regex.Pattern pattern, DigitAutomaton filter) {

        static Prefix of(String regex) {
            if (regex.isEmpty()) {
                return new Prefix(new String[0], null, null);
            }
            if (regex.matches("[0-9]+(\\|[0-9]+)*")) {
                return new Prefix(regex.split("\\|"), null, null);
            }
            DigitAutomaton filter;
            try {
                filter = DigitAutomaton.compile(List.of(regex));
            } catch (IllegalArgumentException e) {
                filter = null;
            }
            return new Prefix(null, java.util.regex.Pattern.compile(regex), filter);
        }

        /**
         * Where {@code lookingAt} of {@code digits[from, to)} ends (an index into {@code digits}),
         * or -1 when it does not match; {@code capturedLast[0]}, when given, says whether the
         * pattern's last group took part in the match.
         */
        int matchEnd(String digits, int from, int to, boolean[] capturedLast) {
            if (literals != null) {
                for (String literal : literals) {
                    if (digits.startsWith(literal, from) && from + literal.length() <= to) {
                        return from + literal.length();
                    }
                }
                return -1;
            }
            if (filter != null && !filter.prefixMatches(digits, from, to)) {
                return -1;
            }
            java.util.regex.Matcher m = pattern.matcher(digits).region(from, to);
            if (!m.lookingAt()) {
                return -1;
            }
            if (capturedLast != null) {
                capturedLast[0] = m.groupCount() > 0 && m.group(m.groupCount()) != null;
            }
            return m.end();
        }
    }

    /**
     * One region's number types as one automaton: bit 0 is the general description, bit
     * {@code 1 + t} type {@code t}. {@code typesByLength[l]} has the bits of the types whose
     * possible lengths include {@code l} (or that list none); {@code generalLengths} bit
     * {@code l} says the general description allows length {@code l}.
     */
    private record Region(String id, DigitAutomaton leadingDigits, DigitAutomaton types, int generalLengths,
                          int[] typesByLength) {

        static Region of(PhoneMetadata m, boolean shared) {
            // getNumberTypeHelper's order does not matter for validity: any type will do
            List<PhoneNumberDesc> descs = new ArrayList<>(List.of(m.getPremiumRate(), m.getTollFree(),
                    m.getSharedCost(), m.getVoip(), m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail(),
                    m.getFixedLine()));
            if (!m.getSameMobileAndFixedLinePattern()) {
                descs.add(m.getMobile());
            }
            List<String> patterns = new ArrayList<>();
            PhoneNumberDesc general = m.getGeneralDesc();
            patterns.add(general.getNationalNumberPattern());
            int[] typesByLength = new int[MAX_NATIONAL + 1];
            for (PhoneNumberDesc d : descs) {
                if (!d.hasNationalNumberPattern() || d.getNationalNumberPattern().isEmpty()) {
                    continue; // an empty pattern matches nothing in libphonenumber
                }
                int bit = 1 << patterns.size();
                patterns.add(d.getNationalNumberPattern());
                for (int l = 0; l <= MAX_NATIONAL; l++) {
                    if (d.getPossibleLengthCount() == 0 || d.getPossibleLengthList().contains(l)) {
                        typesByLength[l] |= bit;
                    }
                }
            }
            int generalLengths = 0;
            for (int l = 0; l <= MAX_NATIONAL; l++) {
                if (general.getPossibleLengthCount() == 0 || general.getPossibleLengthList().contains(l)) {
                    generalLengths |= 1 << l;
                }
            }
            if (general.getNationalNumberPattern().isEmpty()) {
                generalLengths = 0;
            }
            DigitAutomaton leading = shared && m.hasLeadingDigits()
                    ? DigitAutomaton.compile(List.of(m.getLeadingDigits())) : null;
            return new Region(m.getId(), leading, DigitAutomaton.compile(patterns), generalLengths, typesByLength);
        }

        /** The general description's pattern matches the whole of {@code digits[from, to)}. */
        boolean generalMatches(CharSequence digits, int from, int to) {
            return (types.wholeMatches(digits, from, to) & 1) != 0;
        }

        boolean valid(CharSequence digits, int from, int to) {
            int length = to - from;
            if ((generalLengths & (1 << length)) == 0) {
                return false;
            }
            int matched = types.wholeMatches(digits, from, to);
            return (matched & 1) != 0 && (matched & typesByLength[length]) != 0;
        }
    }
}
