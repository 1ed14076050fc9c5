package dev.veil.model;

/** An attribute path that does not parse; carries the 1-based column of the problem. */
public final class PathSyntaxException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int column;

    public PathSyntaxException(String input, int column, String problem) {
        super(Kind.BAD_INPUT, "invalid attribute path " + quote(input) + " at column " + column + ": " + problem
                + " (write segments joined by '.', '[]' for list elements, and quote other names as JSON strings: "
                + "address.city, orders[].total, \"weird.name\")");
        this.input = input;
        this.column = column;
    }

    public String input() {
        return input;
    }

    public int column() {
        return column;
    }

    private static String quote(String s) {
        return AttributePath.jsonQuote(s);
    }
}
