package dev.veil.inference.detect;

import java.util.regex.Pattern;

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

    private static final Pattern SSN = Pattern.compile("(\\d{3})([- ])(\\d{2})\\2(\\d{4})");
    private static final Pattern NINO = Pattern.compile("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]");
    private static final Pattern SIN = Pattern.compile("[1-79]\\d{2}([- ])\\d{3}\\1\\d{3}");
    private static final Pattern DNI = Pattern.compile("([XYZ]|\\d)\\d{7}-?[A-Z]");
    private static final Pattern CPF = Pattern.compile("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}");
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    public NationalIdDetector() {
        super(ID, "national identifiers (SSN, NINO, PESEL, personnummer, Aadhaar, CPF...)", Leaning.OWNER_ONLY, 0.9);
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
            default -> v.length() > 15 && NationalIds.fr(Checksums.digitsOrLettersWithout(v, " "));
        };
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
        var m = SSN.matcher(v);
        if (!m.matches()) {
            return false;
        }
        int area = Integer.parseInt(m.group(1));
        return area != 0 && area != 666 && area < 900 && !m.group(3).equals("00") && !m.group(4).equals("0000");
    }

    static boolean nino(String v) {
        if (v.length() < 9 || v.length() > 13 || !NINO.matcher(v).matches()) {
            return false;
        }
        String prefix = v.substring(0, 2);
        return !(prefix.equals("BG") || prefix.equals("GB") || prefix.equals("KN") || prefix.equals("NK")
                || prefix.equals("NT") || prefix.equals("TN") || prefix.equals("ZZ"));
    }

    static boolean sin(String v) {
        return v.length() == 11 && SIN.matcher(v).matches() && Checksums.luhn(Checksums.digitsWithout(v, " -"));
    }

    static boolean dni(String v) {
        if (v.length() < 9 || v.length() > 10 || !DNI.matcher(v).matches()) {
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
        if (v.length() != 14 || !CPF.matcher(v).matches()) {
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
}
