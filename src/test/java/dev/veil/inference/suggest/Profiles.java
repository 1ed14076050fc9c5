package dev.veil.inference.suggest;

import dev.veil.inference.detect.ValueDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.DynamoType;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import dev.veil.testing.ProfileBuilder;
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
        return ProfileBuilder.attribute(path).type(type, values.size()).distinct(new HashSet<>(values).size())
                .scanned(scanned ? values.size() : 0).hits(hits).build();
    }

    static AttributeProfile of(String path, DynamoType type, String... values) {
        return of(AttributePath.parse(path), type, List.of(values));
    }

    /** A map or list attribute: counted, never scanned. */
    static AttributeProfile container(AttributePath path, DynamoType type, long items) {
        return ProfileBuilder.attribute(path).type(type, items).build();
    }

    static TableProfile table(String name, List<AttributeProfile> attributes) {
        return ProfileBuilder.table(name).sampledAt(Instant.parse("2026-01-01T00:00:00Z")).items(100)
                .attributes(attributes).build();
    }
}
