package dev.veil.inference.detect;

/**
 * Government identifiers in their printed forms, validated by their rule or check digit:
 * US Social Security and ITIN numbers, UK National Insurance and NHS numbers, Canadian SIN,
 * Spanish DNI/NIE, Brazilian CPF and CNPJ, the personal codes of every EU member state (see
 * {@link NationalIds}: PESEL, personnummer, henkilotunnus, codice fiscale, NIR, BSN, CNP, EGN,
 * EMSO...), Australian TFN and Medicare, Indian Aadhaar and PAN, Korean resident registration,
 * Japanese My Number and Singapore NRIC/FIN. Identifiers without a date or letter in them count
 * only in their grouped, printed form ({@code 1234 5678 9012}): as bare digit runs they are
 * indistinguishable from ordinary numbers.
 */
public final class NationalIdDetector extends BaseDetector {

    public static final String ID = "national-id";

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    public NationalIdDetector() {
        super(ID, "national identifiers (SSN, NINO, PESEL, personnummer, Aadhaar, CPF...)", Leaning.OWNER_ONLY, 0.9);
    }

    @Override
    public ShapeFilter shape() {
        // every printed form below is upper-case letters, digits and these separators
        return ShapeFilter.lengths(7, 24).opening("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .madeOf(TextShape.UPPER | TextShape.DIGIT | TextShape.ofEach(" -./+"));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 7 || n > 24) {
            return false;
        }
        char first = value.charAt(0);
        if (first >= '0' && first <= '9') {
            return ssn(value) || sin(value) || dni(value) || cpf(value) || digits(value) || lettered(value);
        }
        return first >= 'A' && first <= 'Z' && (nino(value) || dni(value) || lettered(value));
    }

    /** Identifiers with letters in them: the letters make the shape distinctive. */
    private static boolean lettered(String v) {
        return switch (v.length()) {
            case 7, 8 -> NationalIds.ie(v) || NationalIds.mt(v);
            case 9 -> NationalIds.ie(v) || NationalIds.cy(v) || NationalIds.sg(v);
            case 10 -> NationalIds.pan(v);
            case 11 -> NationalIds.fi(v);
            case 15 -> NationalIds.fr(v);
            case 16 -> NationalIds.it(v);
            default -> v.length() > 15 && spaces(v) == v.length() - 15
                    && NationalIds.fr(Checksums.digitsOrLettersWithout(v, " "));
        };
    }

    // A French number printed in groups ("1 84 12 76 451 089 46") has 15 characters but for its
    // spaces: counting them first spares a copy of every longer value (AWS key ids, tokens).
    private static int spaces(String v) {
        int count = 0;
        for (int i = 0; i < v.length(); i++) {
            count += v.charAt(i) == ' ' ? 1 : 0;
        }
        return count;
    }

    /** Digit-only identifiers, with the separators their printed forms use. */
    private static boolean digits(String v) {
        int count = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            } else if (" -./+".indexOf(c) < 0) {
                return false;
            }
        }
        boolean grouped = count != v.length();
        // ungrouped runs of these lengths match nothing below: decided before copying the digits
        if (count < 9 || count > 15 || !grouped && (count == 9 || count == 10 || count == 12 || count == 14)) {
            return false;
        }
        String d = grouped ? Checksums.digitsWithout(v, " -./+") : v;
        if (Checksums.allSame(d)) {
            return false;
        }
        return switch (d.length()) {
            case 9 -> v.indexOf('-') >= 0 ? v.indexOf('-') == 3 && NationalIds.itin(d)
                    : grouped && (NationalIds.nl(d) || NationalIds.tfn(d) || NationalIds.pt(d));
            case 10 -> grouped && (NationalIds.at(d) || NationalIds.bg(d) || NationalIds.czSk(d)
                    || (v.indexOf('-') == 6 && NationalIds.dk(d)) || NationalIds.se(d) || NationalIds.nhs(d)
                    || NationalIds.medicare(d));
            case 11 -> NationalIds.pl(d) || NationalIds.eeLt(d) || NationalIds.be(d)
                    || (grouped && (NationalIds.de(d) || NationalIds.gr(d) || NationalIds.hu(d) || NationalIds.lv(d)));
            case 12 -> grouped && (NationalIds.aadhaar(d) || NationalIds.jp(d) || NationalIds.se(d));
            case 13 -> NationalIds.ro(d) || NationalIds.si(d) || NationalIds.lu(d) || (grouped && NationalIds.kr(d));
            case 14 -> grouped && NationalIds.cnpj(d);
            case 15 -> NationalIds.fr(d);
            default -> false;
        };
    }

    static boolean ssn(String v) {
        if (v.length() != 11) {
            return false; // the pattern's only length; no matcher for the rest
        }
        // (\d{3})([- ])(\d{2})\2(\d{4}), read by hand: a matcher per value cost more than the rest
        char sep = v.charAt(3);
        if (!(sep == '-' || sep == ' ') || v.charAt(6) != sep || !Checksums.allDigits(v, 0, 3)
                || !Checksums.allDigits(v, 4, 6) || !Checksums.allDigits(v, 7, 11)) {
            return false;
        }
        int area = (v.charAt(0) - '0') * 100 + (v.charAt(1) - '0') * 10 + (v.charAt(2) - '0');
        return area != 0 && area != 666 && area < 900 && !v.startsWith("00", 4) && !v.startsWith("0000", 7);
    }

    static boolean nino(String v) {
        if (v.length() < 9 || v.length() > 13 || !ninoShape(v)) {
            return false;
        }
        String prefix = v.substring(0, 2);
        return !(prefix.equals("BG") || prefix.equals("GB") || prefix.equals("KN") || prefix.equals("NK")
                || prefix.equals("NT") || prefix.equals("TN") || prefix.equals("ZZ"));
    }

    static boolean sin(String v) {
        return v.length() == 11 && sinShape(v) && Checksums.luhn(Checksums.digitsWithout(v, " -"));
    }

    static boolean dni(String v) {
        if (v.length() < 9 || v.length() > 10 || !dniShape(v)) {
            return false;
        }
        String body = v.substring(0, 8);
        char lead = body.charAt(0);
        if (lead >= 'X') {
            body = (char) ('0' + (lead - 'X')) + body.substring(1);
        }
        int number = Integer.parseInt(body);
        return DNI_LETTERS.charAt(number % 23) == v.charAt(v.length() - 1);
    }

    static boolean cpf(String v) {
        if (v.length() != 14 || !cpfShape(v)) {
            return false;
        }
        String d = Checksums.digitsWithout(v, ".-");
        if (Checksums.allSame(d)) {
            return false;
        }
        return cpfDigit(d, 9) == d.charAt(9) - '0' && cpfDigit(d, 10) == d.charAt(10) - '0';
    }

    private static int cpfDigit(String d, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (d.charAt(i) - '0') * (count + 1 - i);
        }
        int r = (sum * 10) % 11;
        return r == 10 ? 0 : r;
    }

    // The printed forms below are read by hand rather than by java.util.regex: a matcher per
    // value was most of this detector's cost. NationalIdShapesTest checks each against the
    // pattern it stands for, quoted in its comment.

    /** {@code [A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]}. */
    static boolean ninoShape(String v) {
        int n = v.length();
        if (n < 9 || "ABCEGHJKLMNOPRSTWXYZ".indexOf(v.charAt(0)) < 0
                || "ABCEGHJKLMNPRSTWXYZ".indexOf(v.charAt(1)) < 0) {
            return false;
        }
        int i = 2;
        for (int pair = 0; pair < 3; pair++) {
            if (i < n && v.charAt(i) == ' ') {
                i++;
            }
            if (i + 2 > n || !Checksums.allDigits(v, i, i + 2)) {
                return false;
            }
            i += 2;
        }
        if (i < n && v.charAt(i) == ' ') {
            i++;
        }
        return i == n - 1 && v.charAt(i) >= 'A' && v.charAt(i) <= 'D';
    }

    /** {@code [1-79]\d{2}([- ])\d{3}\1\d{3}}. */
    static boolean sinShape(String v) {
        if (v.length() != 11) {
            return false;
        }
        char first = v.charAt(0);
        char sep = v.charAt(3);
        return first >= '1' && first <= '9' && first != '8' && (sep == '-' || sep == ' ') && v.charAt(7) == sep
                && Checksums.allDigits(v, 1, 3) && Checksums.allDigits(v, 4, 7) && Checksums.allDigits(v, 8, 11);
    }

    /** {@code ([XYZ]|\d)\d{7}-?[A-Z]}. */
    static boolean dniShape(String v) {
        int n = v.length();
        if (n != 9 && n != 10) {
            return false;
        }
        char first = v.charAt(0);
        char last = v.charAt(n - 1);
        return (first == 'X' || first == 'Y' || first == 'Z' || (first >= '0' && first <= '9'))
                && Checksums.allDigits(v, 1, 8) && (n == 9 || v.charAt(8) == '-') && last >= 'A' && last <= 'Z';
    }

    /** {@code \d{3}\.\d{3}\.\d{3}-\d{2}}. */
    static boolean cpfShape(String v) {
        return v.length() == 14 && v.charAt(3) == '.' && v.charAt(7) == '.' && v.charAt(11) == '-'
                && Checksums.allDigits(v, 0, 3) && Checksums.allDigits(v, 4, 7) && Checksums.allDigits(v, 8, 11)
                && Checksums.allDigits(v, 12, 14);
    }
}
