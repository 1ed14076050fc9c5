package dev.veil.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed runtime of a generated language, read from a resource file under
 * {@code dev/veil/codegen/runtime/} that is linted and type-checked as a file of that language. A
 * line {@code <marker><name>} starts a section, which runs to the next marker line; the marker
 * lines and whatever precedes the first one (the file's own documentation) are left out, and a
 * section ends at its last non-blank line, so each writer decides the spacing between sections.
 */
final class RuntimeText {

    private final String resource;
    private final Map<String, String> sections;

    private RuntimeText(String resource, Map<String, String> sections) {
        this.resource = resource;
        this.sections = sections;
    }

    /** The sections of {@code resource} (a file name in the runtime folder), split at {@code marker}. */
    static RuntimeText load(String resource, String marker) {
        String text;
        try (InputStream in = RuntimeText.class.getResourceAsStream("runtime/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the runtime resource " + resource + " is missing from Veil's jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuntimeText(resource, split(text, marker));
    }

    static Map<String, String> split(String text, String marker) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(marker)) {
                if (name != null) {
                    sections.put(name, trimEnd(body));
                }
                name = line.substring(marker.length()).strip();
                body.setLength(0);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            sections.put(name, trimEnd(body));
        }
        return sections;
    }

    /** The section's lines, each ending in a newline, without trailing blank lines. */
    String section(String name) {
        String s = sections.get(name);
        if (s == null) {
            throw new IllegalStateException("the runtime resource " + resource + " has no section " + name);
        }
        return s;
    }

    /** {@code text} with every {@code target} replaced; the runtime resource must contain it. */
    static String replaced(String text, String target, String replacement) {
        if (!text.contains(target)) {
            throw new IllegalStateException("the runtime resource no longer contains " + target.strip());
        }
        return text.replace(target, replacement);
    }

    private static String trimEnd(StringBuilder body) {
        int end = body.length();
        while (end > 0 && body.charAt(end - 1) == '\n') {
            end--;
        }
        return end == 0 ? "" : body.substring(0, end) + "\n";
    }
}
