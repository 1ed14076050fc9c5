package dev.veil.inference.suggest;

import dev.veil.inference.detect.ValueDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.DynamoType;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds profiles the way sampling will, small enough for tests: counts types, distinct values
 * and detector hits over the given values (the real accumulator lives elsewhere).
 */
final class Profiles {

    private static final List<ValueDetector> DETECTORS = ValueDetectors.standard();

    private Profiles() {
    }

    /** A scalar (or set) attribute seen once per value; strings and numbers go through the detectors. */
    static AttributeProfile of(AttributePath path, DynamoType type, List<String> values) {
        boolean scanned = type == DynamoType.S || type == DynamoType.N || type == DynamoType.SS || type == DynamoType.NS;
        TreeMap<String, Long> hits = new TreeMap<>();
        if (scanned) {
            for (String v : values) {
                for (ValueDetector d : DETECTORS) {
                    if (d.matches(v)) {
                        hits.merge(d.id(), 1L, Long::sum);
                    }
                }
            }
        }
        return new AttributeProfile(path, Map.of(type, (long) values.size()), values.size(), 1.0, Optional.empty(),
                Optional.empty(), Optional.empty(), new HashSet<>(values).size(), List.of(), scanned ? values.size() : 0, hits);
    }

    static AttributeProfile of(String path, DynamoType type, String... values) {
        return of(AttributePath.parse(path), type, List.of(values));
    }

    /** A map or list attribute: counted, never scanned. */
    static AttributeProfile container(AttributePath path, DynamoType type, long items) {
        return new AttributeProfile(path, Map.of(type, items), items, 1.0, Optional.empty(), Optional.empty(), Optional.empty(),
                0, List.of(), 0, new TreeMap<>());
    }

    static TableProfile table(String name, List<AttributeProfile> attributes) {
        return new TableProfile(name, "table", Instant.parse("2026-01-01T00:00:00Z"), 100, Optional.empty(), attributes,
                SampleCoverage.unsegmented(100, 0, 0, true), List.of());
    }
}
