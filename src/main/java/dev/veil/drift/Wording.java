package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The phrasing shared by every finding: names in code spans, percentages, dates and the commands a
 * steward can paste. Names go through {@link #code} so that writers can find them again
 * ({@link CodeSpans}) whatever characters they hold.
 */
final class Wording {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,:/=@+-]+");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Wording() {
    }

    /**
     * A Markdown code span holding {@code text} literally, fenced by more backticks than it contains and
     * padded with a space where CommonMark would otherwise merge or strip characters. {@code text} is never
     * empty here (a path prints at least {@code ""}); CommonMark has no empty code span.
     */
    static String code(String text) {
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean allSpaces = text.chars().allMatch(c -> c == ' ');
        boolean pad = !allSpaces && (text.startsWith("`") || text.endsWith("`")
                || (text.startsWith(" ") && text.endsWith(" ")));
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }

    /**
     * Text with every character that would act instead of show (controls such as NUL and CR, line
     * and paragraph separators, bidirectional overrides) written as a visible backslash-u escape, so
     * no report format carries one raw. Report writers pass all their text through this.
     */
    static String visible(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean acts = Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
            if (acts && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(acts ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    static String code(AttributePath path) {
        return code(path.toString());
    }

    /** A share as a whole percentage; "under 1%" rather than a misleading 0%. */
    static String percent(double share) {
        if (share > 0 && share < 0.005) {
            return "under 1%";
        }
        return Math.round(share * 100) + "%";
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    static String items(long n) {
        return n == 1 ? "1 item" : n + " items";
    }

    static String version(int v) {
        return "policy v" + v;
    }

    /** Types as "S", or "S, N" in code order. */
    static String types(Collection<DynamoType> types) {
        return types.stream().sorted().map(DynamoType::code).collect(Collectors.joining(", "));
    }

    /** Observed types with counts, most frequent first: "S ×120, N ×380". */
    static String typeCounts(Map<DynamoType, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<DynamoType, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().code() + " \u00d7" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A word that can be pasted into a POSIX shell: bare when safe, otherwise single-quoted. */
    static String shellWord(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command line as a code span, its arguments shell-quoted where needed. */
    static String command(String... words) {
        StringBuilder sb = new StringBuilder("veil");
        for (String w : words) {
            sb.append(' ').append(w.startsWith("--") ? w : shellWord(w));
        }
        return code(sb.toString());
    }

    static String tagCommand(String table, AttributePath path, String classLabel) {
        return code("veil tag " + shellWord(table) + " " + shellWord(path.toString()) + " " + classLabel);
    }

    static String tagCommand(String table, AttributePath path, Classification c) {
        return tagCommand(table, path, c.label());
    }

    /** The tag command of a path of the table, or of one of its entities. */
    static String tagCommand(String table, java.util.Optional<String> entity, AttributePath path, String classLabel) {
        return entity.map(e -> code("veil tag " + shellWord(table) + " " + shellWord(path.toString()) + " "
                + classLabel + " --entity " + shellWord(e))).orElseGet(() -> tagCommand(table, path, classLabel));
    }

    static String tagCommand(String table, java.util.Optional<String> entity, AttributePath path, Classification c) {
        return tagCommand(table, entity, path, c.label());
    }

    static String reviewCommand(String table) {
        return command("review", table);
    }

    /** The review command of the table, or of one of its entities. */
    static String reviewCommand(String table, java.util.Optional<String> entity) {
        return entity.map(e -> command("review", table, "--entity", e)).orElseGet(() -> reviewCommand(table));
    }

    static String publishCommand(String table) {
        return command("publish", table);
    }

    /** The choice of classes, for actions where Veil has no suggestion. */
    static String anyClass() {
        return "public|owner-only|secret";
    }
}
