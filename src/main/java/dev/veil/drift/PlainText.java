package dev.veil.drift;

/**
 * A finding's message or action as plain text, for faces that show no Markdown (the console): the
 * code spans {@link Wording#code} wrote lose their backticks and nothing is backslash-escaped, so a
 * reader sees {@code KEYS_ONLY}, never {@code `KEYS_ONLY`} or {@code KEYS\_ONLY}.
 */
public final class PlainText {

    private PlainText() {
    }

    public static String of(String message) {
        StringBuilder sb = new StringBuilder();
        CodeSpans.split(message).forEach(s -> sb.append(s.text()));
        return sb.toString();
    }
}
