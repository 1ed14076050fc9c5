package dev.veil.drift;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a finding message into plain text and the code spans {@link Wording#code} wrote, following
 * the CommonMark rule (a run of n backticks opens a span closed by the next run of exactly n), so that
 * each writer can escape the parts its own way.
 */
final class CodeSpans {

    /** A piece of a message: plain text, or the literal content of a code span. */
    record Segment(String text, boolean code) {
    }

    private CodeSpans() {
    }

    static List<Segment> split(String message) {
        List<Segment> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            if (message.charAt(i) != '`') {
                plain.append(message.charAt(i++));
                continue;
            }
            int run = runLength(message, i);
            int close = findClosing(message, i + run, run);
            if (close < 0) {
                plain.append(message, i, i + run);
                i += run;
                continue;
            }
            if (!plain.isEmpty()) {
                out.add(new Segment(plain.toString(), false));
                plain.setLength(0);
            }
            out.add(new Segment(strip(message.substring(i + run, close)), true));
            i = close + run;
        }
        if (!plain.isEmpty()) {
            out.add(new Segment(plain.toString(), false));
        }
        return out;
    }

    private static int runLength(String s, int from) {
        int end = from;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        return end - from;
    }

    private static int findClosing(String s, int from, int run) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int n = runLength(s, i);
                if (n == run) {
                    return i;
                }
                i += n;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** CommonMark drops one space from each side when both sides have one and the span is not all spaces. */
    private static String strip(String content) {
        boolean padded = content.length() >= 2 && content.startsWith(" ") && content.endsWith(" ")
                && !content.chars().allMatch(c -> c == ' ');
        return padded ? content.substring(1, content.length() - 1) : content;
    }
}
