package dev.veil.drift;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.veil.model.AttributePath;
import dev.veil.policy.JsonLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where an attribute's rule sits in a policy file, by streaming through the file with
 * Jackson and remembering the line and column of every key. An attribute the file does not name
 * points at its nearest named ancestor (a new top-level attribute at {@code "attributes"}); a
 * table-wide finding at {@code "table"}.
 */
final class PolicyLocator {

    /** DynamoDB allows 64 KB attribute names; Jackson's default limit is 50,000 characters. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(JsonLimits.longNames()).build();

    private final Path file;
    private final Map<List<String>, SourceLocation> keys;

    private PolicyLocator(Path file, Map<List<String>, SourceLocation> keys) {
        this.file = file;
        this.keys = keys;
    }

    /** Reads and indexes a policy file; empty when it cannot be read or is not JSON (locations are best effort). */
    static Optional<PolicyLocator> read(Path file) {
        try {
            return Optional.of(new PolicyLocator(file, index(file, Files.readString(file))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<List<String>, SourceLocation> index(Path file, String text) throws IOException {
        Map<List<String>, SourceLocation> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(text)) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    JsonLocation at = p.currentTokenLocation();
                    out.putIfAbsent(keyPath(p.getParsingContext()),
                            new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
                }
            }
        }
        return out;
    }

    /** The chain of keys (and "[i]" for array elements) from the document root to the current key. */
    private static List<String> keyPath(JsonStreamContext context) {
        List<String> out = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            out.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return out;
    }

    /** Where a finding about {@code path} (or, when empty, about the whole table) points. */
    SourceLocation locate(Optional<AttributePath> path) {
        return locate(path, Optional.empty());
    }

    /**
     * Where a finding about {@code path} of {@code entity} points: into {@code entities.E.attributes}; a
     * kind the file does not name points at {@code entities}.
     */
    SourceLocation locate(Optional<AttributePath> path, Optional<String> entity) {
        List<String> keyPath = new ArrayList<>();
        if (entity.isPresent()) {
            keyPath.addAll(List.of("entities", entity.get()));
            path.filter(p -> keys.containsKey(List.of("entities", entity.get())))
                    .ifPresent(p -> keyPath.addAll(policyKeys(p)));
        } else {
            keyPath.addAll(path.map(PolicyLocator::policyKeys).orElse(List.of("table")));
        }
        for (int n = keyPath.size(); n > 0; n--) {
            SourceLocation at = keys.get(keyPath.subList(0, n));
            if (at != null) {
                return at;
            }
        }
        return new SourceLocation(file, 1, 1);
    }

    /** The keys leading to a path's rule: attributes.a.fields.b.items.fields.c for {@code a.b[].c}. */
    static List<String> policyKeys(AttributePath path) {
        List<String> out = new ArrayList<>(List.of("attributes", path.topLevelName()));
        for (AttributePath.Segment s : path.segments().subList(1, path.segments().size())) {
            if (s instanceof AttributePath.Name n) {
                out.add("fields");
                out.add(n.name());
            } else {
                out.add("items");
            }
        }
        return out;
    }
}
