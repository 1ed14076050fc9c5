package dev.veil.policy;

import java.nio.file.Path;

/** A problem found in a policy text before it is tied to a file: where, what, and what to do. */
record Issue(int line, int column, String message, String hint) {
    Issue {
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    static Issue at(Spot spot, String message, String hint) {
        return new Issue(spot.line(), spot.column(), message, hint);
    }

    PolicyProblem in(Path file) {
        return new PolicyProblem(file, line, column, message, hint);
    }

    PolicyFormatException toException(String source) {
        return new PolicyFormatException(source, line, column, message, hint);
    }

    /** A 1-based line and column. */
    record Spot(int line, int column) {
        static final Spot START = new Spot(1, 1);

        /** The spot of {@code offset} (a UTF-16 index) in {@code text}. */
        static Spot of(String text, int offset) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Spot(line, offset - lineStart + 1);
        }
    }
}
