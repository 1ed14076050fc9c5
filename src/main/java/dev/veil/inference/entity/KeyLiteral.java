package dev.veil.inference.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The literal that leads a key value: {@code ORDER} in {@code ORDER#2024-001}, {@code USER} in
 * {@code USER:42} or {@code TENANT|7}, or a whole constant such as {@code PROFILE}.
 *
 * @param name  the literal itself, used as the entity's name
 * @param value what a match tests: the literal with its delimiter (a prefix) or the whole value
 * @param whole true when the key value is the literal alone (an equality match)
 */
record KeyLiteral(String name, String value, boolean whole) {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** The leading literal of {@code keyValue}, if it has one. */
    static Optional<KeyLiteral> of(String keyValue) {
        int cut = -1;
        for (int i = 0; i < keyValue.length(); i++) {
            char c = keyValue.charAt(i);
            if (c == '#' || c == ':' || c == '|') {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            return CONSTANT.matcher(keyValue).matches()
                    ? Optional.of(new KeyLiteral(keyValue, keyValue, true)) : Optional.empty();
        }
        String literal = keyValue.substring(0, cut);
        return WORD.matcher(literal).matches()
                ? Optional.of(new KeyLiteral(literal, keyValue.substring(0, cut + 1), false)) : Optional.empty();
    }

    /** True when {@code keyValue} passes the match this literal stands for. */
    boolean holdsFor(String keyValue) {
        return whole ? keyValue.equals(value) : keyValue.startsWith(value);
    }
}
