package dev.veil.inference.detect;

import java.util.regex.Pattern;

/**
 * Government identifiers in their printed forms, validated where a rule or check digit
 * exists: US Social Security numbers ({@code 123-45-6789}, area/group/serial rules), UK
 * National Insurance numbers (prefix rules), Canadian Social Insurance numbers (Luhn), Spanish
 * DNI/NIE (mod-23 letter) and Brazilian CPF (two mod-11 digits). Unformatted nine-digit runs
 * are not counted: they are indistinguishable from ordinary numbers.
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
        super(ID, "national identifiers (SSN, NINO, SIN, DNI/NIE, CPF)", Leaning.OWNER_ONLY, 0.9);
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 9 || n > 14) {
            return false;
        }
        char first = value.charAt(0);
        if (first >= '0' && first <= '9') {
            return ssn(value) || sin(value) || dni(value) || cpf(value);
        }
        return first >= 'A' && first <= 'Z' && (nino(value) || dni(value));
    }

    static boolean ssn(String v) {
        var m = SSN.matcher(v);
        if (!m.matches()) {
            return false;
        }
        int area = Integer.parseInt(m.group(1));
        return area != 0 && area != 666 && area < 900 && !m.group(3).equals("00") && !m.group(4).equals("0000");
    }

    static boolean nino(String v) {
        if (!NINO.matcher(v).matches()) {
            return false;
        }
        String prefix = v.substring(0, 2);
        return !(prefix.equals("BG") || prefix.equals("GB") || prefix.equals("KN") || prefix.equals("NK")
                || prefix.equals("NT") || prefix.equals("TN") || prefix.equals("ZZ"));
    }

    static boolean sin(String v) {
        return SIN.matcher(v).matches() && Checksums.luhn(Checksums.digitsWithout(v, " -"));
    }

    static boolean dni(String v) {
        if (!DNI.matcher(v).matches()) {
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
        if (!CPF.matcher(v).matches()) {
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
