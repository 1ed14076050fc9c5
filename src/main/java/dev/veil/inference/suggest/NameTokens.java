package dev.veil.inference.suggest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits attribute names into lower-case word tokens so that rules match whole words, never
 * substrings: {@code passwordResetRequired} is {@code [password, reset, required]},
 * {@code ACADEMIC_YEAR_CODE} is {@code [academic, year, code]}, {@code HTTPServer2} is
 * {@code [http, server, 2]}, {@code mot-de-passe} is {@code [mot, de, passe]}. Splits at
 * anything that is not a letter or digit, at lower-to-upper case changes, before the last
 * capital of an acronym followed by lower case, and between letters and digits.
 */
public final class NameTokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameTokens() {
    }

    /** The tokens of {@code name}, lower-cased, in order; empty for a name without letters or digits. */
    public static List<String> split(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int previous = 0; // code point before the current one, 0 at a boundary
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int next = i + Character.charCount(cp) < name.length() ? name.codePointAt(i + Character.charCount(cp)) : 0;
            if (!Character.isLetterOrDigit(cp)) {
                flush(current, out);
                previous = 0;
            } else {
                if (previous != 0 && boundary(previous, cp, next)) {
                    flush(current, out);
                }
                current.appendCodePoint(cp);
                previous = cp;
            }
            i += Character.charCount(cp);
        }
        flush(current, out);
        return out;
    }

    /**
     * A token folded for matching: accents dropped ({@code contraseña} to {@code contrasena}),
     * {@code ß} to {@code ss}. Scripts without case or accents pass unchanged.
     */
    public static String fold(String token) {
        String lower = token.toLowerCase(Locale.ROOT).replace("ß", "ss");
        if (isAscii(lower)) {
            return lower;
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    private static boolean boundary(int previous, int cp, int next) {
        boolean prevDigit = Character.isDigit(previous);
        boolean digit = Character.isDigit(cp);
        if (prevDigit != digit) {
            return true;
        }
        if (digit) {
            return false;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(cp)) {
            return true;
        }
        // "HTTPServer": split before the S that starts a capitalised word
        return Character.isUpperCase(previous) && Character.isUpperCase(cp) && next != 0 && Character.isLowerCase(next);
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
