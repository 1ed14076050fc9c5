package dev.veil.codegen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns attribute names into identifiers that are safe in the target language: characters outside
 * letters, digits and {@code _} become {@code _}, a leading digit or a keyword gets a suffix, and
 * clashes are numbered. Attribute names themselves only ever appear inside escaped string literals.
 */
final class Identifiers {

    static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "non-sealed", "_",
            // Not keywords, but illegal or confusing as record components:
            "tostring", "hashcode", "getclass", "clone", "finalize", "notify", "notifyall", "wait", "equals", "of");

    private static final int MAX_LENGTH = 64;

    private final Set<String> reserved;
    private final Set<String> used = new HashSet<>();

    Identifiers(Set<String> reserved) {
        this.reserved = reserved;
    }

    /** A fresh lowerCamel-ish identifier for {@code name}. */
    String fresh(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> sb.append(cp < 128 && Character.isLetterOrDigit(cp) ? (char) cp : '_'));
        // Long names make unreadable identifiers and can pass the class file's 64 KB limit on a name.
        String base = sb.length() == 0 ? "attribute" : sb.substring(0, Math.min(sb.length(), MAX_LENGTH));
        if (Character.isDigit(base.charAt(0))) {
            base = "a" + base;
        }
        if (reserved.contains(base) || reserved.contains(base.toLowerCase(Locale.ROOT)) || base.matches("_+")) {
            base = base + "_";
        }
        String candidate = base;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }
}
