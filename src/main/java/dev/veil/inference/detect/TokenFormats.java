package dev.veil.inference.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credential formats of {@code token-formats.tsv}, read once. The table is data so that
 * adding a provider is a reviewed one-line change; {@link TokenTrie} turns each family's rows into
 * a matcher that looks at a value's leading characters once instead of running every pattern.
 */
public final class TokenFormats {

    static final String RESOURCE = "token-formats.tsv";
    private static final List<TokenFormat> ALL = load();

    private TokenFormats() {
    }

    /** Every format, in table order. */
    public static List<TokenFormat> all() {
        return ALL;
    }

    /** The formats of each family, families in table order. */
    public static Map<String, List<TokenFormat>> byFamily() {
        Map<String, List<TokenFormat>> out = new LinkedHashMap<>();
        for (TokenFormat f : ALL) {
            out.computeIfAbsent(f.family(), k -> new ArrayList<>()).add(f);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    private static List<TokenFormat> load() {
        try (InputStream in = TokenFormats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The formats of a table's lines; throws {@link IllegalArgumentException} naming the bad line. */
    static List<TokenFormat> parse(List<String> lines) {
        List<TokenFormat> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false; // the column names
                continue;
            }
            String[] cells = line.split("\t", -1);
            String where = RESOURCE + ":" + (i + 1) + ": ";
            if (cells.length != 5) {
                throw new IllegalArgumentException(where + "expected 5 tab-separated cells, found " + cells.length);
            }
            if (!ids.add(cells[0])) {
                throw new IllegalArgumentException(where + "id " + cells[0] + " is used twice");
            }
            try {
                out.add(new TokenFormat(cells[0], cells[1], cells[2], TokenPattern.compile(cells[3]),
                        cells[4].isEmpty() ? TokenCheck.NONE : TokenCheck.of(cells[4])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }
}
