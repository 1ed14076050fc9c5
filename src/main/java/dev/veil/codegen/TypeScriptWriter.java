package dev.veil.codegen;

/**
 * Writes TypeScript source: owns string literals, comments, declarations and the fixed runtime
 * (read from {@code runtime/veil_runtime.ts}, {@code veil_entities.ts} and {@code veil_reads.ts}).
 * Every literal is double-quoted and pure ASCII (quotes, backslashes, control characters,
 * U+2028/2029 and anything non-ASCII escaped), so no attribute name can end a string, open a
 * template or break a line; a comment cannot be closed by the text it holds.
 */
final class TypeScriptWriter {

    private static final String MARKER = "// veil: ";
    private static final RuntimeText RUNTIME = RuntimeText.load("veil_runtime.ts", MARKER);
    private static final RuntimeText ENTITIES = RuntimeText.load("veil_entities.ts", MARKER);
    private static final RuntimeText READS = RuntimeText.load("veil_reads.ts", MARKER);
    /** How the reads resource imports the sanitizer module it stands beside. */
    private static final String RUNTIME_MODULE = "./veil_runtime";

    private final StringBuilder out = new StringBuilder();

    TypeScriptWriter blank() {
        out.append('\n');
        return this;
    }

    /** A JSDoc block holding {@code text}, one line of it per line; {@code *}{@code /} is escaped. */
    TypeScriptWriter comment(String text) {
        StringBuilder sb = new StringBuilder("/**\n");
        for (String line : text.replace("*/", "*\\/").split("\n", -1)) {
            if (!line.isEmpty() || sb.length() > 4) {
                sb.append(line.isEmpty() ? " *\n" : " * " + line + "\n");
            }
        }
        while (sb.toString().endsWith(" *\n *\n")) {
            sb.setLength(sb.length() - 3);
        }
        out.append(sb.append(" */\n").toString().replace(" *\n */", " */"));
        return this;
    }

    /** A one-line JSDoc comment. */
    TypeScriptWriter doc(String text) {
        out.append("/** ").append(text.replace("*/", "*\\/")).append(" */\n");
        return this;
    }

    /** {@code export const name = value;} with the type inferred. */
    TypeScriptWriter exportConst(String name, String value) {
        out.append("export const ").append(name).append(" = ").append(value).append(";\n");
        return this;
    }

    /** {@code export const name: type = value;} */
    TypeScriptWriter exportConst(String name, String type, String value) {
        out.append("export ");
        return constant(name, type, value);
    }

    /** {@code const name: type = value;}, private to the module. */
    TypeScriptWriter constant(String name, String type, String value) {
        out.append("const ").append(name).append(": ").append(type).append(" = ").append(value).append(";\n");
        return this;
    }

    /** {@code export interface name body}, {@code body} being the braces and members. */
    TypeScriptWriter exportInterface(String name, String body) {
        out.append("export interface ").append(name).append(' ').append(body).append('\n');
        return this;
    }

    /** The runtime's types: attribute values, items and rules, followed by a blank line. */
    TypeScriptWriter runtimeTypes() {
        out.append(RUNTIME.section("types"));
        return blank();
    }

    /** The types of a policy with entities (match, owner, entity, projections), followed by a blank line. */
    TypeScriptWriter entityTypes() {
        out.append(ENTITIES.section("entity-types"));
        return blank();
    }

    /** Rule compilation, sanitize and isOwner (with entities: entityOf and ownerViewFor too), and the filter. */
    TypeScriptWriter runtime(boolean entities) {
        out.append(RUNTIME.section("compile")).append('\n')
                .append(entities ? ENTITIES.section("sanitize-entities") : RUNTIME.section("sanitize-one-kind")).append('\n')
                .append(RUNTIME.section("filter"));
        return this;
    }

    /** The reads module's code after its header, importing from the sanitizer module {@code module}. */
    TypeScriptWriter reads(boolean entities, String module) {
        String reads = "\n" + READS.section("reads");
        out.append((entities ? entityReads(reads) : reads).replace(RUNTIME_MODULE + ".js\"", "./" + module + ".js\""));
        return this;
    }

    /** The reads of a table with entities: the reads of one kind, deciding views per entity and skipping dropped items. */
    private static String entityReads(String reads) {
        String ownerView = between(reads, "/**\n * The owner projection only for an item", "/** Gets one item");
        String queryOwnerView = between(reads, "/**\n * The owner projection only for a query", "/**\n * Runs a query page by page");
        String out = reads;
        out = RuntimeText.replaced(out, "  OWNER_ATTRIBUTE,\n", "");
        out = RuntimeText.replaced(out, "  isOwner,\n", "  ownerViewFor,\n");
        out = RuntimeText.replaced(out, ownerView, "");
        out = RuntimeText.replaced(out, queryOwnerView, ENTITIES.section("query-view-entities") + "\n");
        out = RuntimeText.replaced(out, "...projection(ownerView(key, requesterId))",
                "...projection(ownerViewFor(new Map(Object.entries(key)), new Set(), requesterId, false))");
        out = RuntimeText.replaced(out, "sanitize(response.Item as Item, requesterId);",
                "sanitize(response.Item as Item, requesterId) ?? undefined;");
        out = RuntimeText.replaced(out, "Gets one item with the requester's projection and sanitizes it; undefined when absent.",
                "Gets one item with the requester's projection and sanitizes it; undefined when absent or of no entity or several.");
        return RuntimeText.replaced(out, "      yield sanitize(item as Item, requesterId);\n",
                "      const kept = sanitize(item as Item, requesterId);\n      if (kept !== null) {\n        yield kept;\n      }\n");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, Math.max(start, 0));
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the runtime resource veil_reads.ts no longer has the section starting " + from.strip());
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
