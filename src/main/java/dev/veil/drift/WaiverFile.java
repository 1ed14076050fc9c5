package dev.veil.drift;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.veil.model.AttributePath;
import dev.veil.model.FindingKind;
import dev.veil.model.PathSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code <policies>/waivers.json}:
 * {@code {"format":"veil-waivers/1","waivers":[{"by","entity"?,"kind","path","reason","table","until"}]}}.
 * Written canonically (keys sorted, waivers in {@link Waiver#ORDER}, two-space indent, LF, trailing
 * newline) so that a pull request shows exactly the waiver added or removed. Reading validates every
 * value and names the file, line and column of the first problem.
 */
public final class WaiverFile {

    /** The value of {@code "format"}. */
    public static final String FORMAT = "veil-waivers/1";
    /** The file's name inside the policy store. */
    public static final String NAME = "waivers.json";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Set<String> REQUIRED = Set.of("table", "path", "kind", "reason", "by", "until");
    private static final Set<String> KEYS = Set.of("table", "path", "kind", "entity", "reason", "by", "until");

    private WaiverFile() {
    }

    /** Where the store rooted at {@code policies} keeps its waivers. */
    public static Path in(Path policies) {
        return policies.resolve(NAME);
    }

    /** The waivers in {@code file}, each with the line it starts on; none when the file does not exist. */
    public static List<Located> read(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (CharacterCodingException e) {
            throw WaiverFileException.at(file, 1, 1, "not UTF-8 text; restore it from version control");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** A waiver and the line of {@code waivers.json} its object starts on. */
    public record Located(Waiver waiver, SourceLocation location) {
    }

    static List<Located> parse(Path file, String text) {
        try (JsonParser p = JSON.createParser(text)) {
            List<Located> out = new ArrayList<>();
            expect(p, p.nextToken() == JsonToken.START_OBJECT, file, "the file must be one JSON object {\"format\": \""
                    + FORMAT + "\", \"waivers\": [...]}");
            boolean format = false;
            boolean waivers = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "format" -> {
                        expect(p, value == JsonToken.VALUE_STRING && FORMAT.equals(p.getText()), file,
                                "\"format\" must be \"" + FORMAT + "\"");
                        format = true;
                    }
                    case "waivers" -> {
                        expect(p, value == JsonToken.START_ARRAY, file, "\"waivers\" must be a list of waivers");
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            out.add(waiver(p, file));
                        }
                        waivers = true;
                    }
                    default -> throw problem(p, file, "unknown key \"" + key + "\"; a waivers file holds only"
                            + " \"format\" and \"waivers\"");
                }
            }
            expect(p, format && waivers, file, "missing \"format\" or \"waivers\"");
            expect(p, p.nextToken() == null, file, "unexpected content after the JSON object");
            duplicates(out, file);
            return out;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw WaiverFileException.at(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(),
                    "not valid JSON ("
                    + e.getOriginalMessage().split("\n")[0] + "); fix the file or restore it from version control");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Located waiver(JsonParser p, Path file) throws IOException {
        expect(p, p.currentToken() == JsonToken.START_OBJECT, file, "each waiver must be an object");
        SourceLocation start = location(p, file);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceLocation> where = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            where.put(key, location(p, file));
            if (!KEYS.contains(key)) {
                throw problem(p, file, "unknown key \"" + key + "\" in a waiver; use " + String.join(", ",
                        List.of("table", "path", "kind", "entity", "reason", "by", "until")));
            }
            expect(p, p.nextToken() == JsonToken.VALUE_STRING, file, "\"" + key + "\" must be a string");
            expect(p, !p.getText().isBlank(), file, "\"" + key + "\" must not be empty");
            values.put(key, p.getText());
        }
        for (String key : List.of("table", "path", "kind", "reason", "by", "until")) {
            if (!values.containsKey(key)) {
                throw new WaiverFileException(start, "the waiver has no \"" + key + "\"; every waiver names "
                        + String.join(", ", REQUIRED.stream().sorted().toList()));
            }
        }
        AttributePath path;
        try {
            path = AttributePath.parse(values.get("path"));
        } catch (PathSyntaxException e) {
            throw new WaiverFileException(where.get("path"), "\"path\" is not an attribute path: " + e.getMessage());
        }
        FindingKind kind = FindingKind.fromLabel(values.get("kind")).filter(WaiverFile::waivable)
                .orElseThrow(() -> new WaiverFileException(where.get("kind"), "unknown kind \""
                        + values.get("kind") + "\"; a waiver names one of: " + waivableLabels()));
        LocalDate until = date(values.get("until")).orElseThrow(() -> new WaiverFileException(where.get("until"),
                "\"until\" is \"" + values.get("until") + "\", not a date; write YYYY-MM-DD, e.g. 2026-03-31"));
        Waiver w = new Waiver(values.get("table"), path, kind, Optional.ofNullable(values.get("entity")),
                values.get("reason"), values.get("by"), until);
        return new Located(w, start);
    }

    private static void duplicates(List<Located> waivers, Path file) {
        for (int i = 0; i < waivers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (waivers.get(i).waiver().sameFindingAs(waivers.get(j).waiver())) {
                    throw new WaiverFileException(waivers.get(i).location(), "a second waiver for the same finding"
                            + " as the one on line " + waivers.get(j).location().line() + "; keep one of them");
                }
            }
        }
    }

    /** Kinds a waiver may name: findings about an attribute, not findings about waivers themselves. */
    public static boolean waivable(FindingKind kind) {
        return switch (kind) {
            case EXPIRED_WAIVER, UNUSED_WAIVER, NO_POLICY -> false;
            default -> true;
        };
    }

    /** The kinds a waiver may name, for messages. */
    public static String waivableLabels() {
        return String.join(", ", java.util.Arrays.stream(FindingKind.values()).filter(WaiverFile::waivable)
                .map(FindingKind::label).toList());
    }

    /** A {@code YYYY-MM-DD} date; empty for anything else. */
    public static Optional<LocalDate> date(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The canonical text of a waivers file holding {@code waivers}. */
    public static String write(List<Waiver> waivers) {
        StringBuilder sb = new StringBuilder("{\n  \"format\": ").append(quote(FORMAT)).append(",\n  \"waivers\": [");
        List<Waiver> sorted = waivers.stream().sorted(Waiver.ORDER).toList();
        for (int i = 0; i < sorted.size(); i++) {
            Waiver w = sorted.get(i);
            Map<String, String> fields = new java.util.TreeMap<>();
            fields.put("by", w.by());
            w.entity().ifPresent(e -> fields.put("entity", e));
            fields.put("kind", w.kind().label());
            fields.put("path", w.path().toString());
            fields.put("reason", w.reason());
            fields.put("table", w.table());
            fields.put("until", w.until().toString());
            sb.append(i == 0 ? "\n" : ",\n").append("    {");
            int n = 0;
            for (Map.Entry<String, String> f : fields.entrySet()) {
                sb.append(n++ == 0 ? "\n" : ",\n").append("      ").append(quote(f.getKey())).append(": ")
                        .append(quote(f.getValue()));
            }
            sb.append("\n    }");
        }
        sb.append(sorted.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }

    private static String quote(String s) {
        try {
            return ReportJson.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SourceLocation location(JsonParser p, Path file) {
        JsonLocation at = p.currentTokenLocation();
        return new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static void expect(JsonParser p, boolean ok, Path file, String what) {
        if (!ok) {
            throw problem(p, file, what);
        }
    }

    private static WaiverFileException problem(JsonParser p, Path file, String what) {
        return new WaiverFileException(location(p, file), what);
    }
}
