package dev.veil.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * File and type names derived from a table name: the words are the runs of {@code a-z0-9} in the
 * lower-cased name, so {@code User-Profiles.v2} gives {@code user_profiles_v2},
 * {@code UserProfilesV2} and {@code userProfilesV2}.
 */
final class TableNames {

    private TableNames() {
    }

    static List<String> words(String table) {
        List<String> words = new ArrayList<>();
        for (String w : table.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            words.add("table");
        }
        return words;
    }

    /** {@code user_profiles_v2}: lower-cased, every run outside {@code a-z0-9} turned into {@code _}. */
    static String snake(String table) {
        return table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    static String pascal(String table) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(table)) {
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return Character.isDigit(sb.charAt(0)) ? "T" + sb : sb.toString();
    }

    static String camel(String table) {
        String p = pascal(table);
        return Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }
}
